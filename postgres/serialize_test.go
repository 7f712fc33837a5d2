package postgres

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
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
