// Package sqlq builds the SQL that the sqlite and postgres stores share: filters, pages and the events
// query, written once with '?' placeholders and the few differences of the two dialects as data.
package sqlq

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
	"golang.org/x/text/language"
)

// Dialect holds what the two stores write differently.
type Dialect struct {
	True      string // an always-true condition: "1" or "TRUE"
	NullsLast string // appended to a descending date order so undated events come last ("" when implicit)
	MaxRune   string // a suffix above every character, for prefix ranges
	Alias     bool   // whether a subquery in FROM needs a name
	// PlaceID, Lat and Lon read an event's place id and coordinates (indexed); PlaceField (a format with one
	// %s) reads another field of its location: one of the indexed ones (country, admin1). PlaceJSON (a format
	// with one %s) reads any field of the stored location JSON (canonical, name, precision).
	PlaceID, Lat, Lon, PlaceField, PlaceJSON string
	// Cell, when set, reads an event's longitude cell (CellOf of its longitude, indexed first, before the
	// latitude): a box is then a few ranges of latitude, one per cell, not a whole band of latitude.
	Cell string
	// GeoIndex, when set, names the events' table with an index hint for the box and circle filters (SQLite:
	// "events e INDEXED BY events_geo" for a sparse area, "... events_geo_date" for a dense one), whose
	// page is then chosen from that index alone and only its events' rows are read.
	GeoIndex string
	// CrossJoin joins a subquery's rows to their events in the order written ("CROSS JOIN" for SQLite,
	// whose planner then drives the join from the subquery; "JOIN" elsewhere).
	CrossJoin string
	// ArticleMentions selects the event ids of the mentions of the article whose id is the argument:
	// SQLite finds them by the article's rowid (its migration 0013); "" reads event_mentions.article_id.
	ArticleMentions string
	// ArticleStatements is the condition on statements s that they are of the article whose id is the
	// argument: SQLite finds them by the article's rowid (its migration 0013); "" reads s.article_id.
	ArticleStatements string
	// NamesOne is the condition on a mention m that a candidate question with dyad.CandidateQuery.People keeps:
	// undated, stored without a coding or without People, or naming one of the people of its one argument
	// (spelled as the store's stored codings spell them: RecentSQL's people).
	NamesOne string
}

