package sqlq

import (
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
	if c, a := lite.CodeCond("e.source_code", "VNMGOV"); !strings.HasPrefix(c, "(substr(") || a[0] != "VNM" {
		t.Errorf("CodeCond(VNMGOV) = %s %v; want the country equality first", c, a)
	}
}
