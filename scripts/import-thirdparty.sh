#!/bin/sh
# Regenerates packs/thirdparty/ from the open dictionaries in ../shared/third_party (or $THIRD_PARTY):
# PETRARCH2's Phoenix actors, agents and discards and UniversalPetrarch's Spanish actors and agents.
# Each import prints every line it cannot read (file:line: reason); --max-errors is the count each source
# file is known to have (bad dates, unknown codes), so that a new problem fails the script. The full list
# of unreadable lines and screened names is written to packs/thirdparty/reports/.
set -eu
cd "$(dirname "$0")/.."
SRC=${THIRD_PARTY:-../shared/third_party}
[ -d "$SRC" ] || SRC=/work/shared/third_party
DYAD=${DYAD:-$(mktemp -d)/dyad}
[ -x "$DYAD" ] || go build -o "$DYAD" ./cmd/dyad
OUT=packs/thirdparty
mkdir -p $OUT/actors $OUT/en $OUT/es $OUT/reports

imp() { # format source-relative-path output max-errors (agents: English plurals)
	DYAD_THIRD_PARTY=off "$DYAD" dict import --format "$1" --source "$2" --out "$OUT/$3" \
		--report "$OUT/reports/$(basename "$3")-$(dirname "$3" | tr / -).txt" --max-errors "$4" "$SRC/$2"
}

imp petrarch-actors petrarch2/Phoenix.Countries.actors.txt actors/phoenix-countries 29
imp petrarch-actors petrarch2/Phoenix.International.actors.txt actors/phoenix-international 5
imp petrarch-actors petrarch2/Phoenix.MilNonState.actors.txt actors/phoenix-milnonstate 31
imp petrarch-actors universalpetrarch-spanish/actors_unified_181220.txt actors/universalpetrarch-es 129
imp petrarch-agents petrarch2/Phoenix.agents.txt en/agents 1
imp petrarch-discards petrarch2/Phoenix.discards.txt en/discards 0
LANG_ES="--lang es"
DYAD_THIRD_PARTY=off "$DYAD" dict import --format petrarch-agents $LANG_ES --source universalpetrarch-spanish/agents_181220.txt \
	--out $OUT/es/agents --report $OUT/reports/agents-es.txt --max-errors 75 "$SRC/universalpetrarch-spanish/agents_181220.txt"
