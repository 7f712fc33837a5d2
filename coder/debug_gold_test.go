//go:build gold

package coder

import (
	"os"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
)

// TestDebugSentence codes DYAD_SENTENCE (language DYAD_LANG) and logs mentions, firings and events:
// (published DYAD_DATE, default 2024-06-01; DYAD_DATELINE, DYAD_SOURCE as the extract stage would set them): DYAD_LANG=nl DYAD_SENTENCE='...' go test -tags gold ./coder -run TestDebugSentence -v
func TestDebugSentence(t *testing.T) {
	txt := os.Getenv("DYAD_SENTENCE")
	if txt == "" {
		t.Skip("no DYAD_SENTENCE")
	}
	dict, err := actor.Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	c := newTestCoder(t)
	date := "2024-06-01"
	if v := os.Getenv("DYAD_DATE"); v != "" {
		date = v // the publication date, where a person's office depends on it
	}
	a := &dyad.Article{ID: "x", Lang: os.Getenv("DYAD_LANG"), Text: txt, Published: dyad.NullString(date),
		Dateline: dyad.NullString(os.Getenv("DYAD_DATELINE")), Source: dyad.NullString(os.Getenv("DYAD_SOURCE"))}
	ms := dict.Recognize(a)
	for _, m := range ms {
		t.Logf("mention %q %s %s", m.Text, m.Actor.Code, m.Via)
	}
	if lg := c.langs[a.Lang]; lg != nil {
		d := &doc{c: c, lg: lg, a: a, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1}
		d.prepare(ms)
		for _, p := range d.phrases {
			t.Logf("phrase %q head %q members %d modifiers %d", a.Text[d.toks[p.first].Start:d.toks[p.last].End], d.ments[p.head].Text, len(p.members), len(p.modifiers))
		}
	}
	res := c.Code(a, ms)
	for _, f := range res.Trace {
		t.Logf("firing %s %s %s->%s neg=%v %s", f.Pattern, f.Code, f.Source, f.Target, f.Negated, f.Why)
	}
	for _, e := range res.Events {
		t.Logf("event %s %s->%s", e.Code, e.Source.Code, e.Target.Code)
	}
}
