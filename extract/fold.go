package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// foldTable maps the Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A and -B, Latin
// Extended Additional, where Vietnamese lives) to their text.Fold form, so that folding short lines needs no
// Unicode decomposition.
var foldTable = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for _, rg := range [][2]rune{{0x00C0, 0x024F}, {0x1E00, 0x1EFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if f := text.Fold(string(r)); f != string(unicode.ToLower(r)) || f != string(r) {
				m[r] = f
			}
		}
	}
	return m
})

// fold is text.Fold for NFC text, faster on the Latin scripts.
func fold(s string) string {
	table := foldTable()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f, ok := table[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r >= 0x2010 && r <= 0x2019 || r == 0x02BC {
			b.WriteString(text.Fold(string(r)))
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
