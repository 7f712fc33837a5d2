package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// The rollups (migration 0002) answer Stats and the unfiltered Counts from a few thousand rows instead of
// a scan of every event. The saver keeps them exact: it notes, for each event a transaction touches, its
// state before (stored or not, its date, the languages and news sources of its mentions) and after, and
// adds the difference to event_counts and store_totals before the commit.

// dyadKey is the key of Counts by "dyad" on events e: the source and target countries, "" when either actor
// code is empty. Migration 0002 spells the same expression.
const dyadKey = `CASE WHEN e.source_code <> '' AND e.target_code <> '' THEN
	coalesce(nullif(e.source_country, ''), substr(e.source_code, 1, 3)) || ':' ||
	coalesce(nullif(e.target_country, ''), substr(e.target_code, 1, 3)) ELSE '' END`

// rollKey is a row key of event_counts.
type rollKey struct {
	dim, key string
	quad     int
}

// rollDelta is what a transaction adds to one event_counts row.
type rollDelta struct {
	n int64
	g float64
}

// eventState is an event as the rollups see it.
type eventState struct {
	date      sql.NullString
	quad      int
	code      string
	root      string
	dyad      string
	goldstein float64
}

// touched is an event a transaction saves: its state before, and the languages and news sources of its
// mentions (stored and added), with those the transaction added.
type touched struct {
	existed    bool
	before     eventState
	langs      map[string]bool
	outlets    map[string]bool
	newLangs   []string
	newOutlets []string
	mentions   int      // mentions the transaction added
	articles   []string // the distinct articles of those mentions
	preset     counters // the counters the insert of an event the transaction created wrote
	presetOK   bool
	// the stored event's num_mentions and num_articles when the transaction began
	storedMentions, storedArticles int
	best                           bestMention // of the event's mentions, stored and added
}

// bestMention is the mention whose coding an event shows: the highest confidence, then the smallest article
// id and offset (recodeEvent's order); none has ok false.
type bestMention struct {
	ok         bool
	confidence float64
	article    string
	start      int
}

// consider makes m the best when it comes before the best so far.
func (b *bestMention) consider(confidence float64, article string, start int) {
	if !b.ok || confidence > b.confidence || confidence == b.confidence &&
		(article < b.article || article == b.article && start < b.start) {
		*b = bestMention{true, confidence, article, start}
	}
}

// totals are what a transaction adds to store_totals.
type totals struct {
	articles, events, mentions, statements, claims int64
}

