package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/eval"
)

// TestGoldOrder: one coder codes the event items of every committed gold set in order and in reverse order, and every item's events
// are the same both ways: what a text codes never depends on what the process coded before it (a gap once
// narrowed its pattern for good after an inclusion apposition, coder.TestCodingLeavesPatterns).
func TestGoldOrder(t *testing.T) {
	files, err := filepath.Glob("../../testdata/gold/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("gold sets: %v", err)
	}
	var items []eval.Item
	for _, f := range files {
		g, err := eval.LoadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range g.Items {
			if it.Kind() == eval.KindEvents {
				items = append(items, it)
			}
		}
	}
	e := &env{}
	c, err := e.components()
	if err != nil {
		t.Fatal(err)
	}
	code := func(it eval.Item) string {
		rec, _, err := c.codeOne("gold", it.Lang, it.Date, it.Text)
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		b, err := json.Marshal(rec.Events)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fwd := make([]string, len(items))
	for i, it := range items {
		fwd[i] = code(it)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.Reverse(idx)
	bad := 0
	for _, i := range idx {
		if got := code(items[i]); got != fwd[i] {
			bad++
			t.Errorf("%s: coded in order %s\n  in reverse order %s", items[i].ID, fwd[i], got)
		}
	}
	t.Logf("%d items, %d coded otherwise in reverse order", len(items), bad)
}
