package main

import (
	"testing"

	"github.com/dyad-events/dyad/packs"
)

func TestSpellings(t *testing.T) {
	p := []*place{
		{cc: "UA", names: []string{"Mykolaiv", "Миколаїв", "Кам'янське", "Івано-Франківськ"}, folds: map[string]bool{}},
		{cc: "RU", names: []string{"Nizhny Tagil", "Нижний Тагил", "Ейск"}, folds: map[string]bool{}},
		{cc: "PL", names: []string{"Przemyśl", "Перемишль"}, folds: map[string]bool{}},
	}
	for _, q := range p {
		for _, n := range q.names {
			q.folds[key(n)] = true
		}
	}
	if err := spellings(packs.Dir("../../packs/data"), p); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]string{
		{"Mykolajiw", "Mykolajiv", "Mykolaïv", "Kamjanske", "Iwano-Frankiwsk", "Ivano-Frankivsk"},
		{"Nischni Tagil", "Nizjni Tagil", "Jejsk"},
	} {
		for _, w := range want {
			if !p[i].folds[key(w)] {
				t.Errorf("%s: no spelling %q in %q", p[i].names[0], w, p[i].names)
			}
		}
	}
	if len(p[2].names) != 2 {
		t.Errorf("a place of a country no line names got spellings: %q", p[2].names)
	}
}

// TestSpellSeparators keeps each word's own space or hyphen, wherever the same letters stood before in the name
// ("Вана на": the second word's letters are the first's tail).
func TestSpellSeparators(t *testing.T) {
	sp := speller{countries: map[string]bool{"UA": true}, rules: map[string]string{"в": "w", "а": "a", "н": "n", "и": "i", "о": "o"}, longest: 1}
	for name, want := range map[string]string{"Вана на": "Wana na", "Иванов-Иван": "Iwanow-Iwan", "Вано  Нино": "Wano  Nino"} {
		if got, ok := sp.spell(name); !ok || got != want {
			t.Errorf("spell(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
