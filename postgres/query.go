package postgres

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"github.com/dyad-events/dyad/internal/sqlq"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
	"github.com/jackc/pgx/v5"
)

// Page limits: a zero Limit means DefaultLimit, and no list is longer than MaxLimit.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

// rebind numbers the ? placeholders of query as $1, $2 ...; the queries here hold no ? elsewhere.
func rebind(query string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// query runs a query written with ? placeholders.
func (db *DB) query(ctx context.Context, query string, args ...any) (pgx.Rows, error) {
	return db.pool.Query(ctx, rebind(query), args...)
}

// dialect is how this store writes the SQL that internal/sqlq builds for both stores.
var dialect = sqlq.Dialect{True: "TRUE", CrossJoin: "JOIN", NullsLast: " NULLS LAST", MaxRune: "\U0010FFFF", Alias: true,
	PlaceID: "(e.place->>'place_id')", Lat: "e.lat", Lon: "e.lon", Cell: "e.geo_cell",
	PlaceField: "(e.place->>'%s')", PlaceJSON: "(e.place->>'%s')", NamesOne: namesOne}

type where = sqlq.Where

// limits returns the LIMIT and OFFSET of a page.
func limits(p dyad.Page, def int) (int, int) { return sqlq.Limits(p, def, MaxLimit) }

// eventsSQL is the query of Events.
func eventsSQL(q dyad.EventQuery) (string, []any) {
	return dialect.EventsSQL(q, eventCols, DefaultLimit, MaxLimit)
}

type scanner interface{ Scan(dest ...any) error }

const articleCols = `a.id, a.uri, coalesce(a.url, ''), coalesce(a.source, ''), a.title, a.lang, a.lang_confidence,
	coalesce(a.published, ''), a.published_from, coalesce(a.dateline, ''), a.text, coalesce(a.near_duplicate_of, ''),
	a.paragraphs, a.ingested`

func scanArticle(r scanner, extra ...any) (dyad.Article, error) {
	var a dyad.Article
	dest := append([]any{&a.ID, &a.URI, &a.URL, &a.Source, &a.Title, &a.Lang, &a.LangConfidence, &a.Published,
		&a.PublishedFrom, &a.Dateline, &a.Text, &a.NearDuplicateOf, &a.Paragraphs, &a.Ingested}, extra...)
	if err := r.Scan(dest...); err != nil {
		return a, err
	}
	if len(a.Paragraphs) == 0 {
		a.Paragraphs = nil
	}
	a.Ingested = a.Ingested.UTC()
	return a, nil
}

// HasArticle reports whether an article id is stored.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := db.pool.QueryRow(ctx, "SELECT 1 FROM articles WHERE id = $1", id).Scan(&one)
	if isNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("postgres: has article %s: %w", id, err)
	}
	return true, nil
}

