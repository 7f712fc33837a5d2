package coder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestLexiconPatterns: each verb of the lexicon gets a pattern for each shape that fits it: the particle (and
// the gap before it) only for a separable verb, TGT as T or as its prepositions and T right after them, obj=
// and if= limit a shape, a shape without TGT is for verbs without a target unless if= names a flag (state: an
// arrest with no actor as its object is one-sided), and frame= maps the code.
func TestLexiconPatterns(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "de"), 0o755); err != nil {
		t.Fatal(err)
	}
	lex := "161 | ab+brechen | bricht brach | abgebrochen | zu/mit\n" +
		"173 | fest+nehmen | nimmt nahm | festgenommen | acc | state\n" +
		"057 | vereinbaren | vereinbart vereinbarte | vereinbart | mit | recip\n" +
		"143 | streiken | streikt streikte | gestreikt | -\n"
	if err := os.WriteFile(filepath.Join(dir, "de", LexiconFile), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	lg := newLang("de")
	shapes := [][]string{
		{"vshape", "S! ^FIN ..6 TGT ..8 PART"},
		{"vshape", "T wurde ..8 von S ..6 PP", "obj=acc"},
		{"vshape", "R! ^FIN ..10 PART", "if=recip"},
		{"vshape", "S! ^FIN ..8 PART"},
		{"vshape", "S hat ..8 PP", "if=state"},
		{"vshape", "S wird ..8 TGT ..6 INF", "frame=intent"},
		{"vshape", "dass S ..10 TGT ..6 VL"},
	}
	for i, f := range shapes {
		if err := lg.addVerbShape(packs.Line{File: "grammar", N: i + 1, Fields: f}); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
	}
	for _, bad := range [][]string{{"vshape", "S ..2 T"}, {"vshape", "S FIN T", "obj=gen"}, {"vshape", "S FIN T", "if=often"}} {
		if err := lg.addVerbShape(packs.Line{Fields: bad}); err == nil {
			t.Errorf("shape %v was accepted", bad)
		}
	}
	fm := frameMaps{"intent": codeMap{"16": "036"}}
	pts, errs := lg.lexiconPatterns(packs.Dir(dir), fm, map[string][]alt{}, cameo.MustDefault())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]bool{}
	for _, pt := range pts {
		text, _, _ := strings.Cut(pt.text, " (verb")
		got[pt.code+" "+text] = true
		if !strings.HasPrefix(pt.id, "de/lexicon:") && !strings.Contains(pt.id, LexiconFile+":") {
			t.Errorf("pattern %q names %s, want the lexicon line", pt.text, pt.id)
		}
	}
	want := []string{
		"161 S! ^@lex0-fin ..6 zu/mit ..2 T! ..8 @lex0-part",
		"036 S wird ..8 zu/mit ..2 T! ..6 @lex0-inf",
		"161 dass S ..10 zu/mit ..2 T! ..6 @lex0-vl",
		"173 S! ^@lex1-fin ..6 T ..8 @lex1-part",
		"173 T wurde ..8 von S ..6 @lex1-pp",
		"057 S! ^@lex2-fin ..6 mit ..2 T!",
		"057 R! ^@lex2-fin",
		"143 S! ^@lex3-fin",
		"173 S hat ..8 @lex1-pp",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %q", w)
		}
	}
	if len(got) != 13 {
		t.Errorf("got %d patterns, want 13: %v", len(got), got)
	}
}

// TestLexiconErrors: a bad entry is named with its file and line.
func TestLexiconErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "de"), 0o755); err != nil {
		t.Fatal(err)
	}
	lex := "999 | gehen | geht | gegangen | -\n" +
		"040 | treffen | trifft\n" +
		"040 | treffen | trifft | getroffen | acc | often\n" +
		"040 | a+b+c | trifft | getroffen | acc\n"
	if err := os.WriteFile(filepath.Join(dir, "de", LexiconFile), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	lg := newLang("de")
	_, errs := lg.lexiconPatterns(packs.Dir(dir), frameMaps{}, map[string][]alt{}, cameo.MustDefault())
	if len(errs) != 4 {
		t.Fatalf("errors %v, want 4", errs)
	}
	for i, err := range errs {
		if want := LexiconFile + ":" + string(rune('1'+i)) + ":"; !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

// TestLexiconTargetGap: a shape's tgap=N lets a prepositional target stand up to N words after its
// preposition (a language whose attributes stand before the noun: "同来访的X"); without it the target stays
// within two; a bad tgap is an error.
func TestLexiconTargetGap(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	lex := "040 | 会谈 | 会谈 举行会谈 | - | 与/同 | recip\n" + "040 | 会见 | 会见 | - | acc\n"
	if err := os.WriteFile(filepath.Join(dir, "zh", LexiconFile), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	lg := newLang("zh")
	for i, f := range [][]string{
		{"vshape", "S ..8 TGT ..8 FIN", "obj=prep", "tgap=4"},
		{"vshape", "S ..8 FIN ..2 TGT", "obj=prep"},
		{"vshape", "S ..8 FIN TGT", "obj=acc"},
	} {
		if err := lg.addVerbShape(packs.Line{File: "grammar", N: i + 1, Fields: f}); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
	}
	for _, bad := range []string{"tgap=0", "tgap=x", "tgap=99"} {
		if err := lg.addVerbShape(packs.Line{Fields: []string{"vshape", "S FIN TGT", bad}}); err == nil {
			t.Errorf("option %s was accepted", bad)
		}
	}
	pts, errs := lg.lexiconPatterns(packs.Dir(dir), frameMaps{}, map[string][]alt{}, cameo.MustDefault())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]bool{}
	for _, pt := range pts {
		text, _, _ := strings.Cut(pt.text, " (verb")
		got[pt.code+" "+text] = true
	}
	for _, w := range []string{
		"040 S ..8 与/同 ..4 T! ..8 @lex0-fin",
		"040 S ..8 @lex0-fin ..2 与/同 ..2 T!",
		"040 S ..8 @lex1-fin T",
	} {
		if !got[w] {
			t.Errorf("missing %q in %v", w, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d patterns, want 3: %v", len(got), got)
	}
}
