package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// A writer that finds the file's write lock held past busy_timeout (another ingest linking and saving its
// batches) waits on instead of failing its documents: the save goes through once the lock is free, and only
// a cancelled context ends the wait.
func TestSaveWaitsPastBusyTimeout(t *testing.T) {
	old := busyTimeout
	busyTimeout = 50 * time.Millisecond
	defer func() { busyTimeout = old }()
	path := filepath.Join(t.TempDir(), "dyad.db")
	ctx := context.Background()
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	recs := storetest.SyntheticRecords(3, 13)

	// a holds the write lock (SaveLinked's link runs inside the write transaction) until release closes.
	holding, release := make(chan struct{}), make(chan struct{})
	free := sync.OnceFunc(func() { close(release) })
	defer free() // before the handles close, should the test stop early
	aDone := make(chan error, 1)
	go func() {
		_, err := a.SaveLinked(ctx, recs[:1], func(context.Context) ([]*dyad.Record, error) {
			close(holding)
			<-release
			return recs[:1], nil
		})
		aDone <- err
	}()
	<-holding

	bDone := make(chan error, 1)
	go func() {
		_, err := b.Save(ctx, recs[1])
		bDone <- err
	}()
	cctx, cancel := context.WithCancel(ctx)
	cDone := make(chan error, 1)
	go func() {
		_, err := b.Save(cctx, recs[2])
		cDone <- err
	}()
	select {
	case err := <-bDone:
		t.Fatalf("the save did not wait for the lock: %v", err)
	case <-time.After(20 * busyTimeout):
	}
	cancel()
	select {
	case err := <-cDone:
		if err == nil || !errors.Is(err, context.Canceled) && !isBusy(err) {
			t.Errorf("a cancelled wait: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled save keeps waiting")
	}
	free()
	if err := <-aDone; err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-bDone:
		if err != nil {
			t.Fatalf("the waiting save: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the waiting save does not go through once the lock is free")
	}
	for i, want := range []bool{true, true, false} {
		if ok, err := b.HasArticle(ctx, recs[i].Article.ID); err != nil || ok != want {
			t.Errorf("article %d stored %v (%v), want %v", i, ok, err, want)
		}
	}
}