// Record returns a stored article with its actor mentions, its events (with all their mentions, from every
// article), its statements and its signature.
// Article returns one stored article alone, without what was found in it (the link stage's cheap lookup).
func (db *DB) Article(ctx context.Context, id string) (*dyad.Article, error) {
	row := db.pool.QueryRow(ctx, "SELECT "+articleCols+" FROM articles a WHERE a.id = $1", id)
	a, err := scanArticle(row)
	if isNoRows(err) {
		return nil, fmt.Errorf("postgres: article %s: %w", id, dyad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return &a, nil
}

func (db *DB) Record(ctx context.Context, id string) (*dyad.Record, error) {
	row := db.pool.QueryRow(ctx, "SELECT "+articleCols+" FROM articles a WHERE a.id = $1", id)
	a, err := scanArticle(row)
	if isNoRows(err) {
		return nil, fmt.Errorf("postgres: article %s: %w", id, dyad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	rec := &dyad.Record{Article: a, Mentions: []dyad.ActorMention{}, Statements: []dyad.Statement{}}
	if err := db.loadRecord(ctx, rec); err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return rec, nil
}

func (db *DB) loadRecord(ctx context.Context, rec *dyad.Record) error {
	id := rec.Article.ID
	rows, err := db.pool.Query(ctx, `SELECT span_start, span_end, text, actor_id, actor_name, actor_type,
		actor_country, actor_sector, actor_code, provisional, via FROM actor_mentions WHERE article_id = $1 ORDER BY seq`, id)
	if err != nil {
		return fmt.Errorf("actor mentions: %w", err)
	}
	for rows.Next() {
		var m dyad.ActorMention
		r := &m.Actor
		if err := rows.Scan(&m.Start, &m.End, &m.Text, &r.ID, &r.Name, &r.Type, &r.Country, &r.Sector, &r.Code,
			&r.Provisional, &m.Via); err != nil {
			rows.Close()
			return fmt.Errorf("actor mentions: %w", err)
		}
		rec.Mentions = append(rec.Mentions, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("actor mentions: %w", err)
	}
	rec.Events, err = db.queryEvents(ctx, `SELECT `+eventCols+` FROM events e JOIN
		(SELECT event_id, min(span_start) AS first FROM event_mentions WHERE article_id = ? GROUP BY event_id) m
		ON m.event_id = e.id ORDER BY m.first, e.rid`, id)
	if err != nil {
		return err
	}
	rec.Statements, err = db.queryStatements(ctx, "SELECT "+statementCols+" FROM statements s WHERE s.article_id = ? ORDER BY s.span_start, s.rid", id)
	if err != nil {
		return err
	}
	var mh, bands []byte
	err = db.pool.QueryRow(ctx, "SELECT minhash, bands FROM signatures WHERE article_id = $1", id).Scan(&mh, &bands)
	switch {
	case isNoRows(err):
	case err != nil:
		return fmt.Errorf("signature: %w", err)
	default:
		rec.Signature = decodeSignature(id, mh, bands)
	}
	return nil
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
	rows, err := db.query(ctx, "SELECT "+articleCols+" FROM articles a"+w.String()+
		" ORDER BY a.published DESC NULLS LAST, a.rid DESC LIMIT ? OFFSET ?", append(w.Args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	defer rows.Close()
	out := []dyad.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	return out, nil
}

const eventCols = `e.id, e.key, coalesce(e.date, ''), e.date_precision, e.date_inferred,
	e.source_code, e.source_name, e.source_actor_id, e.source_country, e.source_sector,
	e.target_code, e.target_name, e.target_actor_id, e.target_country, e.target_sector,
	e.code, e.root, e.quad_class, e.goldstein, e.plover, coalesce(e.location, ''), e.coder_version,
	e.num_mentions, e.num_articles, e.num_sources, e.languages, coalesce(e.place::text, '')`

func scanEvent(r scanner) (dyad.Event, error) {
	var e dyad.Event
	var loc, place string
	s, t := &e.Source, &e.Target
	if err := r.Scan(&e.ID, &e.Key, &e.Date, &e.DatePrecision, &e.DateInferred,
		&s.Code, &s.Name, &s.ActorID, &s.Country, &s.Sector,
		&t.Code, &t.Name, &t.ActorID, &t.Country, &t.Sector,
		&e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &loc, &e.CoderVersion,
		&e.NumMentions, &e.NumArticles, &e.NumSources, &e.Languages, &place); err != nil {
		return e, err
	}
	var err error
	if e.Location, err = dyad.DecodeLocation(loc, place); err != nil {
		return e, fmt.Errorf("event %s: %w", e.ID, err)
	}
	if e.Languages == nil {
		e.Languages = []string{}
	}
	return e, nil
}

// queryEvents runs a query of eventCols and loads each event's mentions.
func (db *DB) queryEvents(ctx context.Context, query string, args ...any) ([]dyad.Event, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
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
	if err := db.loadMentions(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// loadMentions fills the Mentions of events, oldest first, in chunks of ids.
func (db *DB) loadMentions(ctx context.Context, events []dyad.Event) error {
	idx := make(map[string]int, len(events))
	ids := make([]string, len(events))
	for i := range events {
		idx[events[i].ID] = i
		ids[i] = events[i].ID
		events[i].Mentions = []dyad.EventMention{}
	}
	const chunk = 500
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		rows, err := db.pool.Query(ctx, `SELECT event_id, article_id, lang, source, sentence, span_start,
			span_end, confidence, date, date_inferred, pattern, published, coding FROM event_mentions
			WHERE event_id = ANY($1) ORDER BY rid`, part)
		if err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
		for rows.Next() {
			var id string
			var m dyad.EventMention
			var coding []byte
			if err := rows.Scan(&id, &m.ArticleID, &m.Lang, &m.Source, &m.Sentence, &m.Start, &m.End,
				&m.Confidence, &m.Date, &m.DateInferred, &m.Pattern, &m.Published, &coding); err != nil {
				rows.Close()
				return fmt.Errorf("event mentions: %w", err)
			}
			if coding != nil {
				m.Coding = new(dyad.MentionCoding)
				if err := json.Unmarshal(coding, m.Coding); err != nil {
					rows.Close()
					return fmt.Errorf("event %s mention at %d: coding: %w", id, m.Start, err)
				}
			}
			e := &events[idx[id]]
			e.Mentions = append(e.Mentions, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("event mentions: %w", err)
		}
	}
	return nil
}

// Event returns one event with all its mentions.
func (db *DB) Event(ctx context.Context, id string) (*dyad.Event, error) {
	evs, err := db.queryEvents(ctx, "SELECT "+eventCols+" FROM events e WHERE e.id = ?", id)
	if err == nil && len(evs) == 0 {
		// An id the event had before a mention with a smaller content id renamed it (event_aliases).
		evs, err = db.queryEvents(ctx, "SELECT "+eventCols+" FROM events e WHERE e.id = (SELECT event_id FROM event_aliases WHERE alias = ?)", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: event %s: %w", id, err)
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("postgres: event %s: %w", id, dyad.ErrNotFound)
	}
	return &evs[0], nil
}

// Events lists events, newest first (undated last), each with its mentions.
func (db *DB) Events(ctx context.Context, q dyad.EventQuery) ([]dyad.Event, error) {
	query, args := eventsSQL(q)
	evs, err := db.queryEvents(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
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
			" UNION SELECT e.rid, e.target_code, e.goldstein FROM events e" + cond + ") AS sides"
		args = append(append([]any{}, w.Args...), w.Args...)
	default:
		return nil, fmt.Errorf("postgres: counts by %q: %w: want day, month, dyad, code, root, quad, lang, source, target, actor or outlet",
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
	rows, err := db.query(ctx, "SELECT "+cols+", count(*), avg(g) FROM ("+query+") AS grouped WHERE k <> '' GROUP BY "+group+" ORDER BY "+
		order+" LIMIT ? OFFSET ?", append(args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
	}
	defer rows.Close()
	out := []dyad.Count{}
	for rows.Next() {
		var c dyad.Count
		if err := rows.Scan(&c.Key, &c.QuadClass, &c.Count, &c.Goldstein); err != nil {
			return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
	}
	return out, nil
}

const statementCols = `s.id, s.article_id, s.speaker_id, s.speaker_name, s.speaker_type, s.speaker_country,
	s.speaker_sector, s.speaker_code, s.speaker_provisional, s.verb, s.text, s.lang, coalesce(s.date, ''), coalesce(s.claim_id, ''),
	s.span_start, s.span_end, s.source, s.direct, s.concepts`

func (db *DB) queryStatements(ctx context.Context, query string, args ...any) ([]dyad.Statement, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	defer rows.Close()
	out := []dyad.Statement{}
	for rows.Next() {
		var st dyad.Statement
		sp := &st.Speaker
		if err := rows.Scan(&st.ID, &st.ArticleID, &sp.ID, &sp.Name, &sp.Type, &sp.Country, &sp.Sector, &sp.Code,
			&sp.Provisional, &st.Verb, &st.Text, &st.Lang, &st.Date, &st.ClaimID, &st.Start, &st.End, &st.Source, &st.Direct,
			&st.Concepts); err != nil {
			return nil, fmt.Errorf("statements: %w", err)
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
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// statementsSQL is the query of Statements.
func statementsSQL(q dyad.StatementQuery) (string, []any) {
	return dialect.StatementsSQL(q, statementCols, DefaultLimit, MaxLimit)
}

const claimCols = "c.id, c.label, c.concepts, c.first, c.last, c.languages, c.speakers, c.count"

func (db *DB) queryClaims(ctx context.Context, withStatements bool, query string, args ...any) ([]dyad.Claim, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	out := []dyad.Claim{}
	for rows.Next() {
		var c dyad.Claim
		if err := rows.Scan(&c.ID, &c.Label, &c.Concepts, &c.First, &c.Last, &c.Languages, &c.Speakers, &c.Count); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claims: %w", err)
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
	sts, err := db.queryStatements(ctx, "SELECT "+statementCols+" FROM statements s WHERE s.claim_id = ANY(?)"+
		" ORDER BY s.date IS NULL, s.date, s.rid", ids)
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
		return nil, fmt.Errorf("postgres: claim %s: %w", id, err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("postgres: claim %s: %w", id, dyad.ErrNotFound)
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
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// ClaimsByConcepts returns the claims that share a concept with concepts, with their statements.
func (db *DB) ClaimsByConcepts(ctx context.Context, concepts []string) ([]dyad.Claim, error) {
	if len(concepts) == 0 {
		return []dyad.Claim{}, nil
	}
	out, err := db.queryClaims(ctx, true, "SELECT "+claimCols+" FROM claims c WHERE c.id IN "+
		"(SELECT claim_id FROM claim_concepts WHERE concept = ANY(?)) ORDER BY c.rid", concepts)
	if err != nil {
		return nil, fmt.Errorf("postgres: claims by concepts: %w", err)
	}
	return out, nil
}

// Stats returns the totals of the store, kept by Save in the store_totals row.
func (db *DB) Stats(ctx context.Context) (dyad.Stats, error) {
	var s dyad.Stats
	err := db.pool.QueryRow(ctx, `SELECT articles, events, mentions, statements, claims FROM store_totals WHERE id = 1`).
		Scan(&s.Articles, &s.Events, &s.Mentions, &s.Statements, &s.Claims)
	if err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
	}
	return s, nil
}

// statsDirect counts the rows of the tables, as Stats did before the totals row.
func (db *DB) statsDirect(ctx context.Context) (dyad.Stats, error) {
	var s dyad.Stats
	err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
		(SELECT count(*) FROM event_mentions), (SELECT count(*) FROM statements), (SELECT count(*) FROM claims)`).
		Scan(&s.Articles, &s.Events, &s.Mentions, &s.Statements, &s.Claims)
	if err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
	}
	return s, nil
}

// SimilarArticles returns the signatures of stored articles that share at least one band with bands.
func (db *DB) SimilarArticles(ctx context.Context, bands []uint64) ([]dyad.Signature, error) {
	out := []dyad.Signature{}
	if len(bands) == 0 {
		return out, nil
	}
	args := make([]int64, len(bands))
	for i, b := range bands {
		args[i] = int64(b)
	}
	rows, err := db.pool.Query(ctx, `SELECT s.article_id, s.minhash, s.bands FROM signatures s
		WHERE s.article_id IN (SELECT article_id FROM bands WHERE band = ANY($1))
		ORDER BY s.article_id`, args)
	if err != nil {
		return nil, fmt.Errorf("postgres: similar articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var mh, bs []byte
		if err := rows.Scan(&id, &mh, &bs); err != nil {
			return nil, fmt.Errorf("postgres: similar articles: %w", err)
		}
		out = append(out, *decodeSignature(id, mh, bs))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: similar articles: %w", err)
	}
	return out, nil
}

// EventCandidates returns the events with one of q.Keys dated in [q.From, q.To] (either bound may be empty;
// a month or year that holds From counts) and, when q.Undated, the undated ones with a mention published in
// [q.PublishedFrom, q.PublishedTo] or with no publication date, found through the partial index of undated
// mentions; each with its mentions. Every part is a range of one index.
func (db *DB) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	if len(q.Keys) == 0 {
		return []dyad.Event{}, nil
	}
	if q.Bounded() {
		return db.recentCandidates(ctx, q)
	}
	query, args := dialect.CandidatesSQL(eventCols, "= ANY(?)", q.Keys, q)
	evs, err := db.queryEvents(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: event candidates: %w", err)
	}
	return evs, nil
}

// namesOne is the condition on a mention m that a query with dyad.CandidateQuery.People keeps (as the SQLite
// store's does): undated, stored without a coding or without People, or whose coding spells one of the ids
// of its one argument (a text array of the ids as JSON strings).
const namesOne = `(m.date = '' OR m.coding IS NULL OR m.coding->'people' IS NULL OR
	EXISTS (SELECT 1 FROM unnest(?::text[]) j WHERE strpos(m.coding::text, j) > 0))`

// recentCandidates is EventCandidates under q.Recent, key by key.
func (db *DB) recentCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	people := make([]string, len(q.People))
	for i, id := range q.People {
		b, err := json.Marshal(id) // as the stored coding spells it
		if err != nil {
			return nil, fmt.Errorf("postgres: event candidates: %w", err)
		}
		people[i] = string(b)
	}
	out := []dyad.Event{}
	for _, key := range q.Keys {
		query, args := dialect.RecentSQL(eventCols, key, people, q)
		evs, err := db.queryEvents(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("postgres: event candidates: %w", err)
		}
		out = append(out, evs...)
	}
	return out, nil
}

// Places counts the events that match q by place (dyad.Store).
func (db *DB) Places(ctx context.Context, q dyad.EventQuery) ([]dyad.PlaceCount, error) {
	query, args := dialect.PlacesSQL(q, DefaultLimit, MaxLimit)
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: places: %w", err)
	}
	defer rows.Close()
	out := []dyad.PlaceCount{}
	for rows.Next() {
		var p dyad.PlaceCount
		if err := rows.Scan(&p.PlaceID, &p.Name, &p.Country, &p.Admin1, &p.Precision, &p.Lat, &p.Lon, &p.Count, &p.Goldstein,
			&p.Quads[0], &p.Quads[1], &p.Quads[2], &p.Quads[3]); err != nil {
			return nil, fmt.Errorf("postgres: places: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: places: %w", err)
	}
	return out, nil
}
