package postgres

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/dyad-events/dyad"
)

// The rollups (migration 0002) answer Stats and the unfiltered Counts from a few thousand rows instead of
// a scan of every event. A save keeps them exact: holding the advisory locks of the events it touches, it
// reads their state before (stored or not, date, the languages and news sources of their mentions) and
// after, and adds the difference to event_counts and store_totals as the transaction's last statements,
// updating the rows in key order so that concurrent saves wait for each other but never deadlock.

// dyadKey is the key of Counts by "dyad" on events e: the source and target countries, "" when either actor
// code is empty. Migration 0002 spells the same expression.
const dyadKey = `CASE WHEN e.source_code <> '' AND e.target_code <> '' THEN
	coalesce(nullif(e.source_country, ''), substr(e.source_code, 1, 3)) || ':' ||
	coalesce(nullif(e.target_country, ''), substr(e.target_code, 1, 3)) ELSE '' END`

// selectEventStates reads what the rollups need of the events with the ids $1.
const selectEventStates = `SELECT e.id, coalesce(e.date, ''), e.quad_class, e.code, e.root, ` + dyadKey + `, e.goldstein
	FROM events e WHERE e.id = ANY($1)`

const selectEventLangs = `SELECT DISTINCT event_id, lang, source FROM event_mentions WHERE event_id = ANY($1)`

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
	date      string // "" when undated
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
}

// mentionAdded notes a new mention of an event in language lang from news source outlet.
func (t *touched) mentionAdded(lang, outlet string) {
	if !t.langs[lang] {
		t.langs[lang] = true
		t.newLangs = append(t.newLangs, lang)
	}
	if !t.outlets[outlet] {
		t.outlets[outlet] = true
		t.newOutlets = append(t.newOutlets, outlet)
	}
}

// eventStates reads the state of the events ids (which the transaction has locked).
func (s *saver) eventStates(ids []string) (map[string]eventState, error) {
	rows, err := s.tx.Query(s.ctx, selectEventStates, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]eventState, len(ids))
	for rows.Next() {
		var id string
		var e eventState
		if err := rows.Scan(&id, &e.date, &e.quad, &e.code, &e.root, &e.dyad, &e.goldstein); err != nil {
			return nil, err
		}
		out[id] = e
	}
	return out, rows.Err()
}

