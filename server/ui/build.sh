#!/usr/bin/env bash
# Fetches the dashboard's npm dependencies (package.json + package-lock.json) and copies the minified files
# the dashboard uses into vendor/, which the Go build embeds. vendor/ is git-ignored: never commit its files.
# Run from anywhere: bash server/ui/build.sh, or go generate ./server. Without npm, the dashboard still works
# and draws its charts and its map as inline SVG.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v npm >/dev/null; then
	echo "build.sh: npm not found; the dashboard will draw its charts and map without uPlot and Leaflet" >&2
	exit 0
fi
# npm ci runs in a scratch copy, so no node_modules lands under server/ui (the embed pattern would miss it
# anyway, but it keeps the tree clean).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
mkdir -p "$here/vendor"
cp "$work/node_modules/uplot/dist/uPlot.iife.min.js" "$work/node_modules/uplot/dist/uPlot.min.css" "$here/vendor/"
cp "$work/node_modules/uplot/LICENSE" "$here/vendor/uPlot.LICENSE.txt"
# Leaflet draws the map page over the offline basemap in static/ (no tiles, no images: circle markers only).
cp "$work/node_modules/leaflet/dist/leaflet.js" "$work/node_modules/leaflet/dist/leaflet.css" "$here/vendor/"
cp "$work/node_modules/leaflet/LICENSE" "$here/vendor/leaflet.LICENSE.txt"
echo "build.sh: vendor/ has $(ls "$here/vendor" | grep -v README | tr '\n' ' ')"
