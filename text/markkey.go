package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// toneMarks are the combining marks that write the five Vietnamese tones (huyền, sắc, ngã, hỏi, nặng). Old and
// new spellings put them on different vowels of a syllable ("hòa" and "hoà", "thủy" and "thuỷ"); the marks of
// vowel quality (â, ă, ơ, ư) and "đ" do not move.
func toneMark(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// MarkKey returns s lower-cased with its diacritics kept, for languages whose marks tell words apart
// (Vietnamese "công nhận", recognise, is not "công nhân", workers; "đang", a tense marker, is not "đảng",
// party): the letters decomposed, with each word's tone marks moved to the end of the word, so that the two
// spellings of a syllable ("hòa", "hoà") give one key. Curly apostrophes are straight ones.
func MarkKey(s string) string {
	d := norm.NFD.String(strings.ToLower(s))
	var b, tones strings.Builder
	b.Grow(len(d) + 2)
	flush := func() {
		b.WriteString(tones.String())
		tones.Reset()
	}
	for _, r := range d {
		switch {
		case toneMark(r):
			tones.WriteRune(r)
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			flush()
			if r == '\u2019' || r == '\u2018' {
				r = '\''
			}
			b.WriteRune(r)
		}
	}
	flush()
	return b.String()
}
