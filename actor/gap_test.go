package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestAdjectiveGap: a country adjective gives its country to a title after one lower-case word ("Catalan
// regional president X", "Turkish central bank governor X"), not across a connective or a date word.
func TestAdjectiveGap(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		text, mention, code string
	}{
		{"Catalan regional president Quim Vidal spoke.", "Quim Vidal", "ESPGOV"},
		{"Turkish central bank governor Naci Agbal resigned.", "Naci Agbal", "TURGOV"},
		{"Kenyan opposition leader Raila Odinga spoke.", "Raila Odinga", "KENOPP"},
		{"Chinese and Russian leaders met.", "Russian leaders", "RUSGOV"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "en", Published: dyad.NullString("2021-03-01")})
		found := false
		for _, m := range ms {
			if m.Text == c.mention {
				found = true
				if m.Actor.Code != c.code {
					t.Errorf("%q: %q is %s, want %s", c.text, c.mention, m.Actor.Code, c.code)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention %q in %v", c.text, c.mention, ms)
		}
	}
	// the adjective before "and" stays a country alone
	ms := d.Recognize(&dyad.Article{Text: "Chinese and Russian leaders met.", Lang: "en", Published: dyad.NullString("2021-03-01")})
	if len(ms) == 0 || ms[0].Text != "Chinese" || ms[0].Actor.Code != "CHN" {
		t.Errorf("Chinese and Russian leaders: first mention %v, want Chinese CHN", ms)
	}
}
