#!/bin/sh
# Regenerates the third-party layer (packs/thirdparty) from the open dictionaries it converts, with the
# `dyad dict import` converters. Each converter names on stderr every source line it could not express
# (file:line: reason) and counts them. Usage: scripts/import-thirdparty.sh [THIRD_PARTY_DIR]
# (default ../shared/third_party; its README names the repositories and commits).
set -eu
cd "$(dirname "$0")/.."
src=${1:-../shared/third_party}
go build -o /tmp/dyad-import ./cmd/dyad
dyad=/tmp/dyad-import
mkdir -p packs/thirdparty/en packs/thirdparty/es

# verb patterns: PETRARCH2's English CAMEO dictionary, UniversalPetrarch's Spanish one (its patterns name
# lemmas, matched by stem). The layer is off while converting, so that the converter checks the lines
# against our own data alone.
DYAD_THIRD_PARTY=off $dyad dict import --format petrarch-verbs --lang en --prefix pe \
	--out packs/thirdparty/en/verbs "$src/petrarch2/CAMEO.2.0.txt" 2>/tmp/import-en-verbs.txt || true
tail -n 1 /tmp/import-en-verbs.txt
if [ -f "$src/universalpetrarch-spanish/verbpatterns_es_190128.txt" ]; then
	DYAD_THIRD_PARTY=off $dyad dict import --format petrarch-verbs --lang es --prefix upe --stem-words \
		--out packs/thirdparty/es/verbs "$src/universalpetrarch-spanish/verbpatterns_es_190128.txt" 2>/tmp/import-es-verbs.txt || true
	tail -n 1 /tmp/import-es-verbs.txt
fi
echo "the lines not expressed: /tmp/import-en-verbs.txt /tmp/import-es-verbs.txt"
$dyad dict check
