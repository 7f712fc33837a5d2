package coder

import (
	"testing"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestTenseOf checks the endings of grammar `tense` lines: the longest ending decides, the accent counts
// (Portuguese "enviaria" is a conditional, "humanitária" is not), notense words and whole-word endings are
// no tense.
func TestTenseOf(t *testing.T) {
	lg := newLang("xx")
	for _, l := range [][]string{
		{"tense", "future", "rá", "rão"},
		{"tense", "conditional", "aria", "ariam"},
		{"notense", "parceria", "secretaria"},
	} {
		if err := lg.addTense("xx/grammar:1", l[0], l); err != nil {
			t.Fatal(err)
		}
	}
	for w, want := range map[string]string{
		"enviará": tenseFuture, "Enviarão": tenseFuture, "enviara": "", "rá": "",
		"enviaria": tenseConditional, "humanitária": "", "secretaria": "", "enviou": "",
	} {
		if got := lg.tenseOf(w); got != want {
			t.Errorf("tenseOf(%q) = %q, want %q", w, got, want)
		}
	}
	if err := lg.addTense("xx/grammar:2", "tense", []string{"tense", "past", "ou"}); err == nil {
		t.Error("tense past: no error, want one (only future and conditional)")
	}
}

// TestTenseFrames checks the mechanism on a language whose patterns name the past only: the future is the
// intent frame, a conditional no event, a conditional after a `that` word the intent frame again.
func TestTenseFrames(t *testing.T) {
	dir := writePack(t, map[string]string{
		"es/verbs":     "073 | S ..2 envi~ ..4 ayuda ..2 a T\n",
		"es/grammar":   "that | que\ntense | future | rá | rán\ntense | conditional | aría | arían\n",
		"cameo/frames": "intent | 07>033 | 073>0333\n",
	})
	c, err := New(packs.Dir(dir), cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	actors := loadTestActors(t)
	for txt, want := range map[string]string{
		"México envió ayuda a Cuba.":                         "073",
		"México enviará ayuda a Cuba.":                       "0333",
		"México enviaría ayuda a Cuba.":                      "",
		"El gobierno dijo que México enviaría ayuda a Cuba.": "0333",
	} {
		if got := codedAs(c, actors, "es", txt, codeOnly); got != want {
			t.Errorf("%q: events %q, want %q", txt, got, want)
		}
	}
}

// condThreatCoder is a Chinese pack of one tariff pattern, a conditional clause's opening word and a threat
// frame, for the tests of frames before a condition.
func condThreatCoder(t *testing.T) (*Coder, []testActor) {
	t.Helper()
	dir := writePack(t, map[string]string{
		"zh/verbs":     "163 | S ..6 对 T ..4 加征 ..4 关税\n",
		"zh/grammar":   "cond-open | 如果\nframe | threat | 威胁 | 威胁说\n",
		"cameo/frames": "threat | 163>1312\n",
	})
	c, err := New(packs.Dir(dir), cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	return c, loadTestActors(t)
}

// TestFrameBeforeCond checks that a frame right before a conditional clause (grammar cond-open, closed by a
// comma) governs the main clause after it, whose subject is named again, and only there.
func TestFrameBeforeCond(t *testing.T) {
	c, actors := condThreatCoder(t)
	for txt, want := range map[string]string{
		"美国威胁，如果中国不让步，美国对中国加征关税。": "1312",
		"美国表示，如果中国不让步，美国对中国加征关税。": "163",
		"美国威胁，美国对中国加征关税。":         "163",
	} {
		if got := codedAs(c, actors, "zh", txt, codeOnly); got != want {
			t.Errorf("%q: events %q, want %q", txt, got, want)
		}
	}
}

// TestFrameBeforeCondSource checks that a threat told by a condition ("X威胁，如果……，Y将……") is the threat of the
// threatening verb's subject, not of the main clause's, and that a threat frame with no subject of its own
// before it leaves the main clause's subject as the source.
func TestFrameBeforeCondSource(t *testing.T) {
	c, actors := condThreatCoder(t)
	for txt, want := range map[string]string{
		// the one who threatens names a third party's act as the threat
		"美国威胁，如果中国不让步，日本将对中国加征关税。": "1312 USA CHN",
		// a date between the subject and the frame
		"美国总统拜登5日威胁说，如果中国不让步，美国将对中国加征关税。": "1312 USAGOV CHN",
		// the main clause's subject threatens itself: unchanged
		"美国威胁，如果中国不让步，美国对中国加征关税。": "1312 USA CHN",
		// the frame has no subject before it in its clause: the main clause's stays
		"日本表示不满，并威胁，如果中国不让步，日本将对中国加征关税。": "1312 JPN CHN",
	} {
		if got := codedAs(c, actors, "zh", txt, codeSourceTarget); got != want {
			t.Errorf("%q: events %q, want %q", txt, got, want)
		}
	}
}
