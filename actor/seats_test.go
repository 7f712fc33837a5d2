package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestSeats reads a capital of actors/seats as the body seated there ("Brussels warned": the EU), and the same
// capital after a place word as no actor.
func TestSeats(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ lang, text, mention, code string }{
		{"en", "Brussels warned Ankara on Wednesday.", "Brussels", "IGOEUREEC"},
		{"nl", "Brussel dreigde met tegenmaatregelen.", "Brussel", "IGOEUREEC"},
		{"fr", "Le Royaume-Uni accuse Bruxelles de bloquer l'accord.", "Bruxelles", "IGOEUREEC"},
		{"en", "Moscow warned Kyiv on Wednesday.", "Moscow", "RUSGOV"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString("2024-03-02")})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%q: %q: got %v, want %s", c.text, c.mention, all, c.code)
		}
	}
	ms := d.Recognize(&dyad.Article{Text: "Die Regierungschefs trafen sich in Brüssel.", Lang: "de", Published: dyad.NullString("2024-03-02")})
	if _, all, ok := codeOf(ms, "Brüssel"); ok {
		t.Errorf("in Brüssel: got %v, want no mention", all)
	}
}
