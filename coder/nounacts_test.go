package coder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestLoadNounActs: a class's code is read, a bad line is named with its reason.
func TestLoadNounActs(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cameo"), 0o755); err != nil {
		t.Fatal(err)
	}
	data := "visit | 042\nbad | 999\nall | 042\nvisit | 040\nnocode\n"
	if err := os.WriteFile(filepath.Join(dir, NounActsFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	acts, errs := loadNounActs(packs.Dir(dir), cameo.MustDefault())
	if acts["visit"] != "042" || len(acts) != 1 {
		t.Errorf("acts = %v, want visit 042 alone", acts)
	}
	if len(errs) != 4 {
		t.Errorf("errors %v, want 4 (code, reserved name, defined twice, fields)", errs)
	}
}

// TestNounActPatterns: each shape gives a pattern per class with nouns and light verbs, its placeholders
// standing for the class's word sets; a shape with PREP needs prepositions, `only` limits it to its classes,
// `frame` maps the class's code, and a light or nprep class that NounActsFile lacks is reported.
func TestNounActPatterns(t *testing.T) {
	lg := newLang("en")
	lines := [][]string{
		{"noun", "visit", "visit", "trip"}, {"noun", "sanction", "sanctions"}, {"noun", "talks", "talks"},
		{"light", "visit", "made", "paid"}, {"light", "sanction", "imposed"}, {"light", "all", "ordered"},
		{"nprep", "visit", "to"}, {"nprep", "sanction", "on"},
		{"shape", "S ..2 ^LIGHT ..4 NOUN ..5 PREP T"},
		{"shape", "S will ..4 LIGHT ..4 NOUN ..5 PREP T", "frame=intent"},
		{"shape", "S ..2 LIGHT ..2 T ..2 NOUN", "only=visit"},
	}
	for i, f := range lines {
		l := packs.Line{File: "grammar", N: i + 1, Fields: f}
		var err error
		if f[0] == "noun" {
			err = lg.addNouns("grammar:1", f)
		} else {
			err = lg.addNounActLine(l)
		}
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
	}
	if err := lg.addNounActLine(packs.Line{Fields: []string{"shape", "S ..2 T"}}); err == nil {
		t.Error("a shape without LIGHT and NOUN was accepted")
	}
	if err := lg.addNounActLine(packs.Line{Fields: []string{"shape", "S LIGHT NOUN T", "often=yes"}}); err == nil {
		t.Error("a shape with an unknown option was accepted")
	}
	acts := map[string]string{"visit": "042", "sanction": "163", "talks": "040"}
	fm := frameMaps{"intent": codeMap{"04": "036"}}
	pts, errs := lg.nounActPatterns(acts, fm, nounSets(lg.nouns), cameo.MustDefault())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]bool{}
	for _, pt := range pts {
		got[pt.code+" "+pt.text] = true
	}
	for _, want := range []string{
		"042 S ..2 ^@light-visit ..4 @noun-visit ..5 @nprep-visit T (noun act visit)",
		"036 S will ..4 @light-visit ..4 @noun-visit ..5 @nprep-visit T (noun act visit)",
		"042 S ..2 @light-visit ..2 T ..2 @noun-visit (noun act visit)",
		"163 S ..2 ^@light-sanction ..4 @noun-sanction ..5 @nprep-sanction T (noun act sanction)",
		"163 S will ..4 @light-sanction ..4 @noun-sanction ..5 @nprep-sanction T (noun act sanction)",
	} {
		if !got[want] {
			t.Errorf("no pattern %q in %v", want, got)
		}
	}
	if len(pts) != 5 {
		t.Errorf("%d patterns, want 5 (talks has no prepositions, sanction no shape of only=visit)", len(pts))
	}
	if err := lg.addNounActLine(packs.Line{File: "grammar", N: 42, Fields: []string{"nprep", "nosuch", "onto"}}); err != nil {
		t.Fatal(err)
	}
	if errs := checkNounActs(lg, acts); len(errs) != 1 || !strings.Contains(errs[0].Error(), "nosuch") ||
		!strings.HasPrefix(errs[0].Error(), "grammar:42: ") {
		t.Errorf("checkNounActs = %v, want the undefined class named with its grammar line", errs)
	}
}

// TestNounActs: the embedded data code an event told by a light verb and an event noun in the languages'
// shapes: the verb's subject is the source, the noun's complement the target, a future an intent.
func TestNounActs(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "Japan made a surprise visit to Vietnam on Monday.", "042 JPNGOV VNM"},
		{"en", "Japan will pay a state visit to Vietnam next month.", "036 JPNGOV VNM"},
		{"en", "Japan imposed new sanctions on Vietnam.", "163 JPNGOV VNM"},
		{"en", "Japan did not make a visit to Vietnam.", ""},
		{"fr", "Le Japon a effectué mardi une visite d'État au Vietnam.", "042 JPNGOV VNM"},
		{"es", "Japón renovó su llamamiento a Vietnam.", "020 JPNGOV VNM"},
		{"de", "Deutschland hat neue Sanktionen gegen Japan verhängt.", "163 DEUGOV JPN"},
		{"de", "Deutschland wird eine Reise nach Japan antreten.", "036 DEUGOV JPN"},
		{"nl", "Duitsland heeft een staatsbezoek gebracht aan Japan.", "042 DEUGOV JPN"},
	} {
		a := &dyad.Article{ID: "t", Lang: tc.lang, Text: tc.text}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		if tc.want == "" && len(got) != 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
			t.Errorf("%s %q: events %v, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}
