package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCoordinatedBody reads countries coordinated after a group title's own country as the same body of each
// country ("the armed forces of the United States and Britain": GBRMIL); a list without an and-word before
// its last member, a member with a title of its own and a body that is no country end it.
func TestCoordinatedBody(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ lang, text, mention, code string }{
		{"en", "The armed forces of the United States and Britain struck Houthi targets.", "Britain", "GBRMIL"},
		{"de", "Die Streitkräfte der USA und Großbritanniens griffen Stellungen der Huthi an.", "Großbritanniens", "GBRMIL"},
		{"pt", "Os governos do Brasil, da Colômbia e do México pediram transparência.", "Colômbia", "COLGOV"},
		{"pt", "Os governos do Brasil, da Colômbia e do México pediram transparência.", "México", "MEXGOV"},
		{"fr", "Les armées du Mali et du Niger ont mené une opération.", "Niger", "NERMIL"},
		// a comma alone may start the next clause; a country with a title of its own keeps it
		{"en", "The army of Sudan, Egypt said on Monday, had attacked the town.", "Egypt", "EGY"},
		{"en", "The government of Chile and Argentina's foreign minister met in Santiago.", "Argentina's foreign minister", "ARGGOV"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString("2024-01-12")})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%q: %q: got %v, want %s", c.text, c.mention, all, c.code)
		}
	}
}
