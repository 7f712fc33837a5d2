package extract

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// A bare page: its paragraphs come out once each, and a date in its text is not its publication date.
func TestSmallHTMLPage(t *testing.T) {
	x, err := New(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	a, err := x.Extract(&dyad.Document{URI: "small.html", Format: "html",
		Body: []byte(`<html><body><p>Finland joined NATO on April 4, 2023.</p><p>Sweden followed in March 2024.</p></body></html>`)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Finland joined NATO on April 4, 2023.\n\nSweden followed in March 2024."; a.Text != want {
		t.Errorf("text %q, want %q", a.Text, want)
	}
	if a.Published != "" {
		t.Errorf("published %q from the text, want none", a.Published)
	}
}
