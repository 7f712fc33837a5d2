package postgres

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/dyad-events/dyad"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// linkLock is the advisory lock key of the whole store ("link" in ASCII): Serialize and SaveLinked hold it
// alone, SaveLinkedKeys shares it with the other SaveLinkedKeys and holds its names' locks alone.
const linkLock = 0x6c696e6b

var (
	_ dyad.Serializer     = (*DB)(nil)
	_ dyad.LinkSaver      = (*DB)(nil)
	_ dyad.KeyedLinkSaver = (*DB)(nil)
)

// Serialize runs fn while holding a session-level advisory lock shared by every process on this database,
// alone: no other Serialize, SaveLinked or SaveLinkedKeys runs meanwhile. fn runs its own queries on other
// connections of the pool.
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
// dyad.LinkSaver. stored[i] is for the i-th record link returned. Writers that know what their records
// touch use SaveLinkedKeys, which does not stop the others.
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

// errRelock says that the linked records demote articles whose names were not locked.
var errRelock = errors.New("relock")

// maxDeadlocks is how many times SaveLinkedKeys starts again after PostgreSQL broke a deadlock by failing
// its transaction (two saves that lock events and claims, then a demotion's, in different orders).
const maxDeadlocks = 8

// SaveLinkedKeys is dyad.KeyedLinkSaver's: in one transaction it takes the store-wide link lock shared,
// then transaction-level advisory locks on the hashes of locks, in sorted order (so that two writers never
// wait for each other in a cycle), links, checks that the keys and bands of the linked records and of what
// they demote were locked (else it rolls back, adds those names and starts again), and saves. Linking reads through other connections of
// the pool: it sees everything committed, and nothing of what it reads can change while the locks are held.
func (db *DB) SaveLinkedKeys(ctx context.Context, recs []*dyad.Record, locks []string,
	link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	held := lockIDs(locks)
	deadlocks := 0
	for {
		var (
			stored []bool
			need   []int64
		)
		err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock_shared($1)", int64(linkLock)); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
			var err error
			stored, need, err = lockLinkSave(ctx, tx, held, held, link)
			return err
		})
		switch {
		case errors.Is(err, errRelock):
			held = union(held, need)
			continue
		case isDeadlock(err) && deadlocks < maxDeadlocks:
			deadlocks++
			continue
		case err != nil:
			return nil, fmt.Errorf("postgres: save: %w", err)
		}
		return stored, nil
	}
}

// lockLinkSave takes the advisory locks of lock in sorted order, links, checks the linked records, and saves
// them, unless the keys and bands of the linked records and of what they demote (need) are not all in held:
// then it returns need with errRelock, for the caller to lock them too and start again.
func lockLinkSave(ctx context.Context, tx pgx.Tx, lock, held []int64,
	link func(ctx context.Context) ([]*dyad.Record, error)) (stored []bool, need []int64, err error) {
	if err := lockInOrder(ctx, tx, lock); err != nil {
		return nil, nil, err
	}
	linked, err := link(ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRecords(linked); err != nil {
		return nil, nil, err
	}
	if need, err = demoteLocks(ctx, tx, linked); err != nil {
		return nil, nil, err
	}
	// What the linked records hold must have been locked too, whatever the caller named.
	need = union(need, ownLocks(linked))
	if !subset(need, held) {
		return nil, need, errRelock
	}
	stored, err = saveIn(ctx, tx, linked)
	return stored, need, err
}

// lockIDs hashes lock names into advisory lock keys, sorted, each once.
func lockIDs(names []string) []int64 {
	ids := make([]int64, 0, len(names))
	for _, n := range names {
		ids = append(ids, lockKey("link", n))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// lockInOrder takes transaction-level advisory locks on ids in their order.
func lockInOrder(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM
		(SELECT k FROM unnest($1::bigint[]) WITH ORDINALITY AS u(k, n) ORDER BY n OFFSET 0) AS ordered`, ids); err != nil {
		return fmt.Errorf("lock keys: %w", err)
	}
	return nil
}

// demoteLocks returns the lock keys of what saving recs demotes: the keys of the events the demoted stored
// articles mention, and the LSH bands of those articles and of the articles that copy them (whose original
// changes), sorted.
func demoteLocks(ctx context.Context, tx pgx.Tx, recs []*dyad.Record) ([]int64, error) {
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.Demote...)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var names []string
	rows, err := tx.Query(ctx, `SELECT DISTINCT e.key FROM event_mentions m JOIN events e ON e.id = m.event_id
		WHERE m.article_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("demoted events: %w", err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("demoted events: %w", err)
	}
	for _, k := range keys {
		names = append(names, dyad.KeyLock(k))
	}
	rows, err = tx.Query(ctx, `SELECT bands FROM signatures WHERE article_id = ANY($1)
		OR article_id IN (SELECT id FROM articles WHERE near_duplicate_of = ANY($1))`, ids)
	if err != nil {
		return nil, fmt.Errorf("demoted bands: %w", err)
	}
	blobs, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return nil, fmt.Errorf("demoted bands: %w", err)
	}
	for _, b := range blobs {
		for i := 0; i+8 <= len(b); i += 8 {
			names = append(names, dyad.BandLock(binary.LittleEndian.Uint64(b[i:])))
		}
	}
	return lockIDs(names), nil
}

// ownLocks returns the lock keys of what linked records hold: their events' keys and their bands.
func ownLocks(recs []*dyad.Record) []int64 {
	var names []string
	for _, r := range recs {
		for i := range r.Events {
			if k := r.Events[i].Key; k != "" {
				names = append(names, dyad.KeyLock(k))
			}
		}
		if r.Signature != nil {
			for _, b := range r.Signature.Bands {
				names = append(names, dyad.BandLock(b))
			}
		}
	}
	return lockIDs(names)
}

// subset reports whether every id of a (sorted) is in b (sorted).
func subset(a, b []int64) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			return false
		}
	}
	return true
}

// union returns the sorted ids of a and b, each once.
func union(a, b []int64) []int64 {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// isDeadlock reports whether PostgreSQL failed a transaction to break a deadlock (SQLSTATE 40P01).
func isDeadlock(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "40P01"
}

// lockKey is the advisory lock key of an event or claim id, or of a lock name: a 64-bit hash of its kind
// and name.
func lockKey(kind, id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return int64(h.Sum64())
}
