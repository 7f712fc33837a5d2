package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// twinsOf returns the inverted twins made from the pattern written as text in language l.
func twinsOf(c *Coder, l, text string) (found bool, twins []*pattern) {
	for _, pt := range c.langs[l].patterns {
		if pt.text != text {
			continue
		}
		if pt.inverted {
			twins = append(twins, pt)
		} else {
			found = true
		}
	}
	return found, twins
}

// TestInvertedTwin checks which patterns get a verb-second twin, and its order.
func TestInvertedTwin(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct {
		lang, text string
		want       string // the twin's first two elements: the verb's first word and the slot; "" no twin
	}{
		{"de", "S @hat ..8 T ..6 @pp043", "hat S"},
		{"de", "T ..2 ist/wurde/wurden ..8 von S ..4 @pp173", "ist T"}, // the passive's subject
		{"de", "S ..2 nahm/nahmen ..8 T ..4 fest", "nahm S"},           // the gap before the verb is dropped
		{"de", "S ..12 zwischen T ..4 zu vermitteln", ""},              // a between word is no verb: "zwischen Israel und der Hamas" is no subject
		{"de", "S und sagte/sagten ..10 T ..8 zu", ""},                 // no verb after the subject
		{"nl", "R @heeft ..10 @vd057", "heeft R"},                      // the perfect with "hebben": one verb form is enough
		{"en", "S @meet T", ""},                                        // no option verb-second
	} {
		found, twins := twinsOf(c, tc.lang, tc.text)
		if !found {
			t.Errorf("%s: pattern %q not loaded", tc.lang, tc.text)
			continue
		}
		if tc.want == "" {
			if len(twins) != 0 {
				t.Errorf("%s: %q has a twin, want none", tc.lang, tc.text)
			}
			continue
		}
		if len(twins) != 1 {
			t.Errorf("%s: %q has %d twins, want 1", tc.lang, tc.text, len(twins))
			continue
		}
		tw := twins[0]
		got := tw.elems[0].alts[0][0].text + " " + string(tw.elems[1].slot)
		if tw.elems[0].kind != kLit || tw.elems[1].kind != kSlot || got != tc.want {
			t.Errorf("%s: twin of %q starts %q, want %q", tc.lang, tc.text, got, tc.want)
		}
		if len(tw.elems) >= len(strings.Fields(tc.text))+1 {
			t.Errorf("%s: twin of %q has %d elements", tc.lang, tc.text, len(tw.elems))
		}
	}
	// twins are no patterns of their own for the coverage table
	n, twins := 0, 0
	for _, row := range c.Coverage("de") {
		n += row.Patterns
	}
	for _, pt := range c.langs["de"].patterns {
		if pt.inverted {
			twins++
		}
	}
	if twins == 0 || n+twins > c.Patterns("de") {
		t.Errorf("de: %d twins, coverage counts %d of %d patterns", twins, n, c.Patterns("de"))
	}
}

// TestVerbSecondFronted codes inverted clauses: read after a fronted phrase, never where the phrase before the
// verb is its subject.
func TestVerbSecondFronted(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct {
		lang, text, want string // want: "CODE SOURCE TARGET", or "" for no event
	}{
		{"de", "Am Freitag hat Scholz Macron in Berlin empfangen.", "043 DEUGOV FRAGOV"},
		{"de", "Nachdem die Gespräche gescheitert waren, hat Scholz Macron in Berlin empfangen.", "043 DEUGOV FRAGOV"},
		{"de", "Scholz hat Macron in Berlin empfangen.", "043 DEUGOV FRAGOV"}, // the plain order, not Macron receiving
		{"de", "Der Bericht hat Russland und China kritisiert.", ""},          // a subject that is no actor
		{"de", "Er hat Russland und China kritisiert.", ""},                   // nor a pronoun (without a person before)
		{"de", "Hat Scholz Macron empfangen?", ""},                            // nothing fronted
		{"nl", "In Den Haag heeft premier Mark Rutte bondskanselier Olaf Scholz ontvangen.", "043 NLDGOV DEUGOV"},
		{"nl", "Het rapport heeft Rusland en China bekritiseerd.", ""},
	} {
		a := &dyad.Article{ID: "t", Lang: tc.lang, Text: tc.text, Published: "2025-03-10"}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		want := []string{}
		if tc.want != "" {
			want = []string{tc.want}
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s: %q: events %q, want %q\ntrace: %s", tc.lang, tc.text, got, want, traceString(res))
		}
	}
}
