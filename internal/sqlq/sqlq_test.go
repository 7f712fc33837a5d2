package sqlq

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestLimits(t *testing.T) {
	for _, tt := range []struct {
		p          dyad.Page
		n, off     int
		def, limit int
	}{
		{dyad.Page{}, 100, 0, 100, 1000},
		{dyad.Page{Limit: 5000, Offset: -3}, 1000, 0, 100, 1000},
		{dyad.Page{Limit: 7, Offset: 14}, 7, 14, 100, 1000},
	} {
		if n, off := Limits(tt.p, tt.def, tt.limit); n != tt.n || off != tt.off {
			t.Errorf("Limits(%+v) = %d, %d; want %d, %d", tt.p, n, off, tt.n, tt.off)
		}
	}
}

// The events query has one placeholder per argument, in both dialects, and reads a dyad as two indexed
// branches, named where the dialect needs it.
func TestEventsSQL(t *testing.T) {
	lite := Dialect{True: "1", MaxRune: "\xff"}
	pg := Dialect{True: "TRUE", NullsLast: " NULLS LAST", MaxRune: "\U0010FFFF", Alias: true}
	for _, q := range []dyad.EventQuery{
		{},
		{Actor: "VNMGOV", Code: "04", From: "2024", To: "2024-06", Lang: "fr"},
		{Dyad: [2]string{"VNM", "CHN"}, Code: "042", Page: dyad.Page{Limit: 10, Offset: 20}},
		{Dyad: [2]string{"VNM", ""}, Source: "VN", Article: "a1"},
	} {
		for name, d := range map[string]Dialect{"sqlite": lite, "postgres": pg} {
			sql, args := d.EventsSQL(q, "e.id", 100, 1000)
			if n := strings.Count(sql, "?"); n != len(args) {
				t.Errorf("%s %+v: %d placeholders, %d arguments: %s", name, q, n, len(args), sql)
			}
			two := q.Dyad[0] != "" && q.Dyad[1] != ""
			if got := strings.Contains(sql, "UNION ALL"); got != two {
				t.Errorf("%s %+v: UNION ALL %v, want %v", name, q, got, two)
			}
			if two && d.Alias != strings.Contains(sql, ") AS b1") {
				t.Errorf("%s: subquery names %v, want %v: %s", name, !d.Alias, d.Alias, sql)
			}
			if d.NullsLast != "" && !strings.Contains(sql, "NULLS LAST") {
				t.Errorf("%s: no NULLS LAST: %s", name, sql)
			}
		}
	}
	// A box asks for the page's rids first, from the geo index, then reads their rows.
	geo := Dialect{True: "1", MaxRune: "\xff", Lat: "e.lat", Lon: "e.lon", Cell: "e.geo_cell", GeoIndex: "events e INDEXED BY events_geo"}
	sql, args := geo.EventsSQL(dyad.EventQuery{BBox: &dyad.BBox{West: 170, South: -5, East: -172, North: 5}, Code: "04"}, "e.id", 100, 1000)
	if n := strings.Count(sql, "?"); n != len(args) || !strings.Contains(sql, "WHERE e.rid IN (SELECT rid FROM (SELECT e.rid FROM events e INDEXED BY events_geo WHERE") ||
		!strings.Contains(sql, "e.geo_cell IN (?,?,?,?,?)") {
		t.Errorf("box across the antimeridian: %d placeholders, %d arguments: %s", n, len(args), sql)
	}
	if c, a := lite.CodeCond("e.source_code", "VNMGOV"); !strings.HasPrefix(c, "(substr(") || a[0] != "VNM" {
		t.Errorf("CodeCond(VNMGOV) = %s %v; want the country equality first", c, a)
	}
}

