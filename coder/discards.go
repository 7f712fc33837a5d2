package coder

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"

	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// DiscardsFile is the per-language file of phrases that void a sentence: one a line, `sentence | phrase`
// or `story | phrase` (PETRARCH's discards, converted into packs/thirdparty/en/discards: sports, awards,
// history). A sentence that holds one, as whole words in any case, yields no events. `keep | phrase`, in our
// own data, takes a phrase out again ("since World War Two" dates no event: today's war is news).
const DiscardsFile = "discards"

func init() {
	packs.RegisterChecker("discards", func(s *packs.Set) []error {
		_, errs := loadDiscards(s)
		return errs
	})
}

// discards holds one language's phrases as folded word sequences, by their first word.
type discards struct {
	first map[string][][]string
}

func loadDiscards(p *packs.Set) (map[string]*discards, []error) {
	out := map[string]*discards{}
	var errs []error
	for _, lang := range p.Langs() {
		files, err := p.Files(packs.Join(lang, DiscardsFile))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var keep [][]string
		for _, f := range files {
			for l := range f.Lines() {
				if len(l.Fields) != 2 || (l.Fields[0] != "sentence" && l.Fields[0] != "story" && l.Fields[0] != "keep") {
					errs = append(errs, l.Errorf("want sentence | phrase, story | phrase, or keep | phrase"))
					continue
				}
				var words []string
				for _, t := range text.Tokens(l.Fields[1]) {
					if t.IsWord() {
						words = append(words, t.Fold)
					}
				}
				if len(words) == 0 {
					errs = append(errs, l.Errorf("phrase %q: no word", l.Fields[1]))
					continue
				}
				if l.Fields[0] == "keep" {
					keep = append(keep, words) // our data overrides an imported phrase, in whichever file it is
					continue
				}
				ds := out[lang]
				if ds == nil {
					ds = &discards{first: map[string][][]string{}}
					out[lang] = ds
				}
				ds.first[words[0]] = append(ds.first[words[0]], words)
			}
		}
		if ds := out[lang]; ds != nil {
			for _, k := range keep {
				ds.first[k[0]] = slices.DeleteFunc(ds.first[k[0]], func(ph []string) bool { return slices.Equal(ph, k) })
			}
		}
	}
	return out, errs
}

// voids reports whether s holds one of the phrases. It reads the words of s as text.Tokens does (UAX #29,
// spaces dropped, words those with a letter or digit), without building the tokens.
func (ds *discards) voids(s string) bool {
	if ds == nil {
		return false
	}
	var folds []string
	it := words.FromString(s)
	for it.Next() {
		v := it.Value()
		if r, _ := utf8.DecodeRuneInString(v); unicode.IsSpace(r) || !hasWordRune(v) {
			continue
		}
		folds = append(folds, text.Fold(v))
	}
	for i, w := range folds {
		for _, ph := range ds.first[w] {
			if len(ph) <= len(folds)-i && slices.Equal(ph, folds[i:i+len(ph)]) {
				return true
			}
		}
	}
	return false
}

// hasWordRune reports whether v holds a letter or a digit (text.Token.IsWord).
func hasWordRune(v string) bool {
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
