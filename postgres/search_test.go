package postgres

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // the expression with each argument in place of its ?
		bad  bool
	}{
		{"pham binh", "(P(pham) && P(binh))", false},
		{"U.S.-China talks —", "(P(U.S.-China) && P(talks))", false},
		{"pham AND binh", "(P(pham) && P(binh))", false},
		{"pham binh OR hanoi", "((P(pham) && P(binh)) || P(hanoi))", false},
		{"a OR b c", "(P(a) || (P(b) && P(c)))", false},
		{"a NOT b c", "((P(a) && !!P(b)) && P(c))", false},
		{"(a OR b) AND \"state visit\"", "((P(a) || P(b)) && P(state visit))", false},
		{"nang*", "X(nang)", false},
		{`"say ""hello"""`, `P(say "hello")`, false},
		{"", "", true},
		{"pham AND", "", true},
		{"(binh", "", true},
		{"\"unclosed", "", true},
		{"NOT", "", true},
		{"a)", "", true},
		{"title:x", "", true},
		{"NEAR(a b)", "", true},
		{"U.S*", "", true},
		{"\xff", "", true},
	} {
		expr, args, err := tsQuery(tc.in)
		if (err != nil) != tc.bad {
			t.Errorf("tsQuery(%q) error = %v; want bad %v", tc.in, err, tc.bad)
			continue
		}
		if tc.bad {
			if !errors.Is(err, dyad.ErrBadQuery) {
				t.Errorf("tsQuery(%q) error = %v; want ErrBadQuery", tc.in, err)
			}
			continue
		}
		if got := render(expr, args); got != tc.want {
			t.Errorf("tsQuery(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

// render writes an expression of tsQuery with its arguments in place, P(...) for a phrase, X(...) for a prefix.
func render(expr string, args []any) string {
	expr = strings.ReplaceAll(expr, "phraseto_tsquery('dyad_fts', ?)", "P(?)")
	expr = strings.ReplaceAll(expr, "to_tsquery('dyad_fts', ? || ':*')", "X(?)")
	for _, a := range args {
		expr = strings.Replace(expr, "?", a.(string), 1)
	}
	return expr
}

// FuzzTSQuery checks that any query compiles to an expression with one argument per placeholder, or is
// refused with ErrBadQuery; with DATABASE_URL set it also runs each against a store.
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"pham AND binh", "\"a b\"", "(x OR y) NOT z", "nang*", "a:b", "\"", "((", "AND", "đ*"} {
		f.Add(s)
	}
	var db *DB
	if os.Getenv("DATABASE_URL") != "" {
		db = openFresh(f)
		defer db.Close()
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr, args, err := tsQuery(q)
		if err != nil {
			if !errors.Is(err, dyad.ErrBadQuery) {
				t.Errorf("tsQuery(%q) error %v is not ErrBadQuery", q, err)
			}
			return
		}
		if n := strings.Count(expr, "?"); n != len(args) {
			t.Errorf("tsQuery(%q) = %s with %d args", q, expr, len(args))
		}
		if db != nil {
			if _, err := db.Search(context.Background(), q, dyad.Page{}); err != nil {
				t.Errorf("Search(%q): %v", q, err)
			}
		}
	})
}

func TestSearchBadQueries(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	for _, q := range []string{"pham AND", "(", "\"x", "title:x", "x*y*"} {
		if _, err := db.Search(context.Background(), q, dyad.Page{}); !errors.Is(err, dyad.ErrBadQuery) {
			t.Errorf("Search(%q) error = %v; want ErrBadQuery", q, err)
		}
	}
	// Odd but valid queries run.
	for _, q := range []string{"— pham", "a OR (b NOT c)", "nang* đà", "'; DROP TABLE articles; --"} {
		if _, err := db.Search(context.Background(), q, dyad.Page{}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}