// eventStates reads the rollup state of the events ids, in chunks; an id not stored has no entry.
func (s *saver) eventStates(ids []string) (map[string]eventState, error) {
	out := make(map[string]eventState, len(ids))
	for part := range chunks(ids) {
		rows, err := s.query("SELECT e.id, e.date, e.quad_class, e.code, e.root, "+dyadKey+", e.goldstein FROM events e WHERE e.id IN ("+
			placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			var e eventState
			if err := rows.Scan(&id, &e.date, &e.quad, &e.code, &e.root, &e.dyad, &e.goldstein); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// chunks yields ids in parts small enough for one query.
func chunks[T any](ids []T) func(yield func([]T) bool) {
	return func(yield func([]T) bool) {
		for len(ids) > 0 {
			part := ids[:min(500, len(ids))]
			ids = ids[len(part):]
			if !yield(part) {
				return
			}
		}
	}
}

// touchEvents reads, at the start of the transaction, the state of the events recs report: stored or not,
// and the languages and news sources of their stored mentions, from the event's row where it keeps them
// (outlets and best, migration 0019), else from the mentions. The writer lock is held from the start (an
// immediate transaction), so nothing changes them but this transaction.
func (s *saver) touchEvents(recs []*dyad.Record) error {
	seen := map[string]bool{}
	var ids []string
	for _, rec := range recs {
		for _, e := range rec.Events {
			if e.ID != "" && !seen[e.ID] {
				seen[e.ID] = true
				ids = append(ids, e.ID)
			}
		}
	}
	before, err := s.eventStates(ids)
	if err != nil {
		return fmt.Errorf("read event states: %w", err)
	}
	s.touched = make(map[string]*touched, len(ids))
	var stored []string
	for _, id := range ids {
		t := &touched{langs: map[string]bool{}, outlets: map[string]bool{}}
		if e, ok := before[id]; ok {
			t.existed, t.before = true, e
			stored = append(stored, id)
		}
		s.touched[id] = t
	}
	// An event's counters, and its languages, outlets and best mention when it keeps them (migration 0019);
	// those that do not are read from their mentions.
	var unknown []string
	for part := range chunks(stored) {
		rows, err := s.query("SELECT id, num_mentions, num_articles, languages, outlets, best FROM events WHERE id IN ("+
			placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return fmt.Errorf("read event counters: %w", err)
		}
		for rows.Next() {
			var id, langs string
			var n, a int
			var outlets, best sql.RawBytes
			if err := rows.Scan(&id, &n, &a, &langs, &outlets, &best); err != nil {
				rows.Close()
				return fmt.Errorf("read event counters: %w", err)
			}
			t := s.touched[id]
			t.storedMentions, t.storedArticles = n, a
			if outlets == nil || best == nil {
				unknown = append(unknown, id)
				continue
			}
			if err := t.readSummary(langs, outlets, best); err != nil {
				rows.Close()
				return fmt.Errorf("event %s: %w", id, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read event counters: %w", err)
		}
	}
	for part := range chunks(unknown) {
		rows, err := s.query("SELECT event_id, lang, source, confidence, article_id, span_start FROM event_mentions WHERE event_id IN ("+
			placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return fmt.Errorf("read event languages: %w", err)
		}
		for rows.Next() {
			var id, l, o, a string
			var conf float64
			var start int
			if err := rows.Scan(&id, &l, &o, &conf, &a, &start); err != nil {
				rows.Close()
				return fmt.Errorf("read event languages: %w", err)
			}
			t := s.touched[id]
			t.langs[l], t.outlets[o] = true, true
			t.best.consider(conf, a, start)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read event languages: %w", err)
		}
	}
	return nil
}

// readSummary takes a stored event's languages (its languages column), outlets and best mention (migration
// 0019) as those of its stored mentions.
func (t *touched) readSummary(langs string, outlets, best []byte) error {
	var ls, outs []string
	if err := json.Unmarshal([]byte(langs), &ls); err != nil {
		return fmt.Errorf("languages: %w", err)
	}
	if err := json.Unmarshal(outlets, &outs); err != nil {
		return fmt.Errorf("outlets: %w", err)
	}
	var b []any
	if err := json.Unmarshal(best, &b); err != nil {
		return fmt.Errorf("best mention: %w", err)
	}
	if len(b) != 3 {
		return fmt.Errorf("best mention: %s", best)
	}
	conf, ok1 := b[0].(float64)
	article, ok2 := b[1].(string)
	start, ok3 := b[2].(float64)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("best mention: %s", best)
	}
	for _, l := range ls {
		t.langs[l] = true
	}
	for _, o := range outs {
		t.outlets[o] = true
	}
	t.best.consider(conf, article, int(start))
	return nil
}

// summary is what an event keeps of its mentions (migration 0019): the JSON arrays of its outlets (all,
// those of its stored mentions and those the transaction added) and of its best mention; NULL for both
// when no mention is known, or when an outlet's name is no valid UTF-8 (JSON would write it back changed, and
// the next save would count the outlet again).
func (t *touched) summary(outlets []string) (all, best any, err error) {
	if !t.best.ok || slices.ContainsFunc(outlets, func(o string) bool { return !utf8.ValidString(o) }) {
		return nil, nil, nil
	}
	o, err := json.Marshal(slices.Sorted(slices.Values(outlets)))
	if err != nil {
		return nil, nil, err
	}
	b, err := json.Marshal([]any{t.best.confidence, t.best.article, t.best.start})
	return string(o), string(b), err
}

// mentionAdded notes a new mention of an event in article at offset start, in language lang, from news
// source outlet, with its confidence.
func (t *touched) mentionAdded(article, lang, outlet string, confidence float64, start int) {
	t.mentions++
	t.best.consider(confidence, article, start)
	if !slices.Contains(t.articles, article) {
		t.articles = append(t.articles, article)
	}
	if !t.langs[lang] {
		t.langs[lang] = true
		t.newLangs = append(t.newLangs, lang)
	}
	if !t.outlets[outlet] {
		t.outlets[outlet] = true
		t.newOutlets = append(t.newOutlets, outlet)
	}
}

// addEvent adds to deltas what an event contributes to, or (sign -1) takes from, the rollups of its date,
// code, root and dyad.
func addEvent(deltas map[rollKey]rollDelta, e *eventState, sign int64) {
	add(deltas, rollKey{"date", e.date.String, e.quad}, sign, e.goldstein)
	add(deltas, rollKey{"code", e.code, 0}, sign, e.goldstein)
	add(deltas, rollKey{"root", e.root, 0}, sign, e.goldstein)
	add(deltas, rollKey{"dyad", e.dyad, 0}, sign, e.goldstein)
}

func add(deltas map[rollKey]rollDelta, k rollKey, n int64, g float64) {
	d := deltas[k]
	d.n += n
	d.g += float64(n) * g
	deltas[k] = d
}

// rollupDeltas adds to deltas what the transaction changes in event_counts for one event, given its state after.
func rollupDeltas(t *touched, after *eventState, deltas map[rollKey]rollDelta) {
	if !t.existed {
		addEvent(deltas, after, 1)
	} else if t.before != *after {
		// A stored event changes when Save upgrades its date or gives it a better mention's coding: it
		// leaves the rows of its old state for those of its new one, and its languages and outlets carry
		// its new Goldstein weight.
		addEvent(deltas, &t.before, -1)
		addEvent(deltas, after, 1)
		if dg := after.goldstein - t.before.goldstein; dg != 0 {
			for l := range t.langs {
				if !slices.Contains(t.newLangs, l) {
					addG(deltas, rollKey{"lang", l, 0}, dg)
				}
			}
			for o := range t.outlets {
				if !slices.Contains(t.newOutlets, o) {
					addG(deltas, rollKey{"outlet", o, 0}, dg)
				}
			}
		}
	}
	for _, l := range t.newLangs {
		add(deltas, rollKey{"lang", l, 0}, 1, after.goldstein)
	}
	for _, o := range t.newOutlets {
		add(deltas, rollKey{"outlet", o, 0}, 1, after.goldstein)
	}
}

// addG changes a rollup row's Goldstein sum alone.
func addG(deltas map[rollKey]rollDelta, k rollKey, g float64) {
	d := deltas[k]
	d.g += g
	deltas[k] = d
}

// A row whose count falls to 0 keeps n = 0 and an exact 0 sum. The sum is kept to six decimals (Goldstein
// weights have one): saves that add the same weights in another order store the same sum.
const upsertRollup = `INSERT INTO event_counts (dim, key, quad, n, goldstein) VALUES (?, ?, ?, ?, round(?, 6))
	ON CONFLICT (dim, key, quad) DO UPDATE SET n = n + excluded.n,
		goldstein = CASE WHEN n + excluded.n = 0 THEN 0 ELSE round(goldstein + excluded.goldstein, 6) END`

const updateTotals = `UPDATE store_totals SET articles = articles + ?, events = events + ?, mentions = mentions + ?,
	statements = statements + ?, claims = claims + ? WHERE id = 1`

// saveRollups writes the rollup deltas and totals of the transaction.
func (s *saver) saveRollups(deltas map[rollKey]rollDelta) error {
	keys := make([]rollKey, 0, len(deltas))
	for k, d := range deltas {
		if d.n != 0 || d.g != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.dim != b.dim {
			return a.dim < b.dim
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return a.quad < b.quad
	})
	for _, k := range keys {
		d := deltas[k]
		if _, err := s.exec(upsertRollup, k.dim, k.key, k.quad, d.n, d.g); err != nil {
			return fmt.Errorf("rollup %s %q: %w", k.dim, k.key, err)
		}
	}
	t := s.tot
	if t == (totals{}) {
		return nil
	}
	if _, err := s.exec(updateTotals, t.articles, t.events, t.mentions, t.statements, t.claims); err != nil {
		return fmt.Errorf("totals: %w", err)
	}
	return nil
}

// unfiltered reports whether q asks for no filter, so that the rollups can answer it.
func unfiltered(q dyad.EventQuery) bool {
	q.Page = dyad.Page{}
	return q == dyad.EventQuery{}
}

// rollupDims maps the groupings the rollups answer to their dim in event_counts.
var rollupDims = map[string]string{"day": "date", "month": "date", "quad": "date", "code": "code", "root": "root",
	"dyad": "dyad", "lang": "lang", "outlet": "outlet"}

// rollupCounts answers an unfiltered Counts from event_counts, in the order and with the groups of the
// direct queries.
func (db *DB) rollupCounts(ctx context.Context, q dyad.CountQuery) ([]dyad.Count, error) {
	var query string
	n, off := limits(q.Page, DefaultLimit)
	switch q.By {
	case "day", "month":
		k := "key"
		if q.By == "month" {
			k = "substr(key, 1, 7)"
		}
		cols, group := "k, 0", "k"
		if q.SplitQuad {
			cols, group = "k, quad", "k, quad"
		}
		n, off = limits(q.Page, MaxLimit)
		query = "SELECT " + cols + ", sum(n), sum(goldstein) FROM (SELECT " + k + " AS k, quad, n, goldstein FROM event_counts WHERE dim = 'date' AND key <> '' AND n > 0) GROUP BY " +
			group + " ORDER BY " + group + " LIMIT ? OFFSET ?"
	case "quad":
		query = "SELECT CAST(quad AS TEXT) AS k, 0, sum(n) AS c, sum(goldstein) FROM event_counts WHERE dim = 'date' AND quad > 0 AND n > 0 GROUP BY quad ORDER BY c DESC, k LIMIT ? OFFSET ?"
	default:
		query = "SELECT key AS k, 0, sum(n) AS c, sum(goldstein) FROM event_counts WHERE dim = '" + rollupDims[q.By] +
			"' AND key <> '' AND n > 0 GROUP BY key ORDER BY c DESC, k LIMIT ? OFFSET ?"
	}
	rows, err := db.reader.QueryContext(ctx, query, n, off)
	if err != nil {
		return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
	}
	defer rows.Close()
	out := []dyad.Count{}
	for rows.Next() {
		var c dyad.Count
		var g float64
		if err := rows.Scan(&c.Key, &c.QuadClass, &c.Count, &g); err != nil {
			return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
		}
		c.Goldstein = g / float64(c.Count)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: counts by %s: %w", q.By, err)
	}
	return out, nil
}