// touchEvents returns the rollup state before the transaction of the events ids.
func (s *saver) touchEvents(ids []string) (map[string]*touched, error) {
	before, err := s.eventStates(ids)
	if err != nil {
		return nil, fmt.Errorf("read event states: %w", err)
	}
	out := make(map[string]*touched, len(ids))
	var stored []string
	for _, id := range ids {
		t := &touched{langs: map[string]bool{}, outlets: map[string]bool{}}
		if e, ok := before[id]; ok {
			t.existed, t.before = true, e
			stored = append(stored, id)
		}
		out[id] = t
	}
	if len(stored) == 0 {
		return out, nil
	}
	rows, err := s.tx.Query(s.ctx, selectEventLangs, stored)
	if err != nil {
		return nil, fmt.Errorf("read event languages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, l, o string
		if err := rows.Scan(&id, &l, &o); err != nil {
			return nil, fmt.Errorf("read event languages: %w", err)
		}
		out[id].langs[l], out[id].outlets[o] = true, true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read event languages: %w", err)
	}
	return out, nil
}

func add(deltas map[rollKey]rollDelta, k rollKey, n int64, g float64) {
	d := deltas[k]
	d.n += n
	d.g += float64(n) * g
	deltas[k] = d
}

// addG changes a rollup row's Goldstein sum alone.
func addG(deltas map[rollKey]rollDelta, k rollKey, g float64) {
	d := deltas[k]
	d.g += g
	deltas[k] = d
}

// rollupDeltas adds to deltas what the transaction changes in event_counts for one event, given its state after.
func rollupDeltas(t *touched, after *eventState, deltas map[rollKey]rollDelta) {
	if !t.existed {
		add(deltas, rollKey{"date", after.date, after.quad}, 1, after.goldstein)
		add(deltas, rollKey{"code", after.code, 0}, 1, after.goldstein)
		add(deltas, rollKey{"root", after.root, 0}, 1, after.goldstein)
		add(deltas, rollKey{"dyad", after.dyad, 0}, 1, after.goldstein)
	} else if t.before != *after {
		// A stored event changes when Save upgrades its date or gives it a better mention's coding: it
		// leaves the rows of its old state for those of its new one, and its languages and outlets carry
		// its new Goldstein weight.
		for _, st := range []struct {
			e    *eventState
			sign int64
		}{{&t.before, -1}, {after, 1}} {
			add(deltas, rollKey{"date", st.e.date, st.e.quad}, st.sign, st.e.goldstein)
			add(deltas, rollKey{"code", st.e.code, 0}, st.sign, st.e.goldstein)
			add(deltas, rollKey{"root", st.e.root, 0}, st.sign, st.e.goldstein)
			add(deltas, rollKey{"dyad", st.e.dyad, 0}, st.sign, st.e.goldstein)
		}
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

// upsertRollups adds the deltas $1..$5 to event_counts in the order given. A row whose count falls to 0
// keeps n = 0 and an exact 0 sum. The sum is kept to six decimals (Goldstein weights have one): saves that
// add the same weights in another order store the same sum.
const upsertRollups = `INSERT INTO event_counts AS c (dim, key, quad, n, goldstein)
	SELECT d, k, q, n, round(g::numeric, 6)::float8 FROM unnest($1::text[], $2::text[], $3::integer[], $4::bigint[], $5::float8[])
		WITH ORDINALITY AS u(d, k, q, n, g, o) ORDER BY o
	ON CONFLICT (dim, key, quad) DO UPDATE SET n = c.n + excluded.n,
		goldstein = CASE WHEN c.n + excluded.n = 0 THEN 0 ELSE round((c.goldstein + excluded.goldstein)::numeric, 6)::float8 END`

const updateTotals = `UPDATE store_totals SET articles = articles + $1, events = events + $2, mentions = mentions + $3,
	statements = statements + $4, claims = claims + $5 WHERE id = 1`

// totals are what a transaction adds to store_totals.
type totals struct {
	articles, events, mentions, statements, claims int64
}

// saveRollups writes the rollup deltas, in key order, then the totals.
func (s *saver) saveRollups(deltas map[rollKey]rollDelta, tot totals) error {
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
	if len(keys) > 0 {
		dims, ks := make([]string, len(keys)), make([]string, len(keys))
		quads, ns, gs := make([]int32, len(keys)), make([]int64, len(keys)), make([]float64, len(keys))
		for i, k := range keys {
			d := deltas[k]
			dims[i], ks[i], quads[i], ns[i], gs[i] = k.dim, k.key, int32(k.quad), d.n, d.g
		}
		if _, err := s.tx.Exec(s.ctx, upsertRollups, dims, ks, quads, ns, gs); err != nil {
			return fmt.Errorf("rollups: %w", err)
		}
	}
	if tot == (totals{}) {
		return nil
	}
	if _, err := s.tx.Exec(s.ctx, updateTotals, tot.articles, tot.events, tot.mentions, tot.statements, tot.claims); err != nil {
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
		query = "SELECT " + cols + ", sum(n)::bigint, sum(goldstein) FROM (SELECT " + k + " AS k, quad, n, goldstein FROM event_counts WHERE dim = 'date' AND key <> '' AND n > 0) AS r GROUP BY " +
			group + " ORDER BY " + group + " LIMIT $1 OFFSET $2"
	case "quad":
		query = "SELECT CAST(quad AS text) AS k, 0, sum(n)::bigint AS c, sum(goldstein) FROM event_counts WHERE dim = 'date' AND quad > 0 AND n > 0 GROUP BY quad ORDER BY c DESC, k LIMIT $1 OFFSET $2"
	default:
		query = "SELECT key AS k, 0, sum(n)::bigint AS c, sum(goldstein) FROM event_counts WHERE dim = '" + rollupDims[q.By] +
			"' AND key <> '' AND n > 0 GROUP BY key ORDER BY c DESC, k LIMIT $1 OFFSET $2"
	}
	rows, err := db.pool.Query(ctx, query, n, off)
	if err != nil {
		return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
	}
	defer rows.Close()
	out := []dyad.Count{}
	for rows.Next() {
		var c dyad.Count
		var cnt int64
		var g float64
		if err := rows.Scan(&c.Key, &c.QuadClass, &cnt, &g); err != nil {
			return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
		}
		c.Count, c.Goldstein = int(cnt), g/float64(cnt)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: counts by %s: %w", q.By, err)
	}
	return out, nil
}
