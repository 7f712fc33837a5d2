package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/jackc/pgx/v5"
)

var _ dyad.GroupSaver = (*DB)(nil)

// BeginGroup returns a dyad.SaveGroup whose batches share one transaction, begun at the group's first save.
// Its locks (the store-wide link lock, shared or alone, and the advisory locks of the keys and bands its
// batches named) are held until Commit or Rollback: a group is as long as its caller lets it be.
func (db *DB) BeginGroup(ctx context.Context) (dyad.SaveGroup, error) {
	return &group{db: db}, nil
}

// group is a PostgreSQL dyad.SaveGroup.
type group struct {
	db    *DB
	tx    pgx.Tx
	held  []int64 // the advisory lock keys the transaction holds, sorted
	alone bool    // the store-wide link lock is held alone (SaveLinked), else shared
	saved int     // batches saved in the transaction
}

var (
	_ dyad.SaveGroup      = (*group)(nil)
	_ dyad.KeyedLinkSaver = (*group)(nil)
)

// LinkSeesGroup is false: the link stage reads through other connections of the pool, which do not see
// the group's uncommitted batches.
func (g *group) LinkSeesGroup() bool { return false }

// begin begins the group's transaction if it has none, and takes the store-wide link lock, alone or shared.
func (g *group) begin(ctx context.Context, alone bool) error {
	if g.tx != nil && (g.alone || !alone) {
		return nil
	}
	if g.tx == nil {
		// Not cancelled with ctx: a cancelled run still commits the batches it saved.
		tx, err := g.db.pool.Begin(context.WithoutCancel(ctx))
		if err != nil {
			return fmt.Errorf("postgres: save: begin: %w", err)
		}
		g.tx, g.held, g.saved = tx, nil, 0
	}
	lock := "SELECT pg_advisory_xact_lock_shared($1)"
	if alone {
		// A group that held the lock shared commits first: upgrading it could wait on another group in a cycle.
		if g.saved > 0 || len(g.held) > 0 {
			if err := g.Commit(ctx); err != nil {
				return fmt.Errorf("%w: %w", dyad.ErrGroupRolledBack, err)
			}
			return g.begin(ctx, alone)
		}
		lock = "SELECT pg_advisory_xact_lock($1)"
	}
	if _, err := g.tx.Exec(ctx, lock, int64(linkLock)); err != nil {
		g.Rollback(ctx)
		return fmt.Errorf("%w: postgres: save: lock: %w", dyad.ErrGroupRolledBack, err)
	}
	g.alone = alone
	return nil
}

// SaveLinked holds the store-wide link lock alone until the group ends, links and saves recs on a
// savepoint of the group's transaction. See dyad.LinkSaver and DB.SaveLinked.
func (g *group) SaveLinked(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	if err := g.begin(ctx, true); err != nil {
		return nil, err
	}
	var stored []bool
	err := g.savepoint(ctx, func(tx pgx.Tx) error {
		linked, err := link(ctx)
		if err != nil {
			return err
		}
		if err := checkRecords(linked); err != nil {
			return err
		}
		stored, err = saveIn(ctx, tx, linked)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: save: %w", err)
	}
	return stored, nil
}

// SaveLinkedKeys is DB.SaveLinkedKeys on a savepoint of the group's transaction: the locks the group's
// batches took are held until it ends. Each batch locks the names it needs beyond those in sorted order,
// so that two groups may wait for each other in a cycle: when PostgreSQL breaks one, the group commits
// what it saved before (which lets go of its locks) and saves the batch again in a new transaction.
func (g *group) SaveLinkedKeys(ctx context.Context, recs []*dyad.Record, locks []string,
	link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	want := lockIDs(locks)
	deadlocks := 0
	for {
		if err := g.begin(ctx, false); err != nil {
			return nil, err
		}
		var (
			stored []bool
			need   []int64
		)
		err := g.savepoint(ctx, func(tx pgx.Tx) error {
			var err error
			stored, need, err = lockLinkSave(ctx, tx, without(want, g.held), union(want, g.held), link)
			return err
		})
		switch {
		case err == nil:
			g.held = union(g.held, want)
			return stored, nil
		case errors.Is(err, errRelock):
			want = union(want, need)
			continue
		case isDeadlock(err) && deadlocks < maxDeadlocks:
			deadlocks++
			// The locks of the group's earlier batches are part of the cycle: commit them.
			if cerr := g.Commit(ctx); cerr != nil {
				return nil, fmt.Errorf("%w: %w", dyad.ErrGroupRolledBack, cerr)
			}
			continue
		}
		return nil, fmt.Errorf("postgres: save: %w", err)
	}
}

// savepoint runs fn on a savepoint of the group's transaction (PostgreSQL's subtransactions keep no copy of
// the pages they change): when fn fails, what it did is undone (the locks it took included) and the group
// goes on; when the savepoint itself fails, the group is rolled back (dyad.ErrGroupRolledBack).
func (g *group) savepoint(ctx context.Context, fn func(tx pgx.Tx) error) error {
	bg := context.WithoutCancel(ctx)
	sp, err := g.tx.Begin(bg)
	if err != nil {
		g.Rollback(ctx)
		return fmt.Errorf("%w: savepoint: %w", dyad.ErrGroupRolledBack, err)
	}
	if err := fn(sp); err != nil {
		if rerr := sp.Rollback(bg); rerr != nil {
			g.Rollback(ctx)
			return fmt.Errorf("%w: %w", dyad.ErrGroupRolledBack, errors.Join(err, fmt.Errorf("rollback to savepoint: %w", rerr)))
		}
		return err
	}
	if err := sp.Commit(bg); err != nil {
		g.Rollback(ctx)
		return fmt.Errorf("%w: release savepoint: %w", dyad.ErrGroupRolledBack, err)
	}
	g.saved++
	return nil
}

// Commit commits the group's batches, if it saved any, and lets go of its locks.
func (g *group) Commit(ctx context.Context) error {
	tx := g.tx
	if tx == nil {
		return nil
	}
	g.tx, g.held, g.saved = nil, nil, 0
	if err := tx.Commit(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("postgres: save: commit: %w", err)
	}
	return nil
}

// Rollback undoes the group's batches and lets go of its locks.
func (g *group) Rollback(ctx context.Context) error {
	tx := g.tx
	if tx == nil {
		return nil
	}
	g.tx, g.held, g.saved = nil, nil, 0
	if err := tx.Rollback(context.WithoutCancel(ctx)); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return fmt.Errorf("postgres: save: rollback: %w", err)
	}
	return nil
}

// without returns the ids of a (sorted) that are not in b (sorted).
func without(a, b []int64) []int64 {
	if len(b) == 0 {
		return a
	}
	var out []int64
	for _, x := range a {
		if !subset([]int64{x}, b) {
			out = append(out, x)
		}
	}
	return out
}
