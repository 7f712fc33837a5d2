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

// A dateline that writes its year dates a story that has no other date; one without a year does not.
func TestDatelineDate(t *testing.T) {
	x, err := New(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, want string }{
		{"Thủ tướng tiếp Đại sứ Nhật Bản\n\nHà Nội, ngày 13/11/2022 (TTXVN) - Chiều 13/11, Thủ tướng đã tiếp Đại sứ Nhật Bản tại trụ sở Chính phủ.", "2022-11-13"},
		{"Ministers meet in Oslo\n\nOSLO, March 4, 2024 (Reuters) - Nordic foreign ministers met in Oslo on Monday to discuss Arctic cooperation.", "2024-03-04"},
		{"Ministers meet in Oslo\n\nOSLO, March 4 (Reuters) - Nordic foreign ministers met in Oslo on Monday to discuss Arctic cooperation.", ""},
	} {
		a, err := x.Extract(&dyad.Document{URI: "t.txt", Body: []byte(tt.text)})
		if err != nil {
			t.Fatal(err)
		}
		if string(a.Published) != tt.want {
			t.Errorf("%q: published %q (%s), want %q", tt.text[:30], a.Published, a.PublishedFrom, tt.want)
		}
	}
}
