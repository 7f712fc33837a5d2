package coder

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCodingLeavesPatterns: coding a text leaves the patterns as they were, so that a text codes the same
// whatever was coded before it. A gap that passes over an inclusion apposition (", onder wie ...,") with the
// words it has left once narrowed the pattern's own gap through delem's pointer to its elem: after A's "45
// activisten, onder wie oud-rechtenprofessor Benny Tai, tot celstraffen veroordeeld", the "..8" of verbs:720
// and of every pattern sharing its elements was "..6" for good, and B's Swedish-Iranian doctor, eleven words
// before "ter dood veroordeeld", was no longer the target.
func TestCodingLeavesPatterns(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		{alias: "Een revolutionaire rechtbank in Teheran", via: "name", ref: dyad.ActorRef{ID: "irnjud", Name: "Iranian court", Type: "organization", Country: "IRN", Sector: "JUD", Code: "IRNJUD"}},
		{alias: "de Zweeds-Iraanse arts Ahmadreza Djalali", via: "name", ref: dyad.ActorRef{ID: "djalali", Name: "Djalali", Type: "person", Country: "SWE", Code: "SWE"}},
		testCountry("Stockholm", "SWE"), testCountry("Israël", "ISR"),
		{alias: "Een rechtbank", via: "name", ref: dyad.ActorRef{ID: "hkgjud", Name: "court", Type: "organization", Country: "HKG", Sector: "JUD", Code: "HKGJUD"}},
		{alias: "45 prodemocratische activisten", via: "name", ref: dyad.ActorRef{ID: "hkgopp", Name: "activists", Type: "group", Country: "HKG", Sector: "OPP", Code: "HKGOPP"}},
		{alias: "Benny Tai", via: "name", ref: dyad.ActorRef{ID: "tai", Name: "Benny Tai", Type: "person", Country: "HKG", Sector: "OPP", Code: "HKGOPP"}},
	}
	const (
		a = "Een rechtbank heeft 45 prodemocratische activisten, onder wie oud-rechtenprofessor Benny Tai, tot celstraffen veroordeeld."
		b = "TEHERAN (ANP) - Een revolutionaire rechtbank in Teheran heeft de Zweeds-Iraanse arts Ahmadreza Djalali, die in Stockholm aan het Karolinska Instituut werkte, ter dood veroordeeld wegens spionage voor Israël."
	)
	c.langs["nl"].ensure()
	before := snapshotElems(c, "nl")
	b1 := codedAs(c, actors, "nl", b, codeSourceTarget)
	gotA := codedAs(c, actors, "nl", a, codeSourceTarget)
	b2 := codedAs(c, actors, "nl", b, codeSourceTarget)
	t.Logf("B %q; A %q; B again %q", b1, gotA, b2)
	if b1 == "" || b1 != b2 {
		t.Errorf("B coded %q, and %q after A", b1, b2)
	}
	after := snapshotElems(c, "nl")
	for i, pt := range c.langs["nl"].patterns {
		if !reflect.DeepEqual(before[i], after[i]) {
			t.Errorf("%s %q: its elements changed while coding", pt.id, pt.text)
		}
	}
}

// snapshotElems copies the elements of every pattern of language l, as the matcher walks them (right, left).
func snapshotElems(c *Coder, l string) [][]elem {
	var out [][]elem
	for _, pt := range c.langs[l].patterns {
		var es []elem
		es = append(es, pt.elems...)
		for _, d := range pt.right {
			es = append(es, *d.elem)
		}
		for _, d := range pt.left {
			es = append(es, *d.elem)
		}
		out = append(out, es)
	}
	return out
}
