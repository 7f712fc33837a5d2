package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dyad-events/dyad/internal/sqlq"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// Page limits: a zero Limit means DefaultLimit, and no list is longer than MaxLimit.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys[T any](s []T) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// dialect is how this store writes the SQL that internal/sqlq builds for both stores.
var dialect = sqlq.Dialect{True: "1", CrossJoin: "CROSS JOIN", MaxRune: "\xff", PlaceID: "e.place_id", Lat: "e.lat", Lon: "e.lon", Cell: "e.geo_cell",
	PlaceField: "e.place_%s", PlaceJSON: "json_extract(e.place, '$.%s')",
	ArticleMentions:   "SELECT event_id FROM event_mentions WHERE article_rid = (SELECT rid FROM articles WHERE id = ?)",
	ArticleStatements: "s.article_rid = (SELECT rid FROM articles WHERE id = ?)",
	NamesOne:          namesOne("m")}

type where = sqlq.Where

// limits returns the LIMIT and OFFSET of a page.
func limits(p dyad.Page, def int) (int, int) { return sqlq.Limits(p, def, MaxLimit) }

// denseProbe is how many events in a box make it dense: past it, the newest page of the box's events is
// found sooner by reading all events newest first than by sorting the box's (about sqrt(50 * events)).
var denseProbe = 5000

// denseArea reports whether the box or circle of q holds at least denseProbe events, counted on the box
// index alone.
func (db *DB) denseArea(ctx context.Context, q dyad.EventQuery) (bool, error) {
	w := dialect.EventWhere(dyad.EventQuery{BBox: q.BBox, Near: q.Near})
	var n int
	err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY events_geo"+w.String()+" LIMIT ?)",
		append(w.Args, denseProbe)...).Scan(&n)
	return n >= denseProbe, err
}

// eventsSQL is the query of Events.
func eventsSQL(q dyad.EventQuery) (string, []any) {
	return dialect.EventsSQL(q, eventCols, DefaultLimit, MaxLimit)
}

type scanner interface{ Scan(dest ...any) error }

const articleCols = `a.id, a.uri, a.url, a.source, a.title, a.lang, a.lang_confidence, a.published,
	a.published_from, a.dateline, a.text, a.near_duplicate_of, a.paragraphs, a.ingested`

func scanArticle(r scanner, extra ...any) (dyad.Article, error) {
	var a dyad.Article
	var url, source, published, dateline, dup sql.NullString
	var paras, ingested string
	dest := append([]any{&a.ID, &a.URI, &url, &source, &a.Title, &a.Lang, &a.LangConfidence, &published,
		&a.PublishedFrom, &dateline, &a.Text, &dup, &paras, &ingested}, extra...)
	if err := r.Scan(dest...); err != nil {
		return a, err
	}
	a.URL, a.Source, a.Published = dyad.NullString(url.String), dyad.NullString(source.String), dyad.NullString(published.String)
	a.Dateline, a.NearDuplicateOf = dyad.NullString(dateline.String), dyad.NullString(dup.String)
	if err := json.Unmarshal([]byte(paras), &a.Paragraphs); err != nil {
		return a, fmt.Errorf("article %s paragraphs: %w", a.ID, err)
	}
	if len(a.Paragraphs) == 0 {
		a.Paragraphs = nil
	}
	t, err := time.Parse(time.RFC3339Nano, ingested)
	if err != nil {
		return a, fmt.Errorf("article %s ingested: %w", a.ID, err)
	}
	a.Ingested = t
	return a, nil
}

// HasArticle reports whether an article id is stored.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := db.queryRow(ctx, "SELECT 1 FROM articles WHERE id = ?", []any{id}, &one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sqlite: has article %s: %w", id, err)
	}
	return true, nil
}

