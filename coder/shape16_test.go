package coder

import (
	"testing"
)

// TestShapes16 covers the mechanisms of round 16 (code16c): an enclitic after a hyphen opens no hypo phrase
// that holds a word of the pattern ("recusou-se a excluir": "se a" is no "if"), a "they" pronoun stands for an armed organisation named in the
// plural, and a group, a title in lower case and its holder of the same sector are one phrase ("FARC rebel
// leader Rodrigo Londono"), so "X and FARC rebel leader Y signed" reads both sides.
func TestShapes16(t *testing.T) {
	c := newTestCoder(t)
	act := namedActor
	actors := []testActor{
		act("Xi Jinping", "person", "CHNGOV", "CHN", "GOV"),
		act("Taiwan", "country", "TWN", "TWN", ""),
		act("Revolutionary Guards", "organization", "IRNMIL", "IRN", "MIL"),
		act("British", "country", "GBR", "GBR", ""),
		act("Juan Manuel Santos", "person", "COLGOV", "COL", "GOV"),
		act("FARC", "group", "COLREB", "COL", "REB"),
		act("Rodrigo Londono", "person", "COLREB", "COL", "REB"),
	}
	for _, tc := range []struct {
		lang, text string
		want       string // "CODE SOURCE TARGET", or "" for no event
	}{
		{"pt", "O presidente Xi Jinping recusou-se a excluir o uso da força contra Taiwan.", "138 CHNGOV TWN"},
		{"pt", "O presidente Xi Jinping disse que, se a força for usada contra Taiwan, a culpa será de outros.", ""},
		{"en", "The Revolutionary Guards said they had seized a British tanker.", "171 IRNMIL GBR"},
		{"en", "Juan Manuel Santos and FARC rebel leader Rodrigo Londono signed a peace agreement on Monday.", "057 COLGOV COLREB"},
	} {
		checkCoded(t, tc.text, codeHand(t, c, tc.lang, "2022-10-16", tc.text, actors), tc.want)
	}
}
