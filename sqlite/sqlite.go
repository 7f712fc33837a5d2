// Package sqlite is dyad's embedded store: a dyad.Store on one SQLite file through modernc.org/sqlite (pure
// Go, no cgo).
//
// The file is opened in WAL mode with one writer connection, so saves from many goroutines are serialised in
// the process while readers go on in parallel; every Save or SaveBatch is one transaction. The schema is
// built by numbered migrations embedded from migrations/*.sql and recorded in a schema_version table.
// Articles are indexed by an FTS5 table over title and text that folds case and diacritics.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlq"
	msqlite "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is a dyad.Store on a SQLite file. It is safe for concurrent use.
type DB struct {
	path   string
	writer *sql.DB // one connection: SQLite has one writer at a time
	reader *sql.DB // several connections, read-only; the writer itself for an in-memory database
	memory bool
	linkMu sync.Mutex // SaveLinked's lock on an in-memory database
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // prepared reads of the link stage, by query
	saves  atomic.Int64         // batches committed, for the periodic checkpoint
	refsMu sync.Mutex
	refs   map[dyad.ActorRef]int64 // committed actor_refs rowids, by actor (saver.actorRefs)
	sigs   sigCache                // committed articles' signatures, by rowid (SimilarArticles)
}

// checkpointEvery is how many saved batches go between two checkpoints that reset the WAL (a group of
// batches counts each of its batches, so that the WAL stays as long whatever the groups). SQLite's
// automatic checkpoints cannot reset it while readers are busy, and in a long ingest they always are: the
// WAL grew to 684 MB in 50,000 articles.
const checkpointEvery = 16

// walCheckpointBytes is the WAL's size from which every commit is followed by a checkpoint, whatever the
// count of batches. As the store grows a commit writes more pages (its rows fall at random places of larger
// indexes; 16 batches' worth took the WAL to 375 MB at 27,000 articles stored), until its pages are mostly
// others than the last commit's: a checkpoint then writes about what it would have later. Below that, a
// checkpoint after every commit writes the pages that the next commits dirty again: with a limit of 16–128
// MB, 5,000 articles wrote 55–100% more bytes (BenchmarkSaveRecorded, DYAD_BENCH_WAL). As large as
// wal_autocheckpoint's. A variable for the tests.
var walCheckpointBytes int64 = 256 << 20

// checkpoint copies the WAL into the database and starts it over, waiting for readers a moment at most (it
// holds the write lock meanwhile, which another process may be waiting for); journal_size_limit then cuts the
// file back. A checkpoint that cannot finish is tried again later.
func (db *DB) checkpoint(ctx context.Context) { db.checkpointAfter(ctx, 1) }

// checkpointAfter is checkpoint after a commit of n batches: every checkpointEvery batches, and after every
// commit once the WAL holds walCheckpointBytes.
func (db *DB) checkpointAfter(ctx context.Context, n int64) {
	if db.memory || n <= 0 {
		return
	}
	if after := db.saves.Add(n); after/checkpointEvery == (after-n)/checkpointEvery && !db.walLong() {
		return
	}
	c, err := db.writer.Conn(ctx)
	if err != nil {
		return
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "PRAGMA busy_timeout=100"); err != nil {
		return
	}
	c.ExecContext(ctx, "PRAGMA wal_checkpoint(RESTART)")
	c.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout=%d", busyTimeout.Milliseconds()))
}

// walLong tells whether the WAL file holds walCheckpointBytes or more.
func (db *DB) walLong() bool {
	fi, err := os.Stat(db.path + "-wal")
	return err == nil && fi.Size() >= walCheckpointBytes
}

// busyTimeout is how long one attempt to take the write lock waits for another process (SQLite's
// busy_timeout); a save then tries again (DB.begin). A variable for the tests.
var busyTimeout = time.Minute

var _ dyad.Store = (*DB)(nil)

// Open opens or creates the database file at path and brings its schema up to date. The path ":memory:"
// opens a private in-memory database (one connection, for tests).
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: database path %q: '?' and '#' are not allowed", path)
	}
	memory := path == ":memory:"
	db := &DB{path: path, memory: memory}
	var err error
	db.writer, err = sql.Open("sqlite", dsn(path, false, memory))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.writer.SetMaxOpenConns(1)
	db.writer.SetMaxIdleConns(1)
	db.writer.SetConnMaxLifetime(0)
	db.writer.SetConnMaxIdleTime(0)
	if err := ping(ctx, db.writer); err != nil {
		db.writer.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, db.writer); err != nil {
		db.writer.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if memory {
		db.reader = db.writer
	} else {
		db.reader, err = sql.Open("sqlite", dsn(path, true, false))
		if err != nil {
			db.writer.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		db.reader.SetMaxOpenConns(n)
		db.reader.SetMaxIdleConns(n)
	}
	db.sigs.committed(ctx, db.writer)
	// Keeps the planner's statistics fresh enough to pick the right index for the event filters.
	if _, err := db.writer.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: optimize: %w", path, err)
	}
	return db, nil
}

