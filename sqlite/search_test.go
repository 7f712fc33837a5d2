package sqlite

import (
	"context"
	"errors"
	"testing"

	"github.com/dyad-events/dyad"
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
