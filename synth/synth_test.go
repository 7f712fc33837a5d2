package synth

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

// memStore records what Generate saves.
type memStore struct {
	dyad.Store
	recs []*dyad.Record
}

func (m *memStore) Save(_ context.Context, r *dyad.Record) (bool, error) {
	m.recs = append(m.recs, r)
	return true, nil
}

func TestGenerate(t *testing.T) {
	st := &memStore{}
	var calls []int
	if err := GenerateWith(context.Background(), st, 2000, 7, func(d int) { calls = append(calls, d) }, Options{Batch: 100}); err != nil {
		t.Fatal(err)
	}
	events := map[string]int{}
	langs := map[string]map[string]bool{}
	countries, codes, dyads := map[string]bool{}, map[string]bool{}, map[string]int{}
	statements := 0
	for _, r := range st.recs {
		a := r.Article
		if a.ID == "" || a.Title == "" || a.Lang == "" || a.Published == "" || a.Source == "" {
			t.Fatalf("article lacks fields: %+v", a)
		}
		for _, m := range r.Mentions {
			if a.Text[m.Start:m.End] != m.Text {
				t.Fatalf("actor mention %q at %d-%d is %q in the text", m.Text, m.Start, m.End, a.Text[m.Start:m.End])
			}
		}
		for _, e := range r.Events {
			events[e.ID]++
			if langs[e.ID] == nil {
				langs[e.ID] = map[string]bool{}
			}
			m := e.Mentions[0]
			langs[e.ID][m.Lang] = true
			if a.Text[m.Start:m.End] != m.Sentence || m.ArticleID != a.ID {
				t.Fatalf("event mention sentence %q misplaced", m.Sentence)
			}
			if e.Source.Country == e.Target.Country || e.Code == "" || e.QuadClass < 1 || e.QuadClass > 4 ||
				!strings.HasPrefix(e.Code, e.Root) || len(e.Date) < 7 || e.Date < "2016" || e.Date > "2026" {
				t.Fatalf("implausible event %+v", e)
			}
			countries[e.Source.Country], codes[e.Code] = true, true
			dyads[e.Source.Country+":"+e.Target.Country]++
		}
		statements += len(r.Statements)
	}
	if len(events) != 2000 {
		t.Errorf("%d distinct events, want 2000", len(events))
	}
	again, multilingual := 0, 0
	for id, n := range events {
		if n > 1 {
			again++
		}
		if len(langs[id]) > 1 {
			multilingual++
		}
	}
	if again < 100 || multilingual < 50 {
		t.Errorf("%d events reported more than once, %d in several languages: want more", again, multilingual)
	}
	if len(countries) < 30 || len(codes) < 50 || statements == 0 {
		t.Errorf("%d countries, %d codes, %d statements: not varied enough", len(countries), len(codes), statements)
	}
	top := 0
	for _, n := range dyads {
		top = max(top, n)
	}
	if top < 20 {
		t.Errorf("the most frequent dyad has %d events: the draw is not skewed", top)
	}
	if len(calls) == 0 || calls[len(calls)-1] != 2000 {
		t.Errorf("progress calls %v", calls)
	}
	// The same seed gives the same records.
	st2 := &memStore{}
	if err := Generate(context.Background(), st2, 2000, 7, nil); err != nil {
		t.Fatal(err)
	}
	if len(st2.recs) != len(st.recs) || st2.recs[10].Article.Text != st.recs[10].Article.Text {
		t.Error("same seed, different records")
	}
}

func TestGenerateErrors(t *testing.T) {
	if err := Generate(context.Background(), &memStore{}, -1, 1, nil); err == nil {
		t.Error("negative n accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Generate(ctx, &memStore{}, 10, 1, nil); err == nil {
		t.Error("cancelled context ignored")
	}
}

func TestGenerateSQLite(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "synth.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Generate(context.Background(), db, 3000, 1, nil); err != nil {
		t.Fatal(err)
	}
	stats, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events != 3000 || stats.Mentions <= stats.Events || stats.Articles == 0 || stats.Claims == 0 {
		t.Errorf("stats %+v", stats)
	}
}