// ping opens the writer's connection. Turning a new file to WAL needs the file to itself, and SQLite answers
// SQLITE_BUSY at once, without the busy timeout, when another process is opening it at the same moment (two
// workers started together): that is tried again for a few seconds.
func ping(ctx context.Context, db *sql.DB) error {
	wait := 10 * time.Millisecond
	for {
		err := db.PingContext(ctx)
		var se *msqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || wait > 2*time.Second {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// sqliteBusy is SQLITE_BUSY, the primary result code of "database is locked".
const sqliteBusy = 5

// dsn builds the driver's connection string: the pragmas every connection needs, and immediate write
// transactions on the writer so that a second process waits (busy_timeout) instead of failing to upgrade.
// The wait is long (a minute): another ingest holds the write lock while it links a batch; a save whose wait
// runs out tries again (DB.begin).
func dsn(p string, readOnly, memory bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if !memory {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		// No memory map of the file: each connection maps it on its own and every page one touches stays in
		// the process's RSS (the writer's 256 MB and four readers' 64 MB took RSS past 1.3 GB at 10,000
		// articles), while the writer spent no less CPU with its page cache alone (BenchmarkSaveRecorded).
		q.Add("_pragma", "mmap_size(0)")
		// A WAL that a checkpoint has reset is cut back to this size.
		q.Add("_pragma", "journal_size_limit(67108864)")
	}
	// Page cache: 64 MB for the writer (batches insert at random places in the band and index b-trees),
	// 16 MB for each reader.
	if readOnly {
		q.Add("_pragma", "cache_size(-16384)")
	} else {
		q.Add("_pragma", fmt.Sprintf("cache_size(%d)", -writerCacheKiB))
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
		// A statement that writes many rows (a multi-row insert, an update of several) keeps the pages it
		// changes in a statement journal, to undo it alone on failure; past 64 KB SQLite writes that journal
		// to a temporary file. The writer keeps it in memory: it lives for one statement.
		q.Add("_pragma", "temp_store(2)")
		// Copy the WAL into the file when it holds 256 MB, not SQLite's 4 MB: a batch dirties pages all
		// over the indexes, the same ones batch after batch, and each checkpoint writes each of them once
		// (the bytes written per article fell by a third; periodic RESTART checkpoints still reset the WAL).
		q.Add("_pragma", "wal_autocheckpoint(65536)")
	}
	return "file:" + p + "?" + q.Encode()
}

// writerCacheKiB is the writer's page cache; largeCacheKiB its cache while it saves a batch with a text of
// largeText bytes or more. A large text's pages (its row's overflow pages and its index entries) would fill
// the whole cache, on top of the copies of the text SQLite makes (30 MB of text: 53 MB more RSS); written to
// the WAL as the small cache fills, they cost no more to save.
const (
	writerCacheKiB = 64 << 10
	largeCacheKiB  = 8 << 10
	largeText      = 4 << 20
)

// maxStmts bounds the prepared statements DB.query keeps.
const maxStmts = 256

// query runs a read through a prepared statement kept for the next time: the link stage asks the same few
// queries for every record, and parsing them each time cost an eighth of its CPU. Inside SaveLinked's link
// callback it reads through the save's transaction (linkReads). The caller calls done once it has closed
// the rows.
func (db *DB) query(ctx context.Context, query string, args ...any) (rows *sql.Rows, done func(), err error) {
	if lr, ok := ctx.Value(linkReadsKey{}).(*linkReads); ok && lr.db == db {
		// Each of these reads is one bounded index look-up: it runs under a context that is never cancelled,
		// which spares a goroutine watching the context in the driver and another in database/sql's Rows for
		// each read (see saver); a cancelled ctx ends the link stage at its next read.
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		ctx := context.WithoutCancel(ctx)
		st, err := lr.take(ctx, query)
		if err != nil {
			return nil, nil, err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			lr.put(query, st)
			return nil, nil, err
		}
		return rows, func() { lr.put(query, st) }, nil
	}
	db.stmtMu.Lock()
	st, ok := db.stmts[query]
	if !ok && len(db.stmts) < maxStmts {
		if st, err = db.reader.PrepareContext(ctx, query); err != nil {
			db.stmtMu.Unlock()
			return nil, nil, err
		}
		if db.stmts == nil {
			db.stmts = map[string]*sql.Stmt{}
		}
		db.stmts[query], ok = st, true
	}
	db.stmtMu.Unlock()
	if !ok {
		rows, err = db.reader.QueryContext(ctx, query, args...)
	} else {
		rows, err = st.QueryContext(ctx, args...)
	}
	return rows, func() {}, err
}

// querier is what reads run on: the readers, or the link stage's transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readerOf returns what the reads of the link stage's lookups run on: inside SaveLinked's link callback the
// save's transaction (linkReads), which also sees what the group's earlier batches saved (a SaveGroup: a
// stored article, its record or a claim that the group's transaction holds is not committed yet, and the
// readers do not see it), else the readers.
func (db *DB) readerOf(ctx context.Context) querier {
	if lr, ok := ctx.Value(linkReadsKey{}).(*linkReads); ok && lr.db == db {
		return lr.tx
	}
	return db.reader
}

// queryRow scans the first row of query into dest, through the link stage's transaction as query does.
func (db *DB) queryRow(ctx context.Context, query string, args []any, dest ...any) error {
	rows, done, err := db.query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer done()
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// ReleaseMemory hands back the memory the writer's page cache holds (PRAGMA shrink_memory): after a large
// document the cache is full of its pages, which no later write is likely to read. The cache fills again as
// it is used.
func (db *DB) ReleaseMemory(ctx context.Context) error {
	if _, err := db.writer.ExecContext(ctx, "PRAGMA shrink_memory"); err != nil {
		return fmt.Errorf("sqlite: shrink memory: %w", err)
	}
	return nil
}

// Close optimises the planner statistics and closes the database.
func (db *DB) Close() error {
	var errs []error
	db.stmtMu.Lock()
	for _, st := range db.stmts {
		errs = append(errs, st.Close())
	}
	db.stmts = nil
	db.stmtMu.Unlock()
	if db.reader != nil && db.reader != db.writer {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		if _, err := db.writer.Exec("PRAGMA optimize"); err != nil {
			errs = append(errs, err)
		}
		errs = append(errs, db.writer.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", db.path, err)
	}
	return nil
}

// migration is one numbered schema change (internal/sqlq reads them for both stores).
type migration = sqlq.Migration

// migrations reads the embedded migrations/NNNN_name.sql files in version order.
func migrations() ([]migration, error) {
	return loadMigrations(migrationFiles, "migrations")
}

var loadMigrations = sqlq.LoadMigrations

// migrate applies the migrations newer than the database's schema version, each in its own transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var current int
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n := len(ms); n > 0 && current > ms[n-1].Version {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", current, ms[n-1].Version)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	defer tx.Rollback()
	// The writer's transactions take the write lock at BEGIN: a second process opening the same new file at
	// the same moment waits here, then finds the migration applied by the first.
	var done bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM schema_version WHERE version = ?)", m.Version).Scan(&done); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if done {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: record version: %w", m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.Name, err)
	}
	return nil
}

// SchemaVersion returns the version of the newest migration applied to the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.reader.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("sqlite: schema version: %w", err)
	}
	return v, nil
}

