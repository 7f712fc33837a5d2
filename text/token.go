package text

import (
	"iter"
	"sync"
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

// IsAllUpper reports whether the token's text is the same in capitals (strings.ToUpper(t.Text) == t.Text:
// "NATO", "UN", a number, punctuation) without building the upper-case copy: hot paths ask it of most words.
func (t Token) IsAllUpper() bool {
	for i, r := range t.Text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(t.Text[i:]); n == 1 {
				return false // strings.ToUpper writes an invalid byte as U+FFFD
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// Tokens splits s into words by the Unicode word-boundary rules (UAX #29), dropping spaces and keeping
// punctuation as one-character tokens. Ideographic text (Chinese, Japanese) comes out one character a token.
func Tokens(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5), s)
}

// AppendTokens appends the Tokens of s to dst and returns the extended slice: a caller that tokenizes many
// texts may hand back the same buffer each time. The folds that differ from their token's text share one
// string (one allocation for the text, where each was one).
func AppendTokens(dst []Token, s string) []Token {
	n0 := len(dst)
	sc, _ := foldScratch.Get().(*foldBuf) // copied into one string at the end: a buffer of an earlier text serves
	if sc == nil {
		sc = &foldBuf{}
	}
	// folds: the folds that are not their token's text, end to end; spans: for each of them its token (from n0)
	// and where it ends in folds
	folds, spans := sc.folds[:0], sc.spans[:0]
	it := words.FromString(s)
	for it.Next() {
		v := it.Value()
		r, _ := utf8.DecodeRuneInString(v)
		if unicode.IsSpace(r) {
			continue
		}
		t := Token{Start: it.Start(), End: it.End(), Text: v}
		var same, ok bool
		if folds, same, ok = appendFold(folds, v); !ok {
			t.Fold = slowFold(v)
		} else if same {
			t.Fold = v
		} else {
			spans = append(spans, int32(len(dst)-n0), int32(len(folds)))
		}
		dst = append(dst, t)
	}
	if len(spans) > 0 {
		all, from := string(folds), 0
		for k := 0; k < len(spans); k += 2 {
			to := int(spans[k+1])
			dst[n0+int(spans[k])].Fold = all[from:to]
			from = to
		}
	}
	if cap(folds) <= maxFoldBuf {
		sc.folds, sc.spans = folds, spans
		foldScratch.Put(sc)
	}
	return dst
}

// foldBuf is AppendTokens' scratch, kept for the next texts (foldScratch) up to maxFoldBuf bytes of folds.
type foldBuf struct {
	folds []byte
	spans []int32
}

var foldScratch sync.Pool

const maxFoldBuf = 1 << 16

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
