#!/usr/bin/env bash
# Makes the dashboard's offline basemap, static/countries-110m.geojson, from the npm packages pinned in this
# folder's package.json and package-lock.json (Natural Earth's 1:110m countries as published in world-atlas,
# read with topojson-client). Run by hand when the basemap should change; the output is committed, so neither
# go build nor the dashboard needs npm or the internet for it. Attribution: NOTICE.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
node "$here/gen.mjs" "$work/node_modules" "$here/../static/countries-110m.geojson"
