package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that Unicode decomposition does not reduce to a base letter and a mark.
var foldMap = map[rune]string{
	'đ': "d", 'Đ': "d", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'ß': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h",
	'\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2010': "-", '\u2011': "-", '\u2013': "-", '\u2014': "-",
}

// Fold returns s lower-cased, without diacritics, with a few letters and punctuation marks mapped to their
// plain forms ("Phạm Thanh Bình" -> "pham thanh binh", "Đà Nẵng" -> "da nang", "l’État" -> "l'etat"), and
// Traditional Chinese characters mapped to Simplified ones ("美國" -> "美国"), one for one.
// Fold does not keep byte offsets; use FoldToken on tokens when offsets matter.
func Fold(s string) string {
	if isPlainLowerASCII(s) {
		return s
	}
	if isASCII(s) {
		return strings.ToLower(s) // nothing to decompose or map: the same result, faster
	}
	if f, ok := fastFold(s); ok {
		return f
	}
	return slowFold(s)
}

// slowFold is Fold by decomposition, for any text.
func slowFold(s string) string {
	t := foldPool.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldPool.Put(t)
	if err != nil {
		out = s
	}
	var b strings.Builder
	b.Grow(len(out))
	for _, r := range out {
		if m, ok := foldMap[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(simplify(unicode.ToLower(r)))
	}
	return b.String()
}

// foldPool reuses the decomposition chain, which is costly to build for every token.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isPlainLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
