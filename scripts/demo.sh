#!/usr/bin/env bash
# The README's first command: build dyad (with the dashboard's npm packages when npm is there), ingest the
# bundled sample corpus into ./dyad.db and show what came out.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v npm >/dev/null && [ -x server/ui/build.sh ]; then
  echo "== dashboard assets (npm ci)"
  server/ui/build.sh >/dev/null || echo "npm build failed: the dashboard falls back to its built-in charts"
fi
echo "== go build"
CGO_ENABLED=0 go build -o dyad ./cmd/dyad
echo "== dyad ingest sample/"
./dyad ingest --db dyad.db "${@:-sample}" || [ $? -eq 1 ]   # exit 1 only says some inputs failed (reported above)
echo
echo "== dyad articles"
./dyad articles --db dyad.db --format table --limit 15
echo
echo "== dyad events --dyad VNM:CHN"
./dyad events --db dyad.db --dyad VNM:CHN --format table --limit 15
echo
echo "== dyad claims"
./dyad claims --db dyad.db --format table --limit 10
echo
echo "Now try: ./dyad serve   (dashboard on http://127.0.0.1:8080/), ./dyad events --format json, ./dyad search 'ASEAN'"
