package text

import (
	"iter"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Token is a word of a text with its byte offsets and its folded form.
type Token struct {
	Start, End int
	Text       string // as written
	Fold       string // Fold(Text)
}

// IsWord reports whether the token holds a letter or a digit (not punctuation or space).
func (t Token) IsWord() bool {
	for _, r := range t.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Tokens splits s into words by the Unicode word-boundary rules (UAX #29), dropping spaces and keeping
// punctuation as one-character tokens. Ideographic text (Chinese, Japanese) comes out one character a token.
func Tokens(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5), s)
}

// AppendTokens appends the Tokens of s to dst and returns the extended slice: a caller that tokenizes many
// texts may hand back the same buffer each time.
func AppendTokens(dst []Token, s string) []Token {
	for t := range TokenSeq(s) {
		dst = append(dst, t)
	}
	return dst
}

// TokenSeq yields the Tokens of s one by one, for a caller that keeps them in a shape of its own and so
// needs no []Token.
func TokenSeq(s string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		it := words.FromString(s)
		for it.Next() {
			v := it.Value()
			r, _ := utf8.DecodeRuneInString(v)
			if unicode.IsSpace(r) {
				continue
			}
			if !yield(Token{Start: it.Start(), End: it.End(), Text: v, Fold: Fold(v)}) {
				return
			}
		}
	}
}
