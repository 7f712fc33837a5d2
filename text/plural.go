package text

import (
	"sync"

	pluralize "github.com/gertd/go-pluralize"
)

// english is go-pluralize's client (its rules compiled on first use, not at start-up), with the plurals
// below, which its rules miss and the PETRARCH dictionaries name.
var english = sync.OnceValue(func() *pluralize.Client {
	c := pluralize.NewClient()
	for _, r := range englishIrregular {
		c.AddIrregularRule(r[0], r[1])
	}
	return c
})

// englishIrregular corrects go-pluralize v0.2.1 where it inflects a word of the PETRARCH dictionaries
// wrongly: "ch" read as in "church" ("monarches"), "agenda" taken for a plural.
var englishIrregular = [][2]string{{"monarch", "monarchs"}, {"hierarch", "hierarchs"}, {"agenda", "agendas"}}

// EnglishPlural returns the plural of an English noun ("deputy" deputies, "policeman" policemen, "army"
// armies, "crisis" crises), or "" when the word has no other plural form: it is already plural
// ("soldiers", "policemen") or uncountable ("police", "personnel"). The converters of the PETRARCH
// dictionaries use it where PETRARCH adds a regular plural.
func EnglishPlural(w string) string {
	if p := english().Plural(w); p != w {
		return p
	}
	return ""
}

// IsEnglishPlural reports whether an English noun is a plural form, neither singular nor uncountable
// ("soldiers", "policemen"; not "police", "scholar").
func IsEnglishPlural(w string) bool {
	c := english()
	return c.IsPlural(w) && c.Singular(w) != w
}
