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

// TestLoadNouns: the classes' code maps are read per side, the longest prefix applies, --- is no event, and a
// bad line is named with its reason.
func TestLoadNouns(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cameo"), 0o755); err != nil {
		t.Fatal(err)
	}
	data := "rescue | subject | 042>073 | 04>070\ncyber | object | 19>---\n" +
		"bad | sideways | 042>073\nbad2 | object | 042-073\nbad3 | object | 042>099\nrescue | subject | 042>074\n"
	if err := os.WriteFile(filepath.Join(dir, NounsFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	nm, errs := loadNouns(packs.Dir(dir), cameo.MustDefault())
	if len(errs) != 4 {
		t.Fatalf("errors %v, want 4 (side, pair, code, mapped twice)", errs)
	}
	for _, want := range []string{"side \"sideways\"", "no FROM>TO", "not in the codebook", "mapped twice"} {
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e.Error(), want)
		}
		if !found {
			t.Errorf("no error says %q: %v", want, errs)
		}
	}
	for _, c := range []struct{ name, side, code, want string }{
		{"rescue", sideSubject, "042", "073"}, // the longest prefix
		{"rescue", sideSubject, "043", "070"},
		{"rescue", sideObject, "042", ""}, // no map on that side
		{"cyber", sideObject, "193", NullCode},
		{"cyber", sideObject, "173", ""},
	} {
		got, ok := nm.apply(c.name, c.side, c.code)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("apply(%s, %s, %s) = %q, want %q", c.name, c.side, c.code, got, c.want)
		}
	}
	lg := newLang("xx")
	if err := lg.addNouns("grammar:1", []string{"noun", "nosuch", "word"}); err != nil {
		t.Fatal(err)
	}
	if errs := checkNouns(map[string]*lang{"xx": lg}, nm); len(errs) != 1 || !strings.Contains(errs[0].Error(), "nosuch") {
		t.Errorf("checkNouns = %v, want the undefined class named", errs)
	}
}

// TestNounSides: a class counts on its side only. Protesters as the object of force are repressed (175); as
// its subject they riot (145: cameo/nouns maps each side on its own line).
func TestNounSides(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for text, want := range map[string]string{
		"Kenyan police attacked protesters in Nairobi.":        "175",
		"Kenyan protesters attacked Kenyan police in Nairobi.": "145",
	} {
		a := &dyad.Article{ID: "t", Lang: "en", Text: text}
		res := c.Code(a, handMentions(actors, text))
		if len(res.Events) != 1 || res.Events[0].Code != want {
			var got []string
			for _, e := range res.Events {
				got = append(got, e.Code)
			}
			t.Errorf("%q: events %v, want one %s", text, got, want)
		}
	}
}

// TestNounSets: a grammar noun class is a word set of the verbs files (@noun-money): the generic transfer
// patterns require what is given, the class's code map refines 070 by it, and the intent frame then makes it a
// promise; a transfer of no class of nouns ("gave a briefing") is no event.
func TestNounSets(t *testing.T) {
	lg := newLang("xx")
	for _, line := range [][]string{{"noun", "money", "dollars", "billion"}, {"noun", "money", "loans"}, {"noun", "arms", "tanks"}} {
		if err := lg.addNouns("grammar:1", line); err != nil {
			t.Fatal(err)
		}
	}
	sets := nounSets(lg.nouns)
	if len(sets["@noun-money"]) != 3 || len(sets["@noun-arms"]) != 1 {
		t.Errorf("nounSets = %v, want the two money lines joined and arms apart", sets)
	}
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for text, want := range map[string]string{
		"Japan will give $5 billion to Ukraine.":             "0331",
		"Germany gave tanks to Ukraine.":                     "072",
		"Germany will send rescue teams to Turkey.":          "0333",
		"Japan gave a briefing on trade figures to Ukraine.": "",
	} {
		a := &dyad.Article{ID: "t", Lang: "en", Text: text}
		res := c.Code(a, handMentions(actors, text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code)
		}
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%q: events %v, want %q", text, got, want)
		}
	}
}
