package actor

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// inflectNames reads the @inflect lines of a demonyms file and adds, for every country whose name in the
// language (CLDR) is one word, the oblique forms they make: German and Dutch genitives ("Russlands",
// "Frankreichs", "Polens"), Russian cases ("России", "Китая", "Ирана"). A line is
//
//	@inflect | ending | replacement | replacement ...
//
// The longest ending a name has picks its line; the form is the name without the ending plus each
// replacement. An empty ending matches every name; a line without replacements makes no forms (German
// names in -s take no genitive -s). The forms are demonyms of the language: they give the country, match
// only capitalised, and name a place after an "in/at" word ("в Грузии"). Names of several words inflect
// only where the language's demonyms say `@inflect-words | last` (German: "die Regierung Sri Lankas", "die
// Armee Burkina Fasos", "Saudi-Arabiens Außenminister"), and then their last word; elsewhere ("Южная Корея"
// inflects both words) they are listed by hand.
func (d *Dictionary) inflectNames(lang string, lines []packs.Line, named []langName, lastWord bool) []error {
	if len(lines) == 0 {
		return nil
	}
	type rule struct {
		ending string
		repl   []string
	}
	var rules []rule
	var errs []error
	for _, l := range lines {
		if len(l.Fields) < 2 {
			errs = append(errs, l.Errorf("want @inflect | ending | replacement ..."))
			continue
		}
		rules = append(rules, rule{ending: strings.ToLower(l.Fields[1]), repl: nonEmpty(l.Fields[2:])})
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return append(errs, lines[0].Errorf("language %q: %v", lang, err))
	}
	namer := display.Regions(tag)
	if namer == nil {
		return append(errs, lines[0].Errorf("no country names for language %q", lang))
	}
	for _, e := range d.actors {
		if e.Type != dyad.TypeCountry || e.a2 == "" {
			continue
		}
		r, err := language.ParseRegion(e.a2)
		if err != nil {
			continue
		}
		named = append(named, langName{country: d.country[e.ID], name: namer.Name(r)})
	}
	for _, n := range named {
		name := n.name
		if name == "" || strings.ContainsAny(name, "()") || !lastWord && strings.ContainsAny(name, " -") || utf8.RuneCountInString(name) < 4 {
			continue // one-word names only, unless the last word inflects alone
		}
		low := strings.ToLower(name)
		best := -1
		for k, ru := range rules {
			if strings.HasSuffix(low, ru.ending) && (best < 0 || len(ru.ending) > len(rules[best].ending)) {
				best = k
			}
		}
		if best < 0 {
			continue
		}
		stem := name[:len(name)-len(rules[best].ending)]
		i := n.country
		for _, rp := range rules[best].repl {
			d.addPattern(stem+rp, pattern{kind: kindDemonym, ref: i, via: viaOblique, lang: lang})
		}
	}
	d.langs[lang] = true
	return errs
}