// Limits returns the LIMIT and OFFSET of a page: def when no limit is asked, never more than max.
func Limits(p dyad.Page, def, max int) (int, int) {
	n := p.Limit
	if n <= 0 {
		n = def
	}
	n = min(n, max)
	return n, max0(p.Offset)
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// Where collects the conditions and arguments of a query.
type Where struct {
	Conds []string
	Args  []any
}

// Add adds a condition and its arguments.
func (w *Where) Add(cond string, args ...any) {
	w.Conds = append(w.Conds, cond)
	w.Args = append(w.Args, args...)
}

// String is the WHERE clause, or "" without conditions.
func (w *Where) String() string {
	if len(w.Conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.Conds, " AND ")
}

// PrefixCond is a condition that col starts with p, written as a range so that an index serves it.
func (d Dialect) PrefixCond(col, p string) (string, []any) {
	return "(" + col + " >= ? AND " + col + " < ?)", []any{p, p + d.MaxRune}
}

// CodeCond is a condition that the actor code in col starts with p. For a prefix of three letters or more
// it adds the equality on the country part that the events_*3_date indexes serve.
func (d Dialect) CodeCond(col, p string) (string, []any) {
	c, a := d.PrefixCond(col, p)
	if len(p) < 3 || !isASCII(p[:3]) {
		return c, a
	}
	eq := "substr(" + col + ", 1, 3) = ?"
	if len(p) == 3 {
		return eq, []any{p} // the equality says it all, and lets the planner estimate it
	}
	return "(" + eq + " AND " + c + ")", append([]any{p[:3]}, a...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// DateTo is the upper bound of an inclusive date prefix: "2023-12" admits "2023-12-31".
func DateTo(to string) string { return to + "~" }

// EscapeLike escapes the LIKE wildcards of s for ESCAPE '\'.
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// EventWhere turns the filters of q into conditions on events e.
func (d Dialect) EventWhere(q dyad.EventQuery) *Where {
	w := &Where{}
	code := func(col, p string) {
		c, a := d.CodeCond(col, p)
		w.Add(c, a...)
	}
	if q.Actor != "" {
		sc, sa := d.CodeCond("e.source_code", q.Actor)
		tc, ta := d.CodeCond("e.target_code", q.Actor)
		w.Add("("+sc+" OR "+tc+" OR e.source_actor_id = ? OR e.target_actor_id = ?)",
			append(append(sa, ta...), q.Actor, q.Actor)...)
	}
	if q.Source != "" {
		code("e.source_code", q.Source)
	}
	if q.Target != "" {
		code("e.target_code", q.Target)
	}
	if q.Dyad[0] != "" || q.Dyad[1] != "" {
		c1, a1, c2, a2 := d.DyadConds(q.Dyad)
		w.Add("("+c1+" OR "+c2+")", append(a1, a2...)...)
	}
	if q.Code != "" {
		c, a := d.PrefixCond("e.code", q.Code)
		if len(q.Code) >= 2 {
			c, a = "(e.root = ? AND "+c+")", append([]any{q.Code[:2]}, a...)
		}
		w.Add(c, a...)
	}
	if q.From != "" {
		w.Add("e.date >= ?", q.From)
	}
	if q.To != "" {
		w.Add("e.date <= ?", DateTo(q.To))
	}
	if q.Lang != "" {
		w.Add("EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.lang = ?)", q.Lang)
	}
	if q.Article != "" {
		w.Add("e.id IN ("+cmp.Or(d.ArticleMentions, "SELECT event_id FROM event_mentions WHERE article_id = ?")+")", q.Article)
	}
	d.placeWhere(w, q)
	return w
}

// placeWhere adds the place filters: a place id, a bounding box, a circle (docs/geo.md).
func (d Dialect) placeWhere(w *Where, q dyad.EventQuery) {
	col := func(field string) string { return fmt.Sprintf(d.PlaceField, field) }
	switch p := q.Place; {
	case p == "":
	case strings.Contains(p, "."): // a region (a region's own location has its code as admin1)
		w.Add(col("admin1")+" = ?", p)
	case len(p) == 2 || len(p) == 3 && !isDigits(p): // a country
		if r, err := language.ParseRegion(p); err == nil {
			p = r.ISO3()
		}
		w.Add(col("country")+" = ?", strings.ToUpper(p))
	default:
		w.Add(d.PlaceID+" = ?", p)
	}
	lat, lon := d.Lat, d.Lon
	box := func(b dyad.BBox) {
		if d.Cell != "" {
			cells := Cells(b.West, b.East)
			w.Add(d.Cell+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(cells)), ",")+")", cells...)
		}
		w.Add(lat+" BETWEEN ? AND ?", b.South, b.North)
		if b.West <= b.East {
			w.Add(lon+" BETWEEN ? AND ?", b.West, b.East)
		} else {
			w.Add("("+lon+" >= ? OR "+lon+" <= ?)", b.West, b.East)
		}
	}
	if q.BBox != nil {
		box(*q.BBox)
	}
	if n := q.Near; n != nil {
		// the box around the circle (read from the lat/lon index), then the distance (dyad.Near.Box)
		bb, dlat, cos := n.Box()
		box(bb)
		// the longitude difference, across the antimeridian too
		dx := "(CASE WHEN " + d.Lon + " < ? THEN " + d.Lon + " + 360 WHEN " + d.Lon + " > ? THEN " + d.Lon + " - 360 ELSE " + d.Lon + " END - ?)"
		dxArgs := []any{n.Lon - 180, n.Lon + 180, n.Lon}
		args := append(append(append([]any{n.Lat, n.Lat}, dxArgs...), dxArgs...), cos*cos, dlat*dlat)
		w.Add("("+d.Lat+" - ?) * ("+d.Lat+" - ?) + "+dx+" * "+dx+" * ? <= ?", args...)
	}
}

// CellDegrees is the width of a longitude cell (Dialect.Cell).
const CellDegrees = 5

// CellOf is the longitude cell of lon, as the stores compute it: floor((lon + 180) / CellDegrees), 0 to
// 360 / CellDegrees (180° itself).
func CellOf(lon float64) int { return int(math.Floor((lon + 180) / CellDegrees)) }

// Cells lists the cells that longitudes from west to east lie in (across the antimeridian when west > east).
func Cells(west, east float64) []any {
	last := CellOf(180)
	clamp := func(c int) int { return min(max(c, 0), last) }
	w, e := clamp(CellOf(west)), clamp(CellOf(east))
	var out []any
	if west > east {
		for c := w; c <= last; c++ {
			out = append(out, c)
		}
		w = 0
	}
	for c := w; c <= e; c++ {
		out = append(out, c)
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// DyadConds returns the conditions of the two orders of a dyad: A as source and B as target, then B as
// source and A as target. An empty side matches any actor.
func (d Dialect) DyadConds(dy [2]string) (string, []any, string, []any) {
	side := func(col, p string) (string, []any) {
		if p == "" {
			return d.True, nil
		}
		return d.CodeCond(col, p)
	}
	s1, a1 := side("e.source_code", dy[0])
	t1, b1 := side("e.target_code", dy[1])
	s2, a2 := side("e.source_code", dy[1])
	t2, b2 := side("e.target_code", dy[0])
	return "(" + s1 + " AND " + t1 + ")", append(a1, b1...), "(" + s2 + " AND " + t2 + ")", append(a2, b2...)
}

// EventsSQL is the query of Store.Events over the columns cols of events e, newest first. A dyad of two
// actors is asked as two queries, one per order, each reading at most a page from its index in date order,
// rather than sorting every event of the dyad.
func (d Dialect) EventsSQL(q dyad.EventQuery, cols string, def, max int) (string, []any) {
	n, off := Limits(q.Page, def, max)
	order := " ORDER BY e.date DESC" + d.NullsLast + ", e.rid DESC"
	from := "events e"
	geo := q.BBox != nil || q.Near != nil
	if d.GeoIndex != "" && geo {
		from = d.GeoIndex
	}
	if q.Dyad[0] == "" || q.Dyad[1] == "" {
		w := d.EventWhere(q)
		if geo {
			// The page's rids first, from the index alone where it holds every condition; then their rows.
			inner := "SELECT rid FROM (SELECT e.rid FROM " + from + w.String() + order + " LIMIT ?)"
			if d.Alias {
				inner += " AS g"
			}
			return "SELECT " + cols + " FROM events e WHERE e.rid IN (" + inner + ")" + order + " LIMIT ? OFFSET ?",
				append(w.Args, n+off, n, off)
		}
		return "SELECT " + cols + " FROM " + from + w.String() + order + " LIMIT ? OFFSET ?", append(w.Args, n, off)
	}
	common := q
	common.Dyad = [2]string{}
	c1, a1, c2, a2 := d.DyadConds(q.Dyad)
	w1, w2 := d.EventWhere(common), d.EventWhere(common)
	w1.Add(c1, a1...)
	w2.Add(c2+" AND NOT "+c1, append(append([]any{}, a2...), a1...)...) // an event in both orders (A:A) once
	branch := func(w *Where, name string) string {
		s := "SELECT rid FROM (SELECT e.rid FROM " + from + w.String() + order + " LIMIT ?)"
		if d.Alias {
			s += " AS " + name
		}
		return s
	}
	args := append(append(append(append(w1.Args, n+off), w2.Args...), n+off), n, off)
	return "SELECT " + cols + " FROM events e WHERE e.rid IN (" + branch(w1, "b1") + " UNION ALL " + branch(w2, "b2") + ")" +
		order + " LIMIT ? OFFSET ?", args
}

// StatementsSQL is the query of Store.Statements over the columns cols of statements s, newest first. The
// speaker filter matches the folded name anywhere, the speaker's id, or a prefix of the actor code.
func (d Dialect) StatementsSQL(q dyad.StatementQuery, cols string, def, max int) (string, []any) {
	w := &Where{}
	if q.Speaker != "" {
		c, a := d.PrefixCond("s.speaker_code", q.Speaker)
		w.Add(`(s.speaker_fold LIKE ? ESCAPE '\' OR s.speaker_id = ? OR `+c+")",
			append([]any{"%" + EscapeLike(text.Fold(q.Speaker)) + "%", q.Speaker}, a...)...)
	}
	if q.Claim != "" {
		w.Add("s.claim_id = ?", q.Claim)
	}
	if q.Article != "" {
		w.Add(cmp.Or(d.ArticleStatements, "s.article_id = ?"), q.Article)
	}
	if q.Lang != "" {
		w.Add("s.lang = ?", q.Lang)
	}
	n, off := Limits(q.Page, def, max)
	return "SELECT " + cols + " FROM statements s" + w.String() + " ORDER BY s.date DESC" + d.NullsLast + ", s.rid DESC LIMIT ? OFFSET ?",
		append(w.Args, n, off)
}

// PlacesSQL is the query of Store.Places: the events that match q and have a place id and coordinates,
// grouped by place id, most events first. Its columns are the place id, canonical name (or the name as
// written), country, admin1, precision, lat, lon, count, mean Goldstein and the counts of quad classes 1-4.
// All events of one place id carry the gazetteer's one record of it, so max() reads that record.
func (d Dialect) PlacesSQL(q dyad.EventQuery, def, max int) (string, []any) {
	n, off := Limits(q.Page, def, max)
	w := d.EventWhere(q)
	w.Add(d.PlaceID + " IS NOT NULL")
	w.Add(d.Lat + " IS NOT NULL")
	js := func(f string) string { return fmt.Sprintf(d.PlaceJSON, f) }
	quad := func(k int) string { return fmt.Sprintf("sum(CASE WHEN e.quad_class = %d THEN 1 ELSE 0 END)", k) }
	return "SELECT " + d.PlaceID + " AS k, max(coalesce(" + js("canonical") + ", " + js("name") + ", '')), max(coalesce(" +
			fmt.Sprintf(d.PlaceField, "country") + ", '')), max(coalesce(" + fmt.Sprintf(d.PlaceField, "admin1") + ", '')), max(coalesce(" +
			js("precision") + ", '')), max(" + d.Lat + "), max(" + d.Lon + "), count(*), coalesce(avg(e.goldstein), 0), " +
			quad(1) + ", " + quad(2) + ", " + quad(3) + ", " + quad(4) +
			" FROM events e" + w.String() + " GROUP BY " + d.PlaceID + " ORDER BY count(*) DESC, k LIMIT ? OFFSET ?",
		append(w.Args, n, off)
}

// Migration is one numbered schema change, read from a file named NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations reads the *.sql files of dir in fsys in version order. Every name must start with a
// positive number and '_', and no number may be used twice.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", name)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migration %s: version %d already used by %s", name, v, prev)
		}
		seen[v] = name
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", name, err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// CandidatesSQL is the query of a store's EventCandidates: the events (columns cols, table alias e) of the
// key or keys that keyEq matches ("= ?" for one key, "= ANY(?)" for an array), dated in [q.From, q.To] (a
// month or a year that holds From counts too) and, when q.Undated, the undated ones with a mention published
// in [q.PublishedFrom, q.PublishedTo] or with no publication date, found through the undated mentions'
// index. keys is the argument keyEq takes. Every part is a range of one index.
//
// The text depends only on the query's shape (a From or not, undated or not, a publication window or not):
// it is built once per shape and kept (the link stage asks for every key of every record, and building the
// text each time was 1.5% of what an ingest allocated).
func (d Dialect) CandidatesSQL(cols, keyEq string, keys any, q dyad.CandidateQuery) (string, []any) {
	sh := candidatesShape{cols: cols, keyEq: keyEq, crossJoin: d.CrossJoin, from: q.From != "", undated: q.Undated,
		published: q.PublishedFrom != "" || q.PublishedTo != ""}
	var args []any
	to := "~"
	if q.To != "" {
		to = DateTo(q.To)
	}
	if !sh.from {
		args = append(args, keys, to)
	} else {
		args = append(args, keys, q.From, to, keys, q.From[:min(7, len(q.From))], q.From[:min(4, len(q.From))], q.From, to)
	}
	if sh.undated {
		if !sh.published {
			args = append(args, keys)
		} else {
			pubTo := "~"
			if q.PublishedTo != "" {
				pubTo = DateTo(q.PublishedTo)
			}
			args = append(args, keys, cmp.Or(q.PublishedFrom, "0"), pubTo, keys)
		}
	}
	if s, ok := candidatesTexts.Load(sh); ok {
		return s.(string), args
	}
	s := sh.text()
	candidatesTexts.Store(sh, s)
	return s, args
}

// candidatesShape is what the text of a CandidatesSQL query depends on.
type candidatesShape struct {
	cols, keyEq, crossJoin   string
	from, undated, published bool
}

// candidatesTexts holds the text of CandidatesSQL by candidatesShape.
var candidatesTexts sync.Map

// text builds the query of the shape (its arguments in the order CandidatesSQL appends them).
func (sh candidatesShape) text() string {
	sel := "SELECT " + sh.cols + " FROM events e WHERE e.key " + sh.keyEq + " AND "
	var parts []string
	if !sh.from {
		parts = append(parts, sel+"e.date IS NOT NULL AND e.date <= ?")
	} else {
		// A month or a year that holds From overlaps the window too: they sort before it.
		parts = append(parts, sel+"e.date >= ? AND e.date <= ?", sel+"e.date IN (?, ?) AND e.date < ? AND e.date <= ?")
	}
	if sh.undated {
		if !sh.published {
			parts = append(parts, sel+"e.date IS NULL")
		} else {
			// Driven by the undated mentions' index, then each event by its id.
			parts = append(parts, "SELECT "+sh.cols+` FROM (SELECT m.event_id FROM event_mentions m
				WHERE m.key `+sh.keyEq+` AND m.date = '' AND m.published >= ? AND m.published <= ?
				UNION SELECT m.event_id FROM event_mentions m WHERE m.key `+sh.keyEq+` AND m.date = '' AND m.published = '') u
				`+sh.crossJoin+` events e ON e.id = u.event_id WHERE e.date IS NULL`)
		}
	}
	return strings.Join(parts, " UNION ALL ")
}

// RecentSQL is a store's EventCandidates query of one key under dyad.CandidateQuery.Recent (q.Bounded):
// the dated events of the key up to q.To, latest first along the (key, date) index (the last stored first
// among those of one date), that hold a mention d.NamesOne keeps, until q.Recent are found; with q.Undated,
// then the undated ones of the key stored last that hold one. people is NamesOne's argument as the store
// spells it. cols are columns of events e.
func (d Dialect) RecentSQL(cols, key string, people any, q dyad.CandidateQuery) (string, []any) {
	to := "~"
	if q.To != "" {
		to = DateTo(q.To)
	}
	holds := " AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND " + d.NamesOne + ")"
	s := "SELECT * FROM (SELECT " + cols + " FROM events e WHERE e.key = ? AND e.date IS NOT NULL AND e.date <= ?" +
		holds + " ORDER BY e.date DESC, e.rid DESC LIMIT ?) d"
	args := []any{key, to, people, q.Recent}
	if q.Undated {
		s += " UNION ALL SELECT * FROM (SELECT " + cols + " FROM events e WHERE e.key = ? AND e.date IS NULL" +
			holds + " ORDER BY e.rid DESC LIMIT ?) u"
		args = append(args, key, people, q.Recent)
	}
	return s, args
}
