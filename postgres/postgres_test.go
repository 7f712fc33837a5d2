package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
	"github.com/jackc/pgx/v5"
)

// testURL returns DATABASE_URL, skipping the test when it is unset (failing under CI=true).
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DATABASE_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DATABASE_URL is not set under CI=true: the PostgreSQL tests need a server")
		}
		t.Skip("DATABASE_URL not set; skipping PostgreSQL tests")
	}
	return u
}

// openFresh opens a store in a new schema of the DATABASE_URL database, dropped when the test ends, so
// runs never collide.
func openFresh(t testing.TB) *DB {
	t.Helper()
	ctx := context.Background()
	base := testURL(t)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dyad_test_" + hex.EncodeToString(b)
	for _, q := range []string{
		// Extensions are per database: keep them in public, where every test schema finds them.
		"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
		"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
		"CREATE SCHEMA " + schema,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect for cleanup: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	db, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) dyad.Store { return openFresh(t) })
}

func TestMigrateTwice(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	if err := db.migrate(context.Background()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	v, err := db.SchemaVersion(context.Background())
	if err != nil || v != 1 {
		t.Errorf("SchemaVersion = %d, %v; want 1", v, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"not a url ::", "postgres://127.0.0.1:1/none?connect_timeout=2&sslmode=disable"} {
		if db, err := Open(ctx, u); err == nil {
			db.Close()
			t.Errorf("Open(%q): no error", u)
		}
	}
}

func TestSaveRefusesBadText(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	for _, text := range []string{"a\x00b", "bad \xff utf-8"} {
		rec := &dyad.Record{Article: dyad.Article{ID: "bad", URI: "bad.txt", Title: "t", Lang: "en", Text: text}}
		if _, err := db.Save(context.Background(), rec); err == nil {
			t.Errorf("Save(%q): no error", text)
		}
	}
	if st, err := db.Stats(context.Background()); err != nil || st.Articles != 0 {
		t.Errorf("Stats = %+v, %v; want nothing stored", st, err)
	}
}