// Record returns a stored article with its actor mentions, its events (with all their mentions, from every
// article), its statements and its signature.
// Article returns one stored article alone, without what was found in it (the link stage's cheap lookup).
func (db *DB) Article(ctx context.Context, id string) (*dyad.Article, error) {
	row := db.readerOf(ctx).QueryRowContext(ctx, "SELECT "+articleCols+" FROM articles a WHERE a.id = ?", id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, dyad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return &a, nil
}

func (db *DB) Record(ctx context.Context, id string) (*dyad.Record, error) {
	row := db.readerOf(ctx).QueryRowContext(ctx, "SELECT "+articleCols+" FROM articles a WHERE a.id = ?", id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, dyad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	rec := &dyad.Record{Article: a, Mentions: []dyad.ActorMention{}, Statements: []dyad.Statement{}}
	if err := db.loadRecord(ctx, rec); err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return rec, nil
}

func (db *DB) loadRecord(ctx context.Context, rec *dyad.Record) error {
	id := rec.Article.ID
	var mentions []byte
	err := db.readerOf(ctx).QueryRowContext(ctx, "SELECT mentions FROM actor_mentions WHERE rid = (SELECT rid FROM articles WHERE id = ?)", id).Scan(&mentions)
	switch {
	case errors.Is(err, sql.ErrNoRows): // an article that names no actor
	case err != nil:
		return fmt.Errorf("actor mentions: %w", err)
	default:
		ms, err := decodeMentions(mentions, rec.Article.Text, func(rids []int64) (map[int64]dyad.ActorRef, error) {
			return db.actorRefs(ctx, rids)
		})
		if err != nil {
			return fmt.Errorf("actor mentions: %w", err)
		}
		rec.Mentions = append(rec.Mentions, ms...)
	}
	rec.Events, err = db.queryEvents(ctx, `SELECT `+eventCols+` FROM events e JOIN
		(SELECT event_id, min(span_start) AS first FROM event_mentions
			WHERE article_rid = (SELECT rid FROM articles WHERE id = ?) GROUP BY event_id) m
		ON m.event_id = e.id ORDER BY m.first, e.rid`, id)
	if err != nil {
		return err
	}
	rec.Statements, err = db.queryStatements(ctx, "SELECT "+statementCols+" FROM statements s WHERE s.article_rid = (SELECT rid FROM articles WHERE id = ?) ORDER BY s.span_start, s.rid", id)
	if err != nil {
		return err
	}
	var mh, bands []byte
	err = db.readerOf(ctx).QueryRowContext(ctx, "SELECT minhash, bands FROM signatures WHERE rid = (SELECT rid FROM articles WHERE id = ?)", id).Scan(&mh, &bands)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("signature: %w", err)
	default:
		rec.Signature = decodeSignature(id, mh, bands)
	}
	return nil
}

// actorRefs reads the actors of actor_refs rows by rowid.
func (db *DB) actorRefs(ctx context.Context, rids []int64) (map[int64]dyad.ActorRef, error) {
	out := make(map[int64]dyad.ActorRef, len(rids))
	ids := slices.Compact(slices.Sorted(slices.Values(rids)))
	for part := range chunks(ids) {
		rows, err := db.readerOf(ctx).QueryContext(ctx, "SELECT rid, ref FROM actor_refs WHERE rid IN ("+placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		for rows.Next() {
			var rid int64
			var ref []byte
			if err := rows.Scan(&rid, &ref); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actors: %w", err)
			}
			var row []json.RawMessage
			if err := json.Unmarshal(ref, &row); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actor %d: %w", rid, err)
			}
			if out[rid], err = decodeActorRef(row); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actor %d: %w", rid, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	return out, nil
}

func decodeSignature(id string, mh, bands []byte) *dyad.Signature {
	sig := &dyad.Signature{ArticleID: id, MinHash: make([]uint32, len(mh)/4), Bands: make([]uint64, len(bands)/8)}
	for i := range sig.MinHash {
		sig.MinHash[i] = binary.LittleEndian.Uint32(mh[4*i:])
	}
	for i := range sig.Bands {
		sig.Bands[i] = binary.LittleEndian.Uint64(bands[8*i:])
	}
	return sig
}

// Articles lists stored articles, the most recently published first.
func (db *DB) Articles(ctx context.Context, q dyad.ArticleQuery) ([]dyad.Article, error) {
	var w where
	if q.Lang != "" {
		w.Add("a.lang = ?", q.Lang)
	}
	if q.Source != "" {
		w.Add(`a.source_fold LIKE ? ESCAPE '\'`, "%"+sqlq.EscapeLike(text.Fold(q.Source))+"%")
	}
	if q.From != "" {
		w.Add("a.published >= ?", q.From)
	}
	if q.To != "" {
		w.Add("a.published <= ?", sqlq.DateTo(q.To))
	}
	n, off := limits(q.Page, DefaultLimit)
	rows, err := db.reader.QueryContext(ctx, "SELECT "+articleCols+" FROM articles a"+w.String()+
		" ORDER BY a.published DESC, a.rid DESC LIMIT ? OFFSET ?", append(w.Args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	out := []dyad.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	return out, nil
}

const eventCols = `e.id, e.key, e.date, e.date_precision, e.date_inferred,
	e.source_code, e.source_name, e.source_actor_id, e.source_country, e.source_sector,
	e.target_code, e.target_name, e.target_actor_id, e.target_country, e.target_sector,
	e.code, e.root, e.quad_class, e.goldstein, e.plover, e.location, e.coder_version,
	e.num_mentions, e.num_articles, e.num_sources, e.languages, e.place`

func scanEvent(r scanner) (dyad.Event, error) {
	var e dyad.Event
	var date, loc, place sql.NullString
	var langs string
	s, t := &e.Source, &e.Target
	if err := r.Scan(&e.ID, &e.Key, &date, &e.DatePrecision, &e.DateInferred,
		&s.Code, &s.Name, &s.ActorID, &s.Country, &s.Sector,
		&t.Code, &t.Name, &t.ActorID, &t.Country, &t.Sector,
		&e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &loc, &e.CoderVersion,
		&e.NumMentions, &e.NumArticles, &e.NumSources, &langs, &place); err != nil {
		return e, err
	}
	e.Date = dyad.NullString(date.String)
	var err error
	if e.Location, err = dyad.DecodeLocation(loc.String, place.String); err != nil {
		return e, fmt.Errorf("event %s: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(langs), &e.Languages); err != nil {
		return e, fmt.Errorf("event %s languages: %w", e.ID, err)
	}
	if e.Languages == nil {
		e.Languages = []string{}
	}
	return e, nil
}

// queryEvents runs a query of eventCols and loads each event's mentions.
func (db *DB) queryEvents(ctx context.Context, query string, args ...any) ([]dyad.Event, error) {
	return db.queryEventsBy(ctx, mentionsOf{}, query, args...)
}

// mentionsOf is which mentions of the events queryEventsBy loads: with byCoding, of the dated mentions of
// one coding and date only the first (dyad.CandidateQuery.ByCoding); with people (a JSON array of the ids
// as the stored codings spell them), of the dated mentions whose coding keeps People only those that name
// one of them (dyad.CandidateQuery.People).
type mentionsOf struct {
	byCoding bool
	people   string
}

// namesOne is the condition on a mention (of table alias t, "" for none) that mentionsOf.people keeps:
// undated, stored without a coding or without People, or naming one of the ids of the JSON array its one
// argument holds.
func namesOne(t string) string {
	if t != "" {
		t += "."
	}
	return `(` + t + `date = '' OR ` + t + `coding IS NULL OR instr(` + t + `coding, ',"people":{') = 0 OR
		EXISTS (SELECT 1 FROM json_each(?) j WHERE instr(` + t + `coding, j.value) > 0))`
}

// peopleArg is dyad.CandidateQuery.People as mentionsOf holds it; "" for none.
func peopleArg(ids []string) (string, error) {
	if len(ids) == 0 {
		return "", nil
	}
	spelled := make([]string, len(ids))
	for i, id := range ids {
		b, err := json.Marshal(id) // as encodeCoding wrote it
		if err != nil {
			return "", err
		}
		spelled[i] = string(b)
	}
	b, err := json.Marshal(spelled)
	return string(b), err
}

// queryEventsBy is queryEvents loading the mentions that of says.
func (db *DB) queryEventsBy(ctx context.Context, of mentionsOf, query string, args ...any) ([]dyad.Event, error) {
	rows, done, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer done()
	out := []dyad.Event{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("events: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if err := db.loadMentions(ctx, out, of); err != nil {
		return nil, err
	}
	return out, nil
}

// loadMentions fills the Mentions of events, oldest first, in chunks of ids, those that of says.
func (db *DB) loadMentions(ctx context.Context, events []dyad.Event, of mentionsOf) error {
	idx := make(map[string]int, len(events))
	ids := make([]string, len(events))
	for i := range events {
		idx[events[i].ID] = i
		ids[i] = events[i].ID
		events[i].Mentions = []dyad.EventMention{}
	}
	for part := range chunks(ids) {
		cond, args := "", anys(part)
		if of.people != "" {
			// The dated mentions whose coding keeps People that name none of them are left out, in SQL: a
			// much-told event's rows are never scanned into Go.
			cond = " AND " + namesOne("")
			args = append(args, of.people)
		}
		rows, done, err := db.query(ctx, `SELECT event_id, article_id, lang, source, sentence, span_start,
			span_end, confidence, date, date_inferred, pattern, published, coding FROM event_mentions
			WHERE event_id IN (`+placeholders(len(part))+`)`+cond+` ORDER BY rowid`, args...)
		if err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
		if of.byCoding {
			err = scanMentionsByCoding(rows, events, idx)
		} else {
			err = scanMentions(rows, events, idx)
		}
		rows.Close()
		done()
		if err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
	}
	return nil
}

// scanMentions adds the mentions that rows hold to their events (idx: an event's index by id).
func scanMentions(rows *sql.Rows, events []dyad.Event, idx map[string]int) error {
	for rows.Next() {
		var id string
		var m dyad.EventMention
		var coding []byte // NULL: nil
		if err := rows.Scan(&id, &m.ArticleID, &m.Lang, &m.Source, &m.Sentence, &m.Start, &m.End,
			&m.Confidence, &m.Date, &m.DateInferred, &m.Pattern, &m.Published, &coding); err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
		if coding != nil {
			c, err := decodeCoding(coding)
			if err != nil {
				return fmt.Errorf("event %s mention at %d: coding: %w", id, m.Start, err)
			}
			m.Coding = c
		}
		e := &events[idx[id]]
		e.Mentions = append(e.Mentions, m)
	}
	return nil
}

// mentionClass is what tells a dated mention apart for dyad.CandidateQuery.ByCoding: its event (an index),
// its date and its coding as stored without its People (the JSON up to them: they come last).
type mentionClass struct {
	ev           int
	date, coding string
	coded        bool
}

// scanMentionsByCoding is scanMentions keeping, of the dated mentions (by their own date or their event's)
// of one class, the one that comes first by article id, then offset; only that one's coding is decoded.
// The stored codings of the mentions of a much-told event differ by their People alone (whom each article
// names), and a dated mention is matched without them.
func scanMentionsByCoding(rows *sql.Rows, events []dyad.Event, idx map[string]int) error {
	kept := map[mentionClass]int{} // the index in its event's Mentions of the mention kept for a class
	for rows.Next() {
		var id string
		var m dyad.EventMention
		var coding sql.NullString // the driver's own string: no copy
		if err := rows.Scan(&id, &m.ArticleID, &m.Lang, &m.Source, &m.Sentence, &m.Start, &m.End,
			&m.Confidence, &m.Date, &m.DateInferred, &m.Pattern, &m.Published, &coding); err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
		i := idx[id]
		e := &events[i]
		at := -1
		if e.NumMentions > 1 && (m.Date != "" || e.Date != "") { // one mention stands for itself
			k := mentionClass{ev: i, date: m.Date, coding: codingClass(coding), coded: coding.Valid}
			j, ok := kept[k]
			if ok {
				if o := &e.Mentions[j]; !firstMention(m.ArticleID, m.Start, o.ArticleID, o.Start) {
					continue
				}
				at = j
			} else {
				kept[k] = len(e.Mentions)
			}
		}
		if coding.Valid {
			c, err := decodeCoding([]byte(coding.String))
			if err != nil {
				return fmt.Errorf("event %s mention at %d: coding: %w", id, m.Start, err)
			}
			m.Coding = c
		}
		if at >= 0 {
			e.Mentions[at] = m
		} else {
			e.Mentions = append(e.Mentions, m)
		}
	}
	return nil
}

// codingClass is a stored coding without its People, which json.Marshal writes last.
func codingClass(coding sql.NullString) string {
	c := coding.String
	if i := strings.LastIndex(c, `,"people":{`); i > 0 && strings.HasSuffix(c, "}}") {
		c = c[:i]
	}
	return c
}

// firstMention reports whether the mention of article a at offset s comes before that of article b at t,
// as the link stage orders mention keys ("%s:%012d").
func firstMention(a string, s int, b string, t int) bool {
	switch {
	case a == b:
		return s < t // (the keys' order, offsets being of twelve digits or fewer)
	case len(a) == len(b):
		return a < b
	}
	return fmt.Sprintf("%s:%012d", a, s) < fmt.Sprintf("%s:%012d", b, t)
}

// Event returns one event with all its mentions.
func (db *DB) Event(ctx context.Context, id string) (*dyad.Event, error) {
	evs, err := db.queryEvents(ctx, "SELECT "+eventCols+" FROM events e WHERE e.id = ?", id)
	if err == nil && len(evs) == 0 {
		// An id the event had before a mention with a smaller content id renamed it (event_aliases).
		evs, err = db.queryEvents(ctx, "SELECT "+eventCols+" FROM events e WHERE e.id = (SELECT event_id FROM event_aliases WHERE alias = ?)", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("sqlite: event %s: %w", id, dyad.ErrNotFound)
	}
	return &evs[0], nil
}

// Events lists events, newest first (undated last), each with its mentions.
func (db *DB) Events(ctx context.Context, q dyad.EventQuery) ([]dyad.Event, error) {
	query, args := eventsSQL(q)
	if q.BBox != nil || q.Near != nil {
		dense, err := db.denseArea(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		d := dialect
		if dense {
			d.GeoIndex = "events e INDEXED BY events_geo_date"
		} else {
			d.GeoIndex = "events e INDEXED BY events_geo"
		}
		query, args = d.EventsSQL(q, eventCols, DefaultLimit, MaxLimit)
	}
	evs, err := db.queryEvents(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return evs, nil
}

// Counts groups the events that match q.EventQuery by q.By and counts them with their mean Goldstein weight.
// By is one of "day", "month" (time series, oldest first; an event dated only to a month or year counts under
// that shorter key), "dyad" (source:target country codes), "code", "root", "quad", "lang" (an event counts
// once in each language of its mentions), "source" (source actor code), "target" (target actor code),
// "actor" (an actor code on either side) and "outlet" (the news source of its mentions). Other groupings
// are listed largest first. Undated events and empty keys are left out. With q.SplitQuad, a time series has
// one group per key and quad class (Count.QuadClass set); other groupings ignore it.
//
// Without a filter, the groupings but "source", "target" and "actor" are read from the rollups that Save
// keeps (a few thousand rows), not computed from the events.
func (db *DB) Counts(ctx context.Context, q dyad.CountQuery) ([]dyad.Count, error) {
	return db.counts(ctx, q, true)
}

// counts is Counts; rollups false computes every grouping from the events.
func (db *DB) counts(ctx context.Context, q dyad.CountQuery, rollups bool) ([]dyad.Count, error) {
	if _, ok := rollupDims[q.By]; ok && rollups && unfiltered(q.EventQuery) {
		return db.rollupCounts(ctx, q)
	}
	w := dialect.EventWhere(q.EventQuery)
	cond := w.String()
	and := " WHERE "
	if cond != "" {
		and = cond + " AND "
	}
	var query string
	args := w.Args
	series := false
	switch q.By {
	case "day":
		series = true
		query = "SELECT e.date AS k, e.goldstein AS g, e.quad_class AS q FROM events e" + and + "e.date IS NOT NULL"
	case "month":
		series = true
		query = "SELECT substr(e.date, 1, 7) AS k, e.goldstein AS g, e.quad_class AS q FROM events e" + and + "e.date IS NOT NULL"
	case "dyad":
		query = `SELECT coalesce(nullif(e.source_country, ''), substr(e.source_code, 1, 3)) || ':' ||
			coalesce(nullif(e.target_country, ''), substr(e.target_code, 1, 3)) AS k, e.goldstein AS g
			FROM events e` + and + "e.source_code <> '' AND e.target_code <> ''"
	case "code", "root":
		query = "SELECT e." + q.By + " AS k, e.goldstein AS g FROM events e" + cond
	case "quad":
		query = "SELECT CAST(e.quad_class AS TEXT) AS k, e.goldstein AS g FROM events e" + and + "e.quad_class > 0"
	case "source", "target":
		query = "SELECT e." + q.By + "_code AS k, e.goldstein AS g FROM events e" + cond
	case "lang", "outlet":
		col := "lang"
		if q.By == "outlet" {
			col = "source"
		}
		query = "SELECT m." + col + " AS k, e.goldstein AS g FROM events e JOIN (SELECT DISTINCT event_id, " + col +
			" FROM event_mentions) m ON m.event_id = e.id" + cond
	case "actor":
		query = "SELECT k, g FROM (SELECT e.rid, e.source_code AS k, e.goldstein AS g FROM events e" + cond +
			" UNION SELECT e.rid, e.target_code, e.goldstein FROM events e" + cond + ")"
		args = append(append([]any{}, w.Args...), w.Args...)
	default:
		return nil, fmt.Errorf("sqlite: counts by %q: %w: want day, month, dyad, code, root, quad, lang, source, target, actor or outlet",
			q.By, dyad.ErrBadQuery)
	}
	order := "count(*) DESC, k"
	def := DefaultLimit
	if series {
		order, def = "k", MaxLimit
	}
	cols, group := "k, 0", "k"
	if series && q.SplitQuad {
		cols, group, order = "k, q", "k, q", "k, q"
	}
	n, off := limits(q.Page, def)
	rows, err := db.reader.QueryContext(ctx, "SELECT "+cols+", count(*), avg(g) FROM ("+query+") WHERE k <> '' GROUP BY "+group+" ORDER BY "+
		order+" LIMIT ? OFFSET ?", append(args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
	}
	defer rows.Close()
	out := []dyad.Count{}
	for rows.Next() {
		var c dyad.Count
		if err := rows.Scan(&c.Key, &c.QuadClass, &c.Count, &c.Goldstein); err != nil {
			return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
	}
	return out, nil
}

const statementCols = `s.id, s.article_id, s.speaker_id, s.speaker_name, s.speaker_type, s.speaker_country,
	s.speaker_sector, s.speaker_code, s.speaker_provisional, s.verb, s.text, s.lang, s.date, s.claim_id,
	s.span_start, s.span_end, s.source, s.direct, s.concepts`

func (db *DB) queryStatements(ctx context.Context, query string, args ...any) ([]dyad.Statement, error) {
	rows, err := db.readerOf(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	defer rows.Close()
	out := []dyad.Statement{}
	for rows.Next() {
		var st dyad.Statement
		var date, claim sql.NullString
		var concepts string
		sp := &st.Speaker
		if err := rows.Scan(&st.ID, &st.ArticleID, &sp.ID, &sp.Name, &sp.Type, &sp.Country, &sp.Sector, &sp.Code,
			&sp.Provisional, &st.Verb, &st.Text, &st.Lang, &date, &claim, &st.Start, &st.End, &st.Source, &st.Direct,
			&concepts); err != nil {
			return nil, fmt.Errorf("statements: %w", err)
		}
		st.Date, st.ClaimID = dyad.NullString(date.String), dyad.NullString(claim.String)
		if err := json.Unmarshal([]byte(concepts), &st.Concepts); err != nil {
			return nil, fmt.Errorf("statement %s concepts: %w", st.ID, err)
		}
		if len(st.Concepts) == 0 {
			st.Concepts = nil
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	return out, nil
}

// Statements lists statements, newest first.
func (db *DB) Statements(ctx context.Context, q dyad.StatementQuery) ([]dyad.Statement, error) {
	query, args := statementsSQL(q)
	out, err := db.queryStatements(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return out, nil
}

// statementsSQL is the query of Statements.
func statementsSQL(q dyad.StatementQuery) (string, []any) {
	return dialect.StatementsSQL(q, statementCols, DefaultLimit, MaxLimit)
}

const claimCols = "c.id, c.label, c.concepts, c.first, c.last, c.languages, c.speakers, c.count"

func (db *DB) queryClaims(ctx context.Context, withStatements bool, query string, args ...any) ([]dyad.Claim, error) {
	rows, err := db.readerOf(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	out := []dyad.Claim{}
	for rows.Next() {
		var c dyad.Claim
		var concepts, langs, speakers string
		if err := rows.Scan(&c.ID, &c.Label, &concepts, &c.First, &c.Last, &langs, &speakers, &c.Count); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claims: %w", err)
		}
		for _, f := range []struct {
			s   string
			dst *[]string
		}{{concepts, &c.Concepts}, {langs, &c.Languages}, {speakers, &c.Speakers}} {
			if err := json.Unmarshal([]byte(f.s), f.dst); err != nil {
				rows.Close()
				return nil, fmt.Errorf("claim %s: %w", c.ID, err)
			}
		}
		if len(c.Concepts) == 0 {
			c.Concepts = nil
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	if !withStatements || len(out) == 0 {
		return out, nil
	}
	ids := make([]string, len(out))
	idx := map[string]int{}
	for i, c := range out {
		ids[i] = c.ID
		idx[c.ID] = i
	}
	sts, err := db.queryStatements(ctx, "SELECT "+statementCols+" FROM statements s WHERE s.claim_id IN ("+
		placeholders(len(ids))+") ORDER BY s.date IS NULL, s.date, s.rid", anys(ids)...)
	if err != nil {
		return nil, err
	}
	for _, st := range sts {
		c := &out[idx[string(st.ClaimID)]]
		c.Statements = append(c.Statements, st)
	}
	return out, nil
}

// Claim returns a claim with its statements, oldest first.
func (db *DB) Claim(ctx context.Context, id string) (*dyad.Claim, error) {
	cs, err := db.queryClaims(ctx, true, "SELECT "+claimCols+" FROM claims c WHERE c.id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: claim %s: %w", id, err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("sqlite: claim %s: %w", id, dyad.ErrNotFound)
	}
	return &cs[0], nil
}

// Claims lists claims whose label contains q.Query (case and diacritics folded), the most repeated first.
func (db *DB) Claims(ctx context.Context, q dyad.ClaimQuery) ([]dyad.Claim, error) {
	var w where
	if q.Query != "" {
		w.Add(`c.label_fold LIKE ? ESCAPE '\'`, "%"+sqlq.EscapeLike(text.Fold(q.Query))+"%")
	}
	n, off := limits(q.Page, DefaultLimit)
	out, err := db.queryClaims(ctx, false, "SELECT "+claimCols+" FROM claims c"+w.String()+
		" ORDER BY c.count DESC, c.last DESC, c.rid LIMIT ? OFFSET ?", append(w.Args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return out, nil
}

// ClaimsByConcepts returns the claims that share a concept with concepts, with their statements.
func (db *DB) ClaimsByConcepts(ctx context.Context, concepts []string) ([]dyad.Claim, error) {
	if len(concepts) == 0 {
		return []dyad.Claim{}, nil
	}
	out, err := db.queryClaims(ctx, true, "SELECT "+claimCols+" FROM claims c WHERE c.id IN (SELECT claim_id FROM claim_concepts WHERE concept IN ("+
		placeholders(len(concepts))+")) ORDER BY c.rid", anys(concepts)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: claims by concepts: %w", err)
	}
	return out, nil
}

// Stats returns the totals of the store, kept by Save in the store_totals row.
func (db *DB) Stats(ctx context.Context) (dyad.Stats, error) {
	var s dyad.Stats
	err := db.reader.QueryRowContext(ctx, `SELECT articles, events, mentions, statements, claims FROM store_totals WHERE id = 1`).
		Scan(&s.Articles, &s.Events, &s.Mentions, &s.Statements, &s.Claims)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}

// statsDirect counts the rows of the tables, as Stats did before the totals row.
func (db *DB) statsDirect(ctx context.Context) (dyad.Stats, error) {
	var s dyad.Stats
	err := db.reader.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
		(SELECT count(*) FROM event_mentions), (SELECT count(*) FROM statements), (SELECT count(*) FROM claims)`).
		Scan(&s.Articles, &s.Events, &s.Mentions, &s.Statements, &s.Claims)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}

// SimilarArticles returns the signatures of stored articles that share at least one band with bands. The
// signatures of committed articles come from the DB's cache when it holds them (sigCache): bands shared by
// many articles (a wire story's paragraphs) return the same signatures to article after article, 40 an article
// at 16,000 stored in the realistic corpus, of which a thousand articles asked for 11,000 distinct ones. The
// caller may not change the signatures' slices.
func (db *DB) SimilarArticles(ctx context.Context, bands []uint64) ([]dyad.Signature, error) {
	out := []dyad.Signature{}
	if len(bands) == 0 {
		return out, nil
	}
	args := make([]any, len(bands))
	for i, b := range bands {
		args[i] = int64(b)
	}
	rows, done, err := db.query(ctx, `SELECT rid FROM bands WHERE band IN (`+placeholders(len(bands))+`)
		UNION SELECT rid FROM bands_recent WHERE band IN (`+placeholders(len(bands))+`)`, append(args, args...)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: similar articles: %w", err)
	}
	var missing []any
	for rows.Next() {
		var rid int64
		if err := rows.Scan(&rid); err != nil {
			rows.Close()
			done()
			return nil, fmt.Errorf("sqlite: similar articles: %w", err)
		}
		if sig, ok := db.sigs.get(rid); ok {
			out = append(out, sig)
		} else {
			missing = append(missing, rid)
		}
	}
	rows.Close()
	done()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: similar articles: %w", err)
	}
	for part := range chunks(missing) {
		rows, done, err := db.query(ctx, `SELECT rid, article_id, minhash, bands FROM signatures
			WHERE rid IN (`+placeholders(len(part))+`)`, part...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: similar articles: %w", err)
		}
		for rows.Next() {
			var rid int64
			var id string
			var mh, bs []byte
			if err := rows.Scan(&rid, &id, &mh, &bs); err != nil {
				rows.Close()
				done()
				return nil, fmt.Errorf("sqlite: similar articles: %w", err)
			}
			sig := *decodeSignature(id, mh, bs)
			db.sigs.put(rid, sig)
			out = append(out, sig)
		}
		rows.Close()
		done()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: similar articles: %w", err)
		}
	}
	slices.SortFunc(out, func(a, b dyad.Signature) int { return strings.Compare(a.ArticleID, b.ArticleID) })
	return out, nil
}

// sigCacheSize bounds each of the two generations of sigCache (a signature takes about 850 bytes).
const sigCacheSize = 8192

// sigCache keeps the signatures of committed articles by rowid, in two generations: when the newer is full it
// becomes the older and the oldest is dropped, so that the signatures in use stay. A signature is never
// changed once stored, and an article's rowid never given to another, but a rowid of a transaction that
// rolls back is given again: only rowids up to floor (the largest an article had once the DB's last commit
// was over, read then) are kept, which no transaction of this DB can reuse.
type sigCache struct {
	mu       sync.Mutex
	floor    int64
	cur, old map[int64]dyad.Signature
}

func (c *sigCache) get(rid int64) (dyad.Signature, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sig, ok := c.cur[rid]
	if !ok {
		if sig, ok = c.old[rid]; ok {
			c.putLocked(rid, sig)
		}
	}
	return sig, ok
}

func (c *sigCache) put(rid int64, sig dyad.Signature) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if rid <= c.floor {
		c.putLocked(rid, sig)
	}
}

func (c *sigCache) putLocked(rid int64, sig dyad.Signature) {
	if c.cur == nil || len(c.cur) >= sigCacheSize {
		c.old, c.cur = c.cur, make(map[int64]dyad.Signature, sigCacheSize)
	}
	c.cur[rid] = sig
}

// committed raises the floor to the largest article rowid of the committed store, which w (the writer,
// outside any transaction) reads.
func (c *sigCache) committed(ctx context.Context, w *sql.DB) {
	var rid sql.NullInt64
	if err := w.QueryRowContext(ctx, "SELECT max(rid) FROM articles").Scan(&rid); err != nil || !rid.Valid {
		return
	}
	c.mu.Lock()
	c.floor = max(c.floor, rid.Int64)
	c.mu.Unlock()
}

// EventCandidates returns the events with one of q.Keys dated in [q.From, q.To] (either bound may be empty;
// a month or year that holds From counts) and, when q.Undated, the undated ones with a mention published in
// [q.PublishedFrom, q.PublishedTo] or with no publication date, found through the partial index of undated
// mentions; each with its mentions. It asks key by key, so that every lookup is a range of one index.
func (db *DB) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	out := []dyad.Event{}
	people, err := peopleArg(q.People)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event candidates: %w", err)
	}
	of := mentionsOf{byCoding: q.ByCoding, people: people}
	for _, key := range q.Keys {
		query, args := candidatesSQL(key, q)
		if q.Bounded() {
			query, args = dialect.RecentSQL(eventCols, key, people, q)
		}
		evs, err := db.queryEventsBy(ctx, of, query, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: event candidates: %w", err)
		}
		out = append(out, evs...)
	}
	return out, nil
}

// candidatesSQL is the query of EventCandidates for one key.
func candidatesSQL(key string, q dyad.CandidateQuery) (string, []any) {
	return dialect.CandidatesSQL(eventCols, "= ?", key, q)
}

// Places counts the events that match q by place (dyad.Store).
func (db *DB) Places(ctx context.Context, q dyad.EventQuery) ([]dyad.PlaceCount, error) {
	query, args := dialect.PlacesSQL(q, DefaultLimit, MaxLimit)
	rows, err := db.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	defer rows.Close()
	out := []dyad.PlaceCount{}
	for rows.Next() {
		var p dyad.PlaceCount
		if err := rows.Scan(&p.PlaceID, &p.Name, &p.Country, &p.Admin1, &p.Precision, &p.Lat, &p.Lon, &p.Count, &p.Goldstein,
			&p.Quads[0], &p.Quads[1], &p.Quads[2], &p.Quads[3]); err != nil {
			return nil, fmt.Errorf("sqlite: places: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	return out, nil
}
