package postgres

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad"
)

// linkLock is the advisory lock key that workers hold while they link and save a record ("link" in ASCII).
const linkLock = 0x6c696e6b

var _ dyad.Serializer = (*DB)(nil)

// Serialize runs fn while holding a session-level advisory lock shared by every process on this database,
// so that `dyad worker` processes link and save one record at a time and never fold one event into two.
// fn runs its own queries on other connections of the pool.
func (db *DB) Serialize(ctx context.Context, fn func(ctx context.Context) error) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: lock: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(linkLock)); err != nil {
		return fmt.Errorf("postgres: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(linkLock))
	return fn(ctx)
}

// SaveLinked holds the store-wide link lock (as Serialize), calls link, which links the records against
// what is stored and returns those to save, and saves them in one transaction before it lets go: see
// dyad.LinkSaver. stored[i] is for the i-th record link returned.
func (db *DB) SaveLinked(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	var stored []bool
	err := db.Serialize(ctx, func(ctx context.Context) error {
		linked, err := link(ctx)
		if err != nil {
			return err
		}
		stored, err = db.SaveBatch(ctx, linked)
		return err
	})
	return stored, err
}
