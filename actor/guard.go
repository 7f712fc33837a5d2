package actor

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

func init() {
	packs.RegisterChecker("actor-aliases", checkAliases)
}

// riskWords are the folded words that must not make a country by themselves: the stop words of every
// language (the most frequent short words) and the names news agencies sign with ("AP", "EFE", "TASS").
type riskWords struct {
	common map[string][]string // folded stop word -> the languages it is one of
	agency map[string]bool
}

func loadRiskWords(stop, agencies []packs.File) riskWords {
	w := riskWords{common: map[string][]string{}, agency: map[string]bool{}}
	for _, f := range stop {
		lang := langOf(f)
		for l := range f.Lines() {
			if len(l.Fields) == 0 || l.Fields[0] == "script" {
				continue
			}
			for _, x := range l.Fields {
				if f := text.Fold(x); x != "" && !slices.Contains(w.common[f], lang) {
					w.common[f] = append(w.common[f], lang)
				}
			}
		}
	}
	for _, f := range agencies {
		for l := range f.Lines() {
			for _, x := range l.Fields {
				if x != "" {
					w.agency[text.Fold(x)] = true
				}
			}
		}
	}
	return w
}

// risk says why a country name would make countries of words that are none, or "": a name of fewer than
// four letters that is not an all-capital acronym ("Ý", "Irã" are names in one language and common words
// or first names in another), a stop word of any language, a news agency's name. Names in ideographic or
// syllabic scripts are not short ("中国", "タイ").
func (w riskWords) risk(form string) string {
	f := text.Fold(form)
	if w.agency[f] {
		return "a news agency's name"
	}
	if len(w.common[f]) > 0 {
		return "a common word"
	}
	letters, upper, ideo := 0, true, false
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan, unicode.Ethiopic) {
			ideo = true
		}
	}
	if letters < 4 && !ideo && !(upper && letters >= 2) {
		return "shorter than four letters and not an all-capital acronym"
	}
	return ""
}

// guardNames keeps risky country names (risk) from making countries: a CLDR name of a language with its
// own pack ("Ý" and "Nga" in Vietnamese, "Irã" in Portuguese) matches only in articles of that language,
// unless it is a common word of that language too; any other such generated name is dropped. Our own
// aliases are checked by checkAliases instead.
func (d *Dictionary) guardNames(w riskWords) {
	own := map[string]string{} // folded CLDR name -> the language with a pack that has it
	for lang := range d.langs {
		tag, err := language.Parse(lang)
		if err != nil {
			continue
		}
		n := display.Regions(tag)
		if n == nil {
			continue
		}
		for _, e := range d.actors {
			if e.Type != dyad.TypeCountry || e.a2 == "" {
				continue
			}
			if r, err := language.ParseRegion(e.a2); err == nil {
				if name := n.Name(r); name != "" && w.risk(name) != "" {
					own[text.Fold(name)] = lang
				}
			}
		}
	}
	aliases := map[string]bool{} // our own aliases: kept, checkAliases reports the risky ones
	for _, e := range d.actors {
		if e.Type == dyad.TypeCountry {
			for _, a := range e.Aliases {
				aliases[text.Fold(a)] = true
			}
		}
	}
	for key, n := range d.m.keys {
		if strings.IndexByte(key, ' ') >= 0 {
			continue
		}
		nd := &d.m.nodes[n]
		nd.pats = slices.DeleteFunc(nd.pats, func(pi int32) bool {
			p := &d.m.pats[pi]
			if p.kind != kindName || d.actors[p.ref].Type != dyad.TypeCountry || p.flags&flagUpper != 0 || aliases[key] {
				return false
			}
			if w.risk(key) == "" {
				return false
			}
			if lang, ok := own[key]; ok && !w.agency[key] && !slices.Contains(w.common[key], lang) {
				p.lang = lang // a short name of a language we read: in that language only
				return false
			}
			return true
		})
	}
}

// checkAliases reports every alias of actors/countries that would make a country of a word that is none:
// shorter than four letters and not an all-capital acronym, a stop word of a language, or the name of a
// news agency (extract/agencies).
func checkAliases(s *packs.Set) []error {
	stop, _ := packs.Default().Glob("*/stopwords")
	more, _ := s.Glob("*/stopwords")
	ag, _ := packs.Default().Glob("extract/agencies")
	moreAg, _ := s.Glob("extract/agencies")
	w := loadRiskWords(append(stop, more...), append(ag, moreAg...))
	files, err := s.Files("actors/countries")
	if err != nil {
		return []error{fmt.Errorf("actors/countries: %w", err)}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 4 {
				continue // the loader reports it
			}
			for _, a := range l.Fields[3:] {
				if a == "" {
					continue
				}
				if why := w.risk(a); why != "" {
					errs = append(errs, l.Errorf("country %s: name %q is %s: it would make a country of a word that names none", l.Fields[0], a, why))
				}
			}
		}
	}
	return errs
}
