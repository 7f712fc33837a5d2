package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// Splitter cuts a text into sentences with byte offsets: the Unicode sentence rules (UAX #29), then a merge of
// the pieces that end in an abbreviation of the text's language ("Dec.", "Mr.", "févr.", "dhr.") or in an
// initial ("J."). A line break always ends a sentence. A Splitter is safe for concurrent use.
type Splitter struct {
	abbr map[string]map[string]bool // lang -> folded abbreviation without its final dot
	all  map[string]bool            // union of every language, for languages without data
}

func init() {
	packs.RegisterChecker("sentences", func(s *packs.Set) []error {
		_, errs := loadAbbreviations(s)
		return errs
	})
}

// NewSplitter loads the abbreviation data of every language in p (the files <lang>/sentences). Each line of
// such a file holds one or more abbreviations separated by '|', each ending with a dot. The entry "9." says that
// a number of one or two digits followed by a dot is an ordinal ("am 18. Februar") and ends no sentence.
func NewSplitter(p *packs.Set) (*Splitter, error) {
	s, errs := loadAbbreviations(p)
	if len(errs) > 0 {
		return nil, fmt.Errorf("sentence data: %w", errs[0])
	}
	return s, nil
}

func loadAbbreviations(p *packs.Set) (*Splitter, []error) {
	s := &Splitter{abbr: map[string]map[string]bool{}, all: map[string]bool{}}
	var errs []error
	for _, lang := range p.Langs() {
		files, err := p.Files(packs.Join(lang, "sentences"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			for l := range f.Lines() {
				for _, a := range l.Fields {
					if a == "" {
						continue
					}
					if !strings.HasSuffix(a, ".") || len(a) < 2 || strings.ContainsAny(a, " \t") {
						errs = append(errs, l.Errorf("abbreviation %q must be one word ending with a dot", a))
						continue
					}
					k := Fold(strings.TrimSuffix(a, "."))
					if k == "9" {
						k = ordinalKey
					}
					if s.abbr[lang] == nil {
						s.abbr[lang] = map[string]bool{}
					}
					s.abbr[lang][k] = true
					s.all[k] = true
				}
			}
		}
	}
	return s, errs
}

// Split returns the sentences of text, trimmed of surrounding space, as byte spans into text. lang picks the
// abbreviation data; a language without data uses the abbreviations of all languages.
func (s *Splitter) Split(lang, text string) []dyad.Span {
	ab := s.abbr[lang]
	if ab == nil {
		ab = s.all
	}
	var out []dyad.Span
	start := -1 // start of a sentence being merged
	it := sentences.FromString(text)
	for it.Next() {
		a, b := it.Start(), it.End()
		if start < 0 {
			start = a
		}
		seg := text[a:b]
		// the abbreviation first: it reads the piece's end, the line-break test the whole piece rune by rune
		if b < len(text) && endsInAbbreviation(seg, ab) && !strings.ContainsAny(seg, "\n\r\u2029\u2028\u0085") {
			continue // keep merging with the next piece
		}
		if sp, ok := trimSpan(text, start, b); ok {
			out = append(out, sp)
		}
		start = -1
	}
	if start >= 0 {
		if sp, ok := trimSpan(text, start, len(text)); ok {
			out = append(out, sp)
		}
	}
	return out
}

// endsInAbbreviation reports whether seg, trimmed, ends with a word and a dot where the word is an
// abbreviation of ab or a single capital letter (an initial).
func endsInAbbreviation(seg string, ab map[string]bool) bool {
	t := strings.TrimRightFunc(seg, unicode.IsSpace)
	if !strings.HasSuffix(t, ".") {
		return false
	}
	t = t[:len(t)-1]
	i := len(t)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	w := t[i:]
	if w == "" {
		if ab[ordinalKey] {
			j := len(t)
			for j > 0 && t[j-1] >= '0' && t[j-1] <= '9' {
				j--
			}
			if n := len(t) - j; n >= 1 && n <= 2 && (j == 0 || t[j-1] == ' ') {
				return true
			}
		}
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return ab[Fold(w)]
}

// ordinalKey marks, in an abbreviation set, that short numbers with a dot are ordinals.
const ordinalKey = "\x00ordinal"

func trimSpan(text string, a, b int) (dyad.Span, bool) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return dyad.Span{Start: a, End: b}, b > a
}
