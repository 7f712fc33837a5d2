package main

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

// Floors on the gold sets, through the whole pipeline as `dyad eval` runs it. They only ever rise: when a
// change lifts a score, lift its floor here in the same commit.
var goldFloors = []struct {
	file         string
	f1, p, r     float64
	perLangF1Min float64
}{
	{"../../testdata/gold/events.jsonl", 0.77, 0.88, 0.68, 0.70},
	{"../../testdata/gold/events-dev.jsonl", 0.83, 0.92, 0.75, 0.68},
	{"../../testdata/gold/actors.jsonl", 0.95, 0.95, 0.95, 0.88},
}

func TestGoldFloors(t *testing.T) {
	e := &env{}
	c, err := e.components()
	if err != nil {
		t.Fatal(err)
	}
	run := func(ctx context.Context, lang, date, text string) (*dyad.Record, error) {
		rec, _, err := c.codeOne("gold", lang, date, text)
		return rec, err
	}
	for _, fl := range goldFloors {
		g, err := eval.LoadGold(fl.file)
		if err != nil {
			t.Fatal(err)
		}
		var rep *eval.Report
		if g.Kind() == "actors" {
			rep, err = eval.Actors(context.Background(), g, run)
		} else {
			rep, err = eval.Events(context.Background(), g, run)
		}
		if err != nil {
			t.Fatal(err)
		}
		o := rep.Overall
		t.Logf("%s: P %.3f R %.3f F1 %.3f over %d items", fl.file, o.Precision, o.Recall, o.F1, rep.Items)
		if o.F1 < fl.f1 || o.Precision < fl.p || o.Recall < fl.r {
			t.Errorf("%s: P %.3f R %.3f F1 %.3f, below the floors P %.2f R %.2f F1 %.2f", fl.file, o.Precision, o.Recall, o.F1, fl.p, fl.r, fl.f1)
		}
		for lang, s := range rep.ByLang {
			t.Logf("  %s: P %.3f R %.3f F1 %.3f", lang, s.Precision, s.Recall, s.F1)
			if s.F1 < fl.perLangF1Min {
				t.Errorf("%s: %s F1 %.3f below %.2f", fl.file, lang, s.F1, fl.perLangF1Min)
			}
		}
	}
}
