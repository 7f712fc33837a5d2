package sqlite

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		bad      bool
	}{
		{"pham binh", `"pham" AND "binh"`, false},
		{"U.S.-China talks", `"U.S.-China" AND "talks"`, false},
		{"Xi's visit —", `"Xi's" AND "visit"`, false},
		{"Đà Nẵng", `"Dà" AND "Nẵng"`, false},
		{"pham AND binh", "pham AND binh", false},
		{"\"state visit\" OR summit*", "\"state visit\" OR summit*", false},
		{"  ", "", true},
		{"— …", "", true},
	} {
		got, err := ftsQuery(tc.in)
		if (err != nil) != tc.bad {
			t.Errorf("ftsQuery(%q) error = %v; want bad %v", tc.in, err, tc.bad)
			continue
		}
		if tc.bad {
			if !errors.Is(err, dyad.ErrBadQuery) {
				t.Errorf("ftsQuery(%q) error = %v; want ErrBadQuery", tc.in, err)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("ftsQuery(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzSearch runs any query against a small store: it may be refused with ErrBadQuery, never fail otherwise
// or panic.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"pham AND binh", "\"a b\"", "(x OR y) NOT z", "nang*", "a:b", "^x", "NEAR(a b, 2)",
		"\"", "((", "AND", "x\x00y", "\xff", "đ*"} {
		f.Add(s)
	}
	db, err := Open(context.Background(), ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	rec := &dyad.Record{Article: dyad.Article{ID: "fz", URI: "fz", Title: "Hội nghị Đà Nẵng", Lang: "vi",
		Text: "Phạm Thanh Bình và các đại biểu đã gặp nhau tại Đà Nẵng."}}
	if _, err := db.Save(context.Background(), rec); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(context.Background(), q, dyad.Page{}); err != nil && !errors.Is(err, dyad.ErrBadQuery) {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}

// Search ranks every match but reads the article and makes the snippets for the page only: its pages are
// those of the plain query that does both for every match before sorting (same hits, order, ranks and
// snippets), on a broad query that matches nearly every article and on a narrow one.
func TestSearchPagesAsOneQuery(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(400, 3)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"minis* OR pres* OR deleg* OR summ*", `"coast guard" AND patrol`} {
		for _, off := range []int{0, 20, 390} {
			got, err := db.Search(ctx, q, dyad.Page{Limit: 20, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := db.reader.QueryContext(ctx, `SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 24), bm25(articles_fts, 2.0, 1.0)
				FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid
				WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0), a.rid LIMIT 20 OFFSET ?`, q, off)
			if err != nil {
				t.Fatal(err)
			}
			var want []dyad.Hit
			for rows.Next() {
				var h dyad.Hit
				if err := rows.Scan(&h.Article.ID, &h.Snippet, &h.Rank); err != nil {
					t.Fatal(err)
				}
				h.Rank, h.Snippet = -h.Rank, strings.Join(strings.Fields(h.Snippet), " ")
				want = append(want, h)
			}
			rows.Close()
			if len(got) != len(want) {
				t.Fatalf("%q offset %d: %d hits; want %d", q, off, len(got), len(want))
			}
			if off == 0 && len(want) < 20 && q[0] == 'm' {
				t.Fatalf("%q: %d hits; the broad query should fill a page", q, len(want))
			}
			for i := range want {
				if g := got[i]; g.Article.ID != want[i].Article.ID || g.Snippet != want[i].Snippet || g.Rank != want[i].Rank || g.Article.Text == "" {
					t.Errorf("%q offset %d hit %d: %s %.3f %q; want %s %.3f %q", q, off, i, g.Article.ID, g.Rank, g.Snippet,
						want[i].Article.ID, want[i].Rank, want[i].Snippet)
				}
			}
		}
	}
}

// A read whose context ends is interrupted inside SQLite, not left to run on a pooled connection: a query
// that would never finish returns with the context's error, and the connection serves the next read.
func TestReadInterruptedByContext(t *testing.T) {
	db := openTemp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	var n int64
	err := db.reader.QueryRowContext(ctx, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
		SELECT count(*) FROM c`).Scan(&n)
	if !errors.Is(err, context.DeadlineExceeded) && (err == nil || !strings.Contains(err.Error(), "interrupted")) {
		t.Fatalf("endless query: %v (n %d); want it interrupted at its deadline", err, n)
	}
	if _, err := db.Search(context.Background(), "minister", dyad.Page{Limit: 5}); err != nil {
		t.Errorf("search after the interrupted query: %v", err)
	}
}

// TestFoldLettersOneCopy: the folded text is what the replacer gives, made in about the text's size
// of memory (a 30 MB text took 57 MB through Replace).
func TestFoldLettersOneCopy(t *testing.T) {
	for _, s := range []string{"", "Hanoi", "Đà Nẵng, Ørsted, Łódź, Straße, Æsir, Œuvre, Þór, Ħamrun", "đ"} {
		if got, want := foldLetters(s), letterFolds.Replace(s); got != want {
			t.Errorf("foldLetters(%q) = %q, want %q", s, got, want)
		}
	}
	long := strings.Repeat("Tổng Bí thư Đảng gặp Thủ tướng Støre ở Đà Nẵng. ", 20000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	folded := foldLetters(long)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(long))*11/10 {
		t.Errorf("folding a %d-byte text allocated %d bytes, want about its size", len(long), n)
	}
	runtime.KeepAlive(folded)
}
