// Package postgres is dyad's server store: a dyad.Store on PostgreSQL (15 or later) through pgx, for
// several ingest workers writing at once.
//
// The schema is built by numbered migrations embedded from migrations/*.sql, recorded in a schema_version
// table and applied under an advisory lock, so workers starting together migrate once. Saves are safe
// across processes: articles are inserted with ON CONFLICT DO NOTHING, and a transaction takes a
// transaction-level advisory lock on every event and claim it touches (in one global order) before it adds
// mentions and recounts them. Full text uses a text search configuration that folds diacritics with the
// unaccent extension.
//
// The tables live in the first schema of the connection's search_path: a URL such as
// postgres://host/db?search_path=dyad,public keeps them in schema dyad (which must exist).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlq"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is a dyad.Store on a PostgreSQL database. It is safe for concurrent use, also by several processes.
type DB struct {
	pool *pgxpool.Pool
}

var _ dyad.Store = (*DB)(nil)

// migrationLock is the advisory lock key held while migrating ("dyad" in ASCII).
const migrationLock = 0x64796164

// Open connects to the database at url (postgres://user@host:port/db?sslmode=disable) and brings its schema
// up to date.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse url: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return db, nil
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// loadMigrations reads numbered schema changes (internal/sqlq reads them for both stores).
var loadMigrations = sqlq.LoadMigrations

// migrate applies the migrations newer than the schema's version, each in its own transaction, holding a
// session advisory lock so that processes starting together do not race.
func (db *DB) migrate(ctx context.Context) (err error) {
	ms, err := loadMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLock); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer func() {
		if _, uerr := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLock); uerr != nil && err == nil {
			err = fmt.Errorf("migrate: unlock: %w", uerr)
		}
	}()
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var current int
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n := len(ms); n > 0 && current > ms[n-1].Version {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", current, ms[n-1].Version)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_version (version, name) VALUES ($1, $2)", m.Version, m.Name)
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		for _, line := range strings.Split(m.SQL, "\n") {
			if stmt, ok := strings.CutPrefix(line, thenPrefix); ok {
				if _, err := conn.Exec(ctx, stmt); err != nil {
					return fmt.Errorf("migration %s: %s: %w", m.Name, stmt, err)
				}
			}
		}
	}
	return nil
}

// thenPrefix starts a migration's line that holds a statement to run after the migration commits, outside a
// transaction: VACUUM, which cannot run inside one.
const thenPrefix = "-- then: "

// SchemaVersion returns the version of the newest migration applied to the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
	}
	return v, nil
}

// isNoRows reports whether err says a query returned no row.
func isNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