// Cells lists every cell a longitude of the range can lie in, as the stores compute it.
func TestCells(t *testing.T) {
	for _, tt := range []struct {
		west, east float64
		want       []any
	}{
		{100, 104.99, []any{56}},
		{100, 105, []any{56, 57}},
		{-180, -175.5, []any{0}},
		{179, 180, []any{71, 72}},
		{175, -175, []any{71, 72, 0, 1}},
		{-200, 200, nil}, // clamped: all 73
	} {
		got := Cells(tt.west, tt.east)
		if tt.want == nil {
			if len(got) != 73 || got[0] != 0 || got[72] != 72 {
				t.Errorf("Cells(%g, %g) = %v; want 0..72", tt.west, tt.east, got)
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Cells(%g, %g) = %v; want %v", tt.west, tt.east, got, tt.want)
		}
	}
	for lon := -180.0; lon <= 180; lon += 0.37 {
		c := CellOf(lon)
		if !slices.Contains(Cells(lon-0.01, lon+0.01), any(c)) || !slices.Contains(Cells(lon, lon), any(c)) {
			t.Errorf("CellOf(%g) = %d, not among Cells around it", lon, c)
		}
	}
}

// candidatesSQLBuilt is CandidatesSQL as it was before its texts were kept: built anew at every call.
func candidatesSQLBuilt(d Dialect, cols, keyEq string, keys any, q dyad.CandidateQuery) (string, []any) {
	sel := "SELECT " + cols + " FROM events e WHERE e.key " + keyEq + " AND "
	var parts []string
	var args []any
	to := "~"
	if q.To != "" {
		to = DateTo(q.To)
	}
	if q.From == "" {
		parts = append(parts, sel+"e.date IS NOT NULL AND e.date <= ?")
		args = append(args, keys, to)
	} else {
		parts = append(parts, sel+"e.date >= ? AND e.date <= ?", sel+"e.date IN (?, ?) AND e.date < ? AND e.date <= ?")
		args = append(args, keys, q.From, to, keys, q.From[:min(7, len(q.From))], q.From[:min(4, len(q.From))], q.From, to)
	}
	if q.Undated {
		if q.PublishedFrom == "" && q.PublishedTo == "" {
			parts = append(parts, sel+"e.date IS NULL")
			args = append(args, keys)
		} else {
			pubTo := "~"
			if q.PublishedTo != "" {
				pubTo = DateTo(q.PublishedTo)
			}
			parts = append(parts, "SELECT "+cols+` FROM (SELECT m.event_id FROM event_mentions m
				WHERE m.key `+keyEq+` AND m.date = '' AND m.published >= ? AND m.published <= ?
				UNION SELECT m.event_id FROM event_mentions m WHERE m.key `+keyEq+` AND m.date = '' AND m.published = '') u
				`+d.CrossJoin+` events e ON e.id = u.event_id WHERE e.date IS NULL`)
			args = append(args, keys, cmp.Or(q.PublishedFrom, "0"), pubTo, keys)
		}
	}
	return strings.Join(parts, " UNION ALL "), args
}

// TestCandidatesSQLKept checks that the kept texts of CandidatesSQL, asked twice and for two dialects and
// column lists, are the texts and arguments built anew for every shape of query.
func TestCandidatesSQLKept(t *testing.T) {
	dialects := []Dialect{{CrossJoin: "CROSS JOIN"}, {CrossJoin: "JOIN"}}
	var queries []dyad.CandidateQuery
	for _, from := range []string{"", "2021-03-04", "2021-03", "2021"} {
		for _, to := range []string{"", "2021-03-09", "2022"} {
			for _, undated := range []bool{false, true} {
				for _, pub := range [][2]string{{"", ""}, {"2021-01-01", ""}, {"", "2021-05-01"}, {"2020-12-30", "2021-01-02"}} {
					queries = append(queries, dyad.CandidateQuery{From: from, To: to, Undated: undated, PublishedFrom: pub[0], PublishedTo: pub[1]})
				}
			}
		}
	}
	for round := 0; round < 2; round++ {
		for _, d := range dialects {
			for _, c := range []struct{ cols, keyEq string }{{"e.id, e.key", "= ?"}, {"e.id", "= ANY(?)"}} {
				for _, q := range queries {
					got, gotArgs := d.CandidatesSQL(c.cols, c.keyEq, "04|CHN|VNM", q)
					want, wantArgs := candidatesSQLBuilt(d, c.cols, c.keyEq, "04|CHN|VNM", q)
					if got != want || fmt.Sprint(gotArgs) != fmt.Sprint(wantArgs) {
						t.Fatalf("round %d, %+v, %+v:\n got %s %v\nwant %s %v", round, d, q, got, gotArgs, want, wantArgs)
					}
				}
			}
		}
	}
}

// TestStatementsSQL checks the statements' query of both dialects: one argument for each placeholder, the
// article found as the dialect says, undated statements last where the order does not put them there.
func TestStatementsSQL(t *testing.T) {
	q := dyad.StatementQuery{Speaker: "Phạm_50%", Claim: "c1", Article: "a1", Lang: "vi", Page: dyad.Page{Limit: 20, Offset: 40}}
	for _, c := range []struct {
		d       Dialect
		article string
		order   string
	}{
		{Dialect{MaxRune: "\xff", ArticleStatements: "s.article_rid = (SELECT rid FROM articles WHERE id = ?)"},
			"s.article_rid = (SELECT rid FROM articles WHERE id = ?)", "ORDER BY s.date DESC, s.rid DESC"},
		{Dialect{MaxRune: "\U0010FFFF", NullsLast: " NULLS LAST"}, "s.article_id = ?", "ORDER BY s.date DESC NULLS LAST, s.rid DESC"},
	} {
		sql, args := c.d.StatementsSQL(q, "s.id", 50, 100)
		if n := strings.Count(sql, "?"); n != len(args) {
			t.Errorf("%s: %d placeholders, %d arguments", sql, n, len(args))
		}
		if !strings.Contains(sql, c.article) || !strings.Contains(sql, c.order) {
			t.Errorf("%s: want %q and %q", sql, c.article, c.order)
		}
		want := []any{`%pham\_50\%%`, "Phạm_50%", "Phạm_50%", "Phạm_50%" + c.d.MaxRune, "c1", "a1", "vi", 20, 40}
		if !reflect.DeepEqual(args, want) {
			t.Errorf("%s: arguments %q, want %q", sql, args, want)
		}
	}
}

// TestRecentSQL checks the bounded candidates' query of both dialects: one argument for each placeholder (the
// dialect's NamesOne takes the people), the dated events latest first, the undated ones only when asked.
// What it returns is storetest's EventCandidatesRecent, on both stores.
func TestRecentSQL(t *testing.T) {
	for _, d := range []Dialect{{NamesOne: "instr(m.coding, ?) > 0"}, {NamesOne: "strpos(m.coding::text, ?) > 0"}} {
		for _, undated := range []bool{false, true} {
			for _, to := range []string{"", "2021-03"} {
				q := dyad.CandidateQuery{Keys: []string{"04|CHN|VNM"}, To: to, Undated: undated, People: []string{"p"}, Recent: 32}
				s, args := d.RecentSQL("e.id", "04|CHN|VNM", "[\"p\"]", q)
				if n := strings.Count(s, "?"); n != len(args) {
					t.Errorf("%s: %d placeholders, %d arguments %v", s, n, len(args), args)
				}
				wantTo := "~"
				if to != "" {
					wantTo = DateTo(to)
				}
				want := []any{"04|CHN|VNM", wantTo, "[\"p\"]", 32}
				if undated {
					want = append(want, "04|CHN|VNM", "[\"p\"]", 32)
				}
				if !reflect.DeepEqual(args, want) {
					t.Errorf("undated %v, to %q: arguments %v; want %v", undated, to, args, want)
				}
				if got := strings.Contains(s, "e.date IS NULL"); got != undated {
					t.Errorf("undated %v: the undated events asked: %v\n%s", undated, got, s)
				}
				if !strings.Contains(s, "ORDER BY e.date DESC, e.rid DESC LIMIT ?") || strings.Count(s, d.NamesOne) != len(want)/3 {
					t.Errorf("not the latest that name one of the people first:\n%s", s)
				}
			}
		}
	}
}