// linkReads lets the link stage that SaveLinked calls read through the save's own transaction, on the
// writer's connection, instead of through the readers. SQLite empties a connection's page cache when it
// starts reading after another connection's commit, so each reader refilled its cache from the file batch
// after batch (a pread, a fresh allocation and a page fault a page; 7.7% of the pipeline's CPU, growing
// with the store), while the writer's cache survives its own commits and holds the pages the last batches
// wrote. The reads see what the readers would: the transaction has written nothing yet and holds the write
// lock, so no commit comes between.
type linkReads struct {
	db *DB
	tx *sql.Tx
	mu sync.Mutex
	// free holds the prepared statements not in use, by query: a batch asks the same few queries, from
	// several goroutines at once (the prefetch, the parts), and one SQLite statement serves one query at a
	// time, so each goroutine takes its own.
	free map[string][]*sql.Stmt
	all  []*sql.Stmt
}

type linkReadsKey struct{}

// withLinkReads returns ctx that makes db's link-stage reads (DB.query) use tx, and a func that closes the
// statements prepared for them, to call once the reads are over.
func (db *DB) withLinkReads(ctx context.Context, tx *sql.Tx) (context.Context, func()) {
	lr := &linkReads{db: db, tx: tx, free: map[string][]*sql.Stmt{}}
	return context.WithValue(ctx, linkReadsKey{}, lr), func() {
		lr.mu.Lock()
		defer lr.mu.Unlock()
		for _, st := range lr.all {
			st.Close()
		}
		lr.all, lr.free = nil, nil
	}
}

// take returns a statement of query that no one uses, prepared in the transaction if none is free.
func (lr *linkReads) take(ctx context.Context, query string) (*sql.Stmt, error) {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	if l := lr.free[query]; len(l) > 0 {
		lr.free[query] = l[:len(l)-1]
		return l[len(l)-1], nil
	}
	st, err := lr.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	lr.all = append(lr.all, st)
	return st, nil
}

// put gives back a statement that take returned.
func (lr *linkReads) put(query string, st *sql.Stmt) {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	if lr.free != nil {
		lr.free[query] = append(lr.free[query], st)
	}
}
