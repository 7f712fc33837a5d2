package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

// A worker's group commit saves the records waiting together in one transaction; when the store refuses
// the batch, each record is saved alone, so that only the bad one fails.
func TestGroupCommitRefusedBatch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "gc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := &env{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{}}
	lk, err := e.linker(st)
	if err != nil {
		t.Fatal(err)
	}
	gc := newGroupCommit(ctx, st, lk)
	rec := func(id, text string) *commitWaiter {
		return &commitWaiter{rec: &dyad.Record{Article: dyad.Article{ID: id, URI: "doc-" + text, Lang: "en", Text: text}},
			done: make(chan struct{})}
	}
	batch := []*commitWaiter{rec("a1", "first report"), rec("", "no id"), rec("a3", "third report")}
	gc.commit(batch)
	for i, w := range batch {
		ok, herr := st.HasArticle(ctx, w.rec.Article.ID)
		if herr != nil {
			t.Fatal(herr)
		}
		if bad := i == 1; bad != (w.err != nil) || ok == bad {
			t.Errorf("record %d: error %v, stored %v", i, w.err, ok)
		}
	}
	// Together, when none is bad.
	batch = []*commitWaiter{rec("b1", "another report"), rec("b2", "and one more")}
	gc.commit(batch)
	for _, w := range batch {
		if ok, _ := st.HasArticle(ctx, w.rec.Article.ID); w.err != nil || !ok {
			t.Errorf("%s: error %v, stored %v", w.rec.Article.ID, w.err, ok)
		}
	}
}
