package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dyad-events/dyad"
)

var _ dyad.GroupSaver = (*DB)(nil)

// BeginGroup returns a dyad.SaveGroup whose batches share one write transaction, taken (BEGIN IMMEDIATE)
// at the group's first save and held until Commit or Rollback. A commit writes every page its inserts
// dirtied to the WAL, then to the file at the next checkpoint: at 10,000 articles stored nearly every page
// of the events' indexes is dirty after a batch of 256, so four batches a commit write about half the bytes
// of four commits. A batch that fails undoes the whole group (dyad.ErrGroupRolledBack): a savepoint per
// batch would have SQLite copy every page the batch changes to its statement journal first, which cost
// more than the group saved. An in-memory database (one connection, which the transaction would hold from
// the link stage's reads) does not group: BeginGroup returns nil.
func (db *DB) BeginGroup(ctx context.Context) (dyad.SaveGroup, error) {
	if db.memory {
		return nil, nil
	}
	return &group{db: db}, nil
}

// group is an SQLite dyad.SaveGroup.
type group struct {
	db   *DB
	tx   *sql.Tx
	refs map[dyad.ActorRef]int64 // the actor_refs rowids the saved batches found or added, kept at Commit
	n    int64                   // the batches saved in tx
}

// LinkSeesGroup is true: the link stage reads through the group's transaction.
func (g *group) LinkSeesGroup() bool { return true }

// SaveLinked links and saves recs in the group's transaction. When the link stage fails, nothing was
// written and the group goes on; when the save fails, the group is rolled back. See dyad.LinkSaver.
func (g *group) SaveLinked(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	// The group's transaction is not cancelled with ctx (database/sql rolls a transaction back when its
	// context ends): a cancelled run still commits the batches it saved.
	bg := context.WithoutCancel(ctx)
	if g.tx == nil {
		tx, err := g.db.begin(ctx, bg)
		if err != nil {
			return nil, fmt.Errorf("sqlite: save: begin: %w", err)
		}
		g.tx = tx
	}
	linkFailed := false
	if link != nil {
		f := link
		link = func(ctx context.Context) ([]*dyad.Record, error) {
			recs, err := f(ctx)
			linkFailed = err != nil
			return recs, err
		}
	}
	large := slices.ContainsFunc(recs, func(rec *dyad.Record) bool { return rec != nil && len(rec.Article.Text) >= largeText })
	if large {
		if _, err := g.tx.ExecContext(bg, fmt.Sprintf("PRAGMA cache_size(%d)", -largeCacheKiB)); err != nil {
			g.Rollback(ctx)
			return nil, fmt.Errorf("%w: sqlite: save: %w", dyad.ErrGroupRolledBack, err)
		}
	}
	stored, refs, err := g.db.saveIn(ctx, g.tx, recs, link, g.refs)
	if err != nil && !linkFailed {
		g.Rollback(ctx)
		err = fmt.Errorf("%w: %w", dyad.ErrGroupRolledBack, err)
	}
	if large { // back to the usual cache, in the transaction or after it
		reset := fmt.Sprintf("PRAGMA cache_size(%d)", -writerCacheKiB)
		if g.tx != nil {
			g.tx.ExecContext(bg, reset)
		} else {
			g.db.writer.ExecContext(bg, reset)
		}
	}
	if err != nil {
		return nil, err
	}
	if g.refs == nil {
		g.refs = map[dyad.ActorRef]int64{}
	}
	maps.Copy(g.refs, refs)
	g.n++
	return stored, nil
}

// Commit commits the group's batches, if it saved any.
func (g *group) Commit(ctx context.Context) error {
	tx := g.tx
	if tx == nil {
		return nil
	}
	g.tx = nil
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save: commit: %w", err)
	}
	g.db.afterCommit(ctx, g.refs)
	n := g.n
	g.refs, g.n = nil, 0
	g.db.checkpointAfter(ctx, n)
	return nil
}

// Rollback undoes the group's batches.
func (g *group) Rollback(ctx context.Context) error {
	tx := g.tx
	if tx == nil {
		return nil
	}
	g.tx, g.refs, g.n = nil, nil, 0
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("sqlite: save: rollback: %w", err)
	}
	return nil
}
