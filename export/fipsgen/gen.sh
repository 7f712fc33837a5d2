#!/usr/bin/env bash
# Makes export/fips.tsv, the ISO 3166 alpha-2 to FIPS 10-4 country code table that `dyad export --format
# gdelt` writes GDELT's Geo_CountryCode columns with, from the npm package pinned here (package.json and
# package-lock.json). Run by hand; the output is committed and embedded, so go build needs no npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
node "$here/gen.mjs" "$work/node_modules" "$here/../fips.tsv"
