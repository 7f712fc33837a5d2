#!/bin/sh
# Regenerates the third-party layer (packs/thirdparty) from the open dictionaries it converts, with the
# `dyad dict import` converters: PETRARCH2's Phoenix actors, agents, discards and CAMEO verb dictionary,
# and UniversalPetrarch's Spanish actors, agents and verb patterns. Each converter names on stderr every
# source line it could not read or express (file:line: reason) and counts them.
# Usage: scripts/import-thirdparty.sh [THIRD_PARTY_DIR]  (default ../shared/third_party; its README names the
# repositories and commits). $DYAD: a dyad binary to use instead of building one.
set -eu
cd "$(dirname "$0")/.."
src=${1:-../shared/third_party}
dyad=${DYAD:-/tmp/dyad-import}
[ -n "${DYAD:-}" ] || go build -o "$dyad" ./cmd/dyad
out=packs/thirdparty
mkdir -p $out/actors $out/en $out/es $out/reports

# The layer is off while converting, so that the converters check the lines against our own data alone.

# verb patterns: PETRARCH2's English CAMEO dictionary, UniversalPetrarch's Spanish one (its patterns name
# lemmas, matched by stem).
DYAD_THIRD_PARTY=off $dyad dict import --format petrarch-verbs --lang en --prefix pe \
	--out $out/en/verbs "$src/petrarch2/CAMEO.2.0.txt" 2>/tmp/import-en-verbs.txt || true
tail -n 1 /tmp/import-en-verbs.txt
if [ -f "$src/universalpetrarch-spanish/verbpatterns_es_190128.txt" ]; then
	DYAD_THIRD_PARTY=off $dyad dict import --format petrarch-verbs --lang es --prefix upe --stem-words \
		--out $out/es/verbs "$src/universalpetrarch-spanish/verbpatterns_es_190128.txt" 2>/tmp/import-es-verbs.txt || true
	tail -n 1 /tmp/import-es-verbs.txt
fi
echo "the lines not expressed: /tmp/import-en-verbs.txt /tmp/import-es-verbs.txt"

# actors, agents and discards. --max-errors is the count of lines each source file is known not to read
# (bad dates such as "9008223", codes CAMEO does not define such as "KKLREB"), so that a new problem fails
# the script; every unreadable line and screened name is listed in packs/thirdparty/reports/.
imp() { # format lang source output max-errors
	DYAD_THIRD_PARTY=off $dyad dict import --format "$1" --lang "$2" --source "$3" --out "$out/$4" \
		--report "$out/reports/$(basename "$4")-$(dirname "$4" | tr / -).txt" --max-errors "$5" "$src/$3"
}
imp petrarch-actors en petrarch2/Phoenix.Countries.actors.txt actors/phoenix-countries 29
imp petrarch-actors en petrarch2/Phoenix.International.actors.txt actors/phoenix-international 5
imp petrarch-actors en petrarch2/Phoenix.MilNonState.actors.txt actors/phoenix-milnonstate 31
imp petrarch-actors es universalpetrarch-spanish/actors_unified_181220.txt actors/universalpetrarch-es 129
# The agents are converted beside the layer, not into it (a file named agents.* is not read):
# UniversalPetrarch's Spanish agents are machine-translated and name common nouns as agents ("acuerdo"
# [~CVL], "casero" [~BUS]): they lowered precision on our actor gold (Spanish P 0.94 -> 0.86); Phoenix's
# English agents make every bare noun of a person an actor ("Wang Jianguo, a scholar" -> EDU), which our
# agents leave out on purpose. Copy one into a --dict directory as <lang>/agents to use it.
imp petrarch-agents en petrarch2/Phoenix.agents.txt en/agents.phoenix 1
imp petrarch-agents es universalpetrarch-spanish/agents_181220.txt es/agents.universalpetrarch 75
# A screened subset of the English agents is read (en/agents): the lines of the state and group sectors the
# coder uses, forms whose head noun is plural ("soldiers", "riot police officers", not "scholar" or "aircraft carrier"). Measured on our actor
# gold and dev-gold events it lowers no precision (docs/actors.md); the Spanish agents screened so still
# lowered Spanish event precision and recall ("relaciones diplomáticas y políticas" [~GOV]), so none is read.
DYAD_THIRD_PARTY=off $dyad dict import --format petrarch-agents --lang en --source petrarch2/Phoenix.agents.txt \
	--sectors GOV,MIL,COP,JUD,LEG,SPY,OPP,REB,INS,PTY --plural-only --out $out/en/agents \
	--report $out/reports/agents-en-screened.txt --max-errors 1 "$src/petrarch2/Phoenix.agents.txt"
imp petrarch-discards en petrarch2/Phoenix.discards.txt en/discards 0

$dyad dict check
