package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestHyphenBody reads German's country, hyphen and body as the country's body ("US-Militär" as "US
// military"), whatever other country the sentence names; a body of no country keeps its own mention
// ("Nato-Truppen"), and a country inside a longer hyphenated word names no body ("Pro-Russland-Demonstranten").
func TestHyphenBody(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ text, mention, code string }{
		{"Das US-Militär warf über dem Gazastreifen Hilfsgüter ab.", "US-Militär", "USAMIL"},
		{"Die Ukraine-Armee beschoss Belgorod in Russland.", "Ukraine-Armee", "UKRMIL"},
		{"Die US-Regierung kritisierte Israel.", "US-Regierung", "USAGOV"},
		{"Die Nato-Truppen zogen aus Afghanistan ab.", "Nato", "IGOWSTNAT"},
		{"Pro-Russland-Demonstranten protestierten in Chisinau.", "Demonstranten", "MDAOPP"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "de", Published: dyad.NullString("2024-03-02")})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%q: %q: got %v, want %s", c.text, c.mention, all, c.code)
		}
	}
}
