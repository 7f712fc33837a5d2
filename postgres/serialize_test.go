package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// Two handles on one database stand for two worker processes: Serialize lets one in at a time.
func TestSerializeExcludesOtherProcesses(t *testing.T) {
	url := freshURL(t)
	ctx := context.Background()
	var dbs []*DB
	for range 2 {
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	var inside, most, runs atomic.Int32
	var wg sync.WaitGroup
	for _, db := range dbs {
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 5 {
					err := db.Serialize(ctx, func(ctx context.Context) error {
						n := inside.Add(1)
						if n > most.Load() {
							most.Store(n)
						}
						// Work on the store from inside the lock, as a worker's link and save do.
						if _, err := db.HasArticle(ctx, "x"); err != nil {
							return err
						}
						time.Sleep(2 * time.Millisecond)
						inside.Add(-1)
						runs.Add(1)
						return nil
					})
					if err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	if most.Load() != 1 || runs.Load() != 30 {
		t.Errorf("at most %d inside at once over %d runs, want 1 over 30", most.Load(), runs.Load())
	}
}

// keyedRecord is a record with one event of key and a signature of bands.
func keyedRecord(id, key string, bands ...uint64) *dyad.Record {
	return &dyad.Record{
		Article:   dyad.Article{ID: id, URI: id, Lang: "en", Text: "text of " + id, Published: "2024-03-01"},
		Signature: &dyad.Signature{ArticleID: id, MinHash: make([]uint32, 4), Bands: bands},
		Events: []dyad.Event{{ID: "ev-" + id, Key: key, Code: "040", Root: "04", Date: "2024-03-01", DatePrecision: "day",
			Source: dyad.EventActor{Code: "VNM", Country: "VNM"}, Target: dyad.EventActor{Code: "CHN", Country: "CHN"},
			Mentions: []dyad.EventMention{{ArticleID: id, Start: 0, End: 5, Lang: "en", Confidence: 0.9, Date: "2024-03-01"}}}},
	}
}

// names is what linking a record of these tests touches: its event's key and its bands.
func names(r *dyad.Record) []string {
	out := []string{dyad.KeyLock(r.Events[0].Key)}
	for _, b := range r.Signature.Bands {
		out = append(out, dyad.BandLock(b))
	}
	return out
}

// Two writers whose records share no lock name link and save at the same time: the first waits, inside its
// link, for the second to have saved (with one store-wide lock it would wait for ever).
func TestSaveLinkedKeysDisjointRunTogether(t *testing.T) {
	db := openFresh(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a guard against a hang, not a measure
	defer cancel()
	a, b := keyedRecord("a1", "04|CHN|VNM", 1), keyedRecord("b1", "19|RUS|UKR", 2)
	inA, bSaved := make(chan struct{}), make(chan struct{})
	errs := make(chan error, 2)
	go func() {
		_, err := db.SaveLinkedKeys(ctx, []*dyad.Record{a}, names(a), func(ctx context.Context) ([]*dyad.Record, error) {
			close(inA)
			select {
			case <-bSaved:
				return []*dyad.Record{a}, nil
			case <-ctx.Done():
				return nil, errors.New("the other writer never saved: the keys did not let it in")
			}
		})
		errs <- err
	}()
	go func() {
		<-inA
		_, err := db.SaveLinkedKeys(ctx, []*dyad.Record{b}, names(b), func(ctx context.Context) ([]*dyad.Record, error) {
			return []*dyad.Record{b}, nil
		})
		close(bSaved)
		errs <- err
	}()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != 2 || st.Events != 2 {
		t.Errorf("Stats = %+v, %v; want 2 articles and 2 events", st, err)
	}
}

// Writers that share a lock name never link at the same time, and a store-wide SaveLinked excludes them all.
func TestSaveLinkedKeysSharedExclude(t *testing.T) {
	url := freshURL(t)
	ctx := context.Background()
	var dbs []*DB
	for range 2 {
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	var inside atomic.Int32
	var overlap atomic.Bool
	enter := func() func() {
		if inside.Add(1) > 1 {
			overlap.Store(true)
		}
		return func() { inside.Add(-1) }
	}
	var wg sync.WaitGroup
	for w, db := range dbs {
		for g := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 6 {
					// Every record shares the band 7; the keys differ.
					rec := keyedRecord(fmt.Sprintf("w%d-%d-%d", w, g, i), fmt.Sprintf("04|K%d|K%d", w, i), 7, uint64(100+i))
					link := func(ctx context.Context) ([]*dyad.Record, error) {
						defer enter()()
						if _, err := db.HasArticle(ctx, rec.Article.ID); err != nil {
							return nil, err
						}
						return []*dyad.Record{rec}, nil
					}
					var err error
					if i == 3 && g == 0 {
						_, err = db.SaveLinked(ctx, []*dyad.Record{rec}, link)
					} else {
						_, err = db.SaveLinkedKeys(ctx, []*dyad.Record{rec}, names(rec), link)
					}
					if err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	if overlap.Load() {
		t.Error("two writers that share a lock name linked at the same time")
	}
	if st, err := dbs[0].Stats(ctx); err != nil || st.Articles != 24 {
		t.Errorf("Stats = %+v, %v; want 24 articles", st, err)
	}
}

// A record that demotes a stored article whose event key and bands were not locked: SaveLinkedKeys locks
// them too and links again before it saves.
func TestSaveLinkedKeysRelocksForDemotion(t *testing.T) {
	db := openFresh(t)
	ctx := context.Background()
	old := keyedRecord("old", "19|RUS|UKR", 11, 12)
	if _, err := db.Save(ctx, old); err != nil {
		t.Fatal(err)
	}
	rec := keyedRecord("new", "04|CHN|VNM", 11, 13)
	calls := 0
	stored, err := db.SaveLinkedKeys(ctx, []*dyad.Record{rec}, []string{dyad.KeyLock("04|CHN|VNM"), dyad.BandLock(11), dyad.BandLock(13)},
		func(ctx context.Context) ([]*dyad.Record, error) {
			calls++
			rec.Demote = []string{"old"}
			return []*dyad.Record{rec}, nil
		})
	if err != nil || len(stored) != 1 || !stored[0] {
		t.Fatalf("SaveLinkedKeys = %v, %v", stored, err)
	}
	if calls != 2 {
		t.Errorf("link called %d times; want 2 (once more with the demoted article's key and band 12 locked)", calls)
	}
	a, err := db.Article(ctx, "old")
	if err != nil || a.NearDuplicateOf != "new" {
		t.Errorf("the old article: %+v, %v; want a near-duplicate of new", a, err)
	}
	// A caller that names nothing: the linked record's own key and bands are locked, then it is linked again.
	calls = 0
	other := keyedRecord("other", "05|FRA|DEU", 21)
	if _, err := db.SaveLinkedKeys(ctx, []*dyad.Record{other}, nil, func(ctx context.Context) ([]*dyad.Record, error) {
		calls++
		return []*dyad.Record{other}, nil
	}); err != nil || calls != 2 {
		t.Errorf("SaveLinkedKeys without names: %v, link called %d times; want 2", err, calls)
	}
}
