package link

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// foldTable holds text.Fold of each rune below tableSize (Latin, Greek, Cyrillic, Vietnamese letters), so
// that folding a long text costs a table lookup a rune instead of a Unicode normalisation pass.
const tableSize = 0x2000

var (
	foldOnce  sync.Once
	foldTable [tableSize]string
)

func initFold() {
	for r := rune(0); r < tableSize; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		foldTable[r] = text.Fold(string(r))
	}
}

// isIdeograph reports whether r is written without spaces between words (Han, kana): each is a token.
func isIdeograph(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// words calls fn with each folded word of s: runs of letters and digits (diacritics removed, lower case),
// split at apostrophes and punctuation; each ideograph is a word of its own. buf is reused scratch space.
func words(s string, buf []byte, fn func(w []byte)) []byte {
	foldOnce.Do(initFold)
	w := buf[:0]
	flush := func() {
		if len(w) > 0 {
			fn(w)
			w = w[:0]
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				w = append(w, byte(r))
			case r >= 'A' && r <= 'Z':
				w = append(w, byte(r+'a'-'A'))
			default:
				flush()
			}
			continue
		}
		if r < tableSize {
			f := foldTable[r]
			if f == "" { // a combining mark: part of the word
				continue
			}
			for _, c := range f {
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					w = utf8.AppendRune(w, c)
				} else {
					flush()
				}
			}
			continue
		}
		switch {
		case isIdeograph(r):
			flush()
			w = utf8.AppendRune(w, r)
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
		default:
			flush()
		}
	}
	flush()
	return w
}

// Words returns the folded words of s as words splits them: the form the concept lexicon's phrases take.
func Words(s string) []string {
	var out []string
	words(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}
