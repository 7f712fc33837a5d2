package postgres

import (
	"fmt"
	"slices"

	"github.com/dyad-events/dyad"
	"github.com/jackc/pgx/v5"
)

// demote makes the articles rec.Demote lists, and those that copy them, near-duplicates of rec's article:
// their event mentions are deleted (events left with none are deleted) and their statements leave their
// claims (claims left with none are deleted). It runs after the batch's rows are written, holding the
// advisory locks of the events and claims it touches, and keeps the counters, totals and rollups exact by
// reading the state of every event it touches before and after.
func (s *saver) demote(rec *dyad.Record) error {
	into := rec.Article.ID
	var ids []string
	for _, id := range rec.Demote {
		if id != "" && id != into {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if _, err := s.tx.Exec(s.ctx, `UPDATE articles SET near_duplicate_of = $1 WHERE id <> $1 AND
		(id = ANY($2) OR near_duplicate_of = ANY($2))`, into, ids); err != nil {
		return fmt.Errorf("mark near-duplicates: %w", err)
	}
	evs, err := s.strings("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ANY($1) ORDER BY 1", ids)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	cls, err := s.strings("SELECT DISTINCT claim_id FROM statements WHERE article_id = ANY($1) AND claim_id IS NOT NULL ORDER BY 1", ids)
	if err != nil {
		return fmt.Errorf("read claims: %w", err)
	}
	keys := make([]int64, 0, len(evs)+len(cls))
	for _, id := range evs {
		keys = append(keys, lockKey("event", id))
	}
	for _, id := range cls {
		keys = append(keys, lockKey("claim", id))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) > 0 {
		if _, err := s.tx.Exec(s.ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM
			(SELECT k FROM unnest($1::bigint[]) WITH ORDINALITY AS u(k, n) ORDER BY n OFFSET 0) AS ordered`, keys); err != nil {
			return fmt.Errorf("lock events: %w", err)
		}
	}
	before, err := s.fullStates(evs)
	if err != nil {
		return err
	}
	var tot totals
	tag, err := s.tx.Exec(s.ctx, "DELETE FROM event_mentions WHERE article_id = ANY($1)", ids)
	if err != nil {
		return fmt.Errorf("delete mentions: %w", err)
	}
	tot.mentions = -tag.RowsAffected()
	if len(evs) > 0 {
		if _, err := s.tx.Exec(s.ctx, recountEvents, evs); err != nil {
			return fmt.Errorf("recount events: %w", err)
		}
		tag, err := s.tx.Exec(s.ctx, `DELETE FROM events e WHERE e.id = ANY($1) AND
			NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)`, evs)
		if err != nil {
			return fmt.Errorf("delete events: %w", err)
		}
		tot.events = -tag.RowsAffected()
	}
	after, err := s.fullStates(evs)
	if err != nil {
		return err
	}
	deltas := map[rollKey]rollDelta{}
	for _, id := range evs {
		before[id].add(deltas, -1)
		after[id].add(deltas, 1)
	}
	if _, err := s.tx.Exec(s.ctx, "UPDATE statements SET claim_id = NULL WHERE article_id = ANY($1) AND claim_id IS NOT NULL", ids); err != nil {
		return fmt.Errorf("leave claims: %w", err)
	}
	if len(cls) > 0 {
		if _, err := s.tx.Exec(s.ctx, "DELETE FROM claim_concepts WHERE claim_id = ANY($1)", cls); err != nil {
			return fmt.Errorf("claim concepts: %w", err)
		}
		tag, err := s.tx.Exec(s.ctx, `DELETE FROM claims c WHERE c.id = ANY($1) AND
			NOT EXISTS (SELECT 1 FROM statements s WHERE s.claim_id = c.id)`, cls)
		if err != nil {
			return fmt.Errorf("delete claims: %w", err)
		}
		tot.claims = -tag.RowsAffected()
		if _, err := s.tx.Exec(s.ctx, recountClaims, cls); err != nil {
			return fmt.Errorf("recount claims: %w", err)
		}
		if _, err := s.tx.Exec(s.ctx, insertClaimConcepts, cls); err != nil {
			return fmt.Errorf("claim concepts: %w", err)
		}
	}
	return s.saveRollups(deltas, tot)
}

// strings runs a query of one text column with the argument ids.
func (s *saver) strings(query string, ids []string) ([]string, error) {
	rows, err := s.tx.Query(s.ctx, query, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// fullState is all an event adds to the rollups: its state and the languages and news sources of its
// mentions; a nil *fullState is an event not stored.
type fullState struct {
	eventState
	langs, outlets map[string]bool
}

// add adds (sign 1) or takes (-1) what an event contributes to every rollup.
func (f *fullState) add(deltas map[rollKey]rollDelta, sign int64) {
	if f == nil {
		return
	}
	add(deltas, rollKey{"date", f.date, f.quad}, sign, f.goldstein)
	add(deltas, rollKey{"code", f.code, 0}, sign, f.goldstein)
	add(deltas, rollKey{"root", f.root, 0}, sign, f.goldstein)
	add(deltas, rollKey{"dyad", f.dyad, 0}, sign, f.goldstein)
	for l := range f.langs {
		add(deltas, rollKey{"lang", l, 0}, sign, f.goldstein)
	}
	for o := range f.outlets {
		add(deltas, rollKey{"outlet", o, 0}, sign, f.goldstein)
	}
}

// fullStates reads the full rollup state of the events ids; an event not stored has none.
func (s *saver) fullStates(ids []string) (map[string]*fullState, error) {
	out := map[string]*fullState{}
	if len(ids) == 0 {
		return out, nil
	}
	st, err := s.eventStates(ids)
	if err != nil {
		return nil, fmt.Errorf("read event states: %w", err)
	}
	for id, e := range st {
		out[id] = &fullState{eventState: e, langs: map[string]bool{}, outlets: map[string]bool{}}
	}
	rows, err := s.tx.Query(s.ctx, selectEventLangs, ids)
	if err != nil {
		return nil, fmt.Errorf("read event languages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, l, o string
		if err := rows.Scan(&id, &l, &o); err != nil {
			return nil, fmt.Errorf("read event languages: %w", err)
		}
		if f := out[id]; f != nil {
			f.langs[l], f.outlets[o] = true, true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read event languages: %w", err)
	}
	return out, nil
}

// eventCoding is the columns of an event's coding, which a merged event takes from the event that held the
// best mention.
const eventCoding = `source_code, source_name, source_actor_id, source_country, source_sector,
	target_code, target_name, target_actor_id, target_country, target_sector,
	code, root, quad_class, goldstein, plover, location, place`

// merge makes the events each of rec.Merge's From lists one event with its Into (dyad.Record.Merge): their
// mentions move to Into, which takes the best date of them all (more precise, stated over inferred,
// earlier) and the coding of the event that held the best mention (highest confidence, then the smallest
// article id and offset); the From events are deleted, and their ids (and the aliases they had) become
// aliases of Into. The counters, totals and rollups stay exact (the
// full state of every event before and after).
func (s *saver) merge(rec *dyad.Record) error {
	for _, m := range rec.Merge {
		var from []string
		for _, id := range m.From {
			if id != "" && id != m.Into {
				from = append(from, id)
			}
		}
		if m.Into == "" || len(from) == 0 {
			continue
		}
		all := append([]string{m.Into}, from...)
		keys := make([]int64, 0, len(from))
		for _, id := range from {
			keys = append(keys, lockKey("event", id))
		}
		slices.Sort(keys)
		if err := lockInOrder(s.ctx, s.tx, keys); err != nil {
			return err
		}
		before, err := s.fullStates(all)
		if err != nil {
			return err
		}
		var best string
		err = s.tx.QueryRow(s.ctx, `SELECT event_id FROM event_mentions WHERE event_id = ANY($1)
			ORDER BY confidence DESC, article_id, span_start LIMIT 1`, all).Scan(&best)
		if err != nil && !isNoRows(err) {
			return fmt.Errorf("merge into %s: best mention: %w", m.Into, err)
		}
		if best != "" && best != m.Into {
			if _, err := s.tx.Exec(s.ctx, "UPDATE events SET ("+eventCoding+") = (SELECT "+eventCoding+
				" FROM events WHERE id = $1) WHERE id = $2", best, m.Into); err != nil {
				return fmt.Errorf("merge into %s: coding: %w", m.Into, err)
			}
		}
		if _, err := s.tx.Exec(s.ctx, `UPDATE events SET (date, date_precision, date_inferred) =
			(SELECT d.date, d.date_precision, d.date_inferred FROM events d WHERE d.id = ANY($1) AND d.date IS NOT NULL AND d.date <> ''
				ORDER BY length(d.date) DESC, d.date_inferred, d.date LIMIT 1)
			WHERE id = $2 AND EXISTS (SELECT 1 FROM events d WHERE d.id = ANY($1) AND d.date IS NOT NULL AND d.date <> '')`, all, m.Into); err != nil {
			return fmt.Errorf("merge into %s: date: %w", m.Into, err)
		}
		// A span of an article that several of the events mention (one sentence coded as two events) keeps one
		// mention: Into's own, or else that of the smallest id merged.
		dropped, err := s.tx.Exec(s.ctx, `DELETE FROM event_mentions m WHERE m.event_id = ANY($2) AND EXISTS (SELECT 1
			FROM event_mentions x WHERE x.article_id = m.article_id AND x.span_start = m.span_start
			AND (x.event_id = $1 OR (x.event_id = ANY($2) AND x.event_id COLLATE "C" < m.event_id COLLATE "C")))`, m.Into, from)
		if err != nil {
			return fmt.Errorf("merge into %s: mentions of the same span: %w", m.Into, err)
		}
		if _, err := s.tx.Exec(s.ctx, "UPDATE event_mentions SET event_id = $1 WHERE event_id = ANY($2)", m.Into, from); err != nil {
			return fmt.Errorf("merge into %s: mentions: %w", m.Into, err)
		}
		if _, err := s.tx.Exec(s.ctx, `UPDATE event_mentions m SET date = e.date, date_inferred = true FROM events e
			WHERE e.id = $1 AND m.event_id = $1 AND (m.date IS NULL OR m.date = '') AND e.date <> ''`, m.Into); err != nil {
			return fmt.Errorf("merge into %s: mention dates: %w", m.Into, err)
		}
		if err := s.alias(m.Into, from); err != nil {
			return err
		}
		tag, err := s.tx.Exec(s.ctx, "DELETE FROM events WHERE id = ANY($1)", from)
		if err != nil {
			return fmt.Errorf("merge into %s: delete events: %w", m.Into, err)
		}
		if _, err := s.tx.Exec(s.ctx, recountEvents, []string{m.Into}); err != nil {
			return fmt.Errorf("merge into %s: recount: %w", m.Into, err)
		}
		after, err := s.fullStates(all)
		if err != nil {
			return err
		}
		deltas := map[rollKey]rollDelta{}
		for _, id := range all {
			before[id].add(deltas, -1)
			after[id].add(deltas, 1)
		}
		if err := s.saveRollups(deltas, totals{events: -tag.RowsAffected(), mentions: -dropped.RowsAffected()}); err != nil {
			return err
		}
	}
	return nil
}

// alias makes the stored events of from (and the ids that were aliases of them) aliases of into, which is an
// event now rather than an alias.
func (s *saver) alias(into string, from []string) error {
	if _, err := s.tx.Exec(s.ctx, "UPDATE event_aliases SET event_id = $1 WHERE event_id = ANY($2)", into, from); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	if _, err := s.tx.Exec(s.ctx, `INSERT INTO event_aliases (alias, event_id) SELECT id, $1 FROM events WHERE id = ANY($2)
		ON CONFLICT (alias) DO UPDATE SET event_id = excluded.event_id`, into, from); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	if _, err := s.tx.Exec(s.ctx, "DELETE FROM event_aliases WHERE alias = $1", into); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	return nil
}
