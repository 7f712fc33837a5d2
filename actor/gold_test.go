package actor

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

// Floors of the actor gold set (../testdata/gold/actors.jsonl, written by the eval work) scored with
// Recognize alone. They only rise: raise them when the scores do.
const (
	goldPrecisionFloor = 0.90
	goldRecallFloor    = 0.90
)

// TestGold scores Recognize on the actor gold set with eval's rules and keeps a floor on the scores.
func TestGold(t *testing.T) {
	b, err := os.ReadFile("../testdata/gold/actors.jsonl")
	if err != nil {
		t.Skip(err)
	}
	g := &eval.Gold{Path: "gold"}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var it eval.Item
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			t.Skipf("gold line %d: %v (the eval package validates the gold set)", i+1, err)
		}
		if it.Mentions == nil {
			continue
		}
		g.Items = append(g.Items, it)
	}
	d := testDict(t)
	r, err := eval.Actors(context.Background(), g, func(ctx context.Context, lang, date, text string) (*dyad.Record, error) {
		a := dyad.Article{Text: text, Lang: lang, Published: dyad.NullString(date)}
		return &dyad.Record{Article: a, Mentions: d.Recognize(&a)}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	o := r.Overall
	t.Logf("%d items: precision %.3f, recall %.3f, F1 %.3f (TP %d, FP %d, FN %d)", r.Items, o.Precision, o.Recall, o.F1, o.TP, o.FP, o.FN)
	if testing.Verbose() {
		for _, m := range r.Misses {
			t.Logf("%s missed %q, spurious %q", m.ID, m.Missed, m.Spurious)
		}
	}
	if o.Precision < goldPrecisionFloor || o.Recall < goldRecallFloor {
		t.Errorf("precision %.3f, recall %.3f: below the floors %.2f, %.2f", o.Precision, o.Recall, goldPrecisionFloor, goldRecallFloor)
	}
}
