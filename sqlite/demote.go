package sqlite

import (
	"database/sql"
	"fmt"

	"github.com/dyad-events/dyad"
)

// demote makes the articles rec.Demote lists, and those that copy them, near-duplicates of rec's article:
// their event mentions are deleted (events left with none are deleted) and their statements leave their
// claims (claims left with none are deleted). It runs after the batch's rows are written and keeps the
// counters, totals and rollups exact by reading the state of every event it touches before and after.
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
	in := placeholders(len(ids))
	args := append([]any{into, into}, anys(ids)...)
	args = append(args, anys(ids)...)
	if _, err := s.exec("UPDATE articles SET near_duplicate_of = ? WHERE id <> ? AND (id IN ("+in+
		") OR near_duplicate_of IN ("+in+"))", args...); err != nil {
		return fmt.Errorf("mark near-duplicates: %w", err)
	}
	// Mentions and statements are found by their article's rowid (migration 0013).
	rids := "(SELECT rid FROM articles WHERE id IN (" + in + "))"
	evs, err := s.strings("SELECT DISTINCT event_id FROM event_mentions WHERE article_rid IN "+rids+" ORDER BY 1", ids)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	before, err := s.fullStates(evs)
	if err != nil {
		return err
	}
	res, err := s.exec("DELETE FROM event_mentions WHERE article_rid IN "+rids, anys(ids)...)
	if err != nil {
		return fmt.Errorf("delete mentions: %w", err)
	}
	var tot totals
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete mentions: %w", err)
	}
	tot.mentions = -n
	for _, id := range evs {
		if _, err := s.exec(recountEvent, id); err != nil {
			return fmt.Errorf("recount event %s: %w", id, err)
		}
		res, err := s.exec("DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ?1)", id)
		if err != nil {
			return fmt.Errorf("delete event %s: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("delete event %s: %w", id, err)
		}
		tot.events -= n
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
	cls, err := s.strings("SELECT DISTINCT claim_id FROM statements WHERE article_rid IN "+rids+" AND claim_id IS NOT NULL ORDER BY 1", ids)
	if err != nil {
		return fmt.Errorf("read claims: %w", err)
	}
	if _, err := s.exec("UPDATE statements SET claim_id = NULL WHERE article_rid IN "+rids, anys(ids)...); err != nil {
		return fmt.Errorf("leave claims: %w", err)
	}
	for _, id := range cls {
		if _, err := s.exec(deleteClaimConcepts, id); err != nil {
			return fmt.Errorf("claim %s concepts: %w", id, err)
		}
		res, err := s.exec("DELETE FROM claims WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM statements WHERE claim_id = ?1)", id)
		if err != nil {
			return fmt.Errorf("delete claim %s: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("delete claim %s: %w", id, err)
		}
		tot.claims -= n
		if n > 0 {
			continue
		}
		if _, err := s.exec(recountClaim, id); err != nil {
			return fmt.Errorf("recount claim %s: %w", id, err)
		}
		if _, err := s.exec(insertClaimConcepts, id); err != nil {
			return fmt.Errorf("claim %s concepts: %w", id, err)
		}
	}
	s.tot = tot
	return s.saveRollups(deltas)
}

// deleteClaimConcepts deletes the claim_concepts rows of claim ?1 by the concepts the claim lists, which hold
// all of them (its rows are only ever written from that list): the table's key begins with the concept, so
// "WHERE claim_id = ?" alone read the whole table, or skipped through every concept, for each claim that a
// demotion left.
const deleteClaimConcepts = `DELETE FROM claim_concepts WHERE claim_id = ?1 AND concept IN
	(SELECT value FROM json_each((SELECT concepts FROM claims WHERE id = ?1)))`

// strings runs a query of one text column over ids.
func (s *saver) strings(query string, ids []string) ([]string, error) {
	rows, err := s.query(query, anys(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
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
	addEvent(deltas, &f.eventState, sign)
	for l := range f.langs {
		add(deltas, rollKey{"lang", l, 0}, sign, f.goldstein)
	}
	for o := range f.outlets {
		add(deltas, rollKey{"outlet", o, 0}, sign, f.goldstein)
	}
}

// fullStates reads the full rollup state of the events ids; an event not stored has none.
func (s *saver) fullStates(ids []string) (map[string]*fullState, error) {
	st, err := s.eventStates(ids)
	if err != nil {
		return nil, fmt.Errorf("read event states: %w", err)
	}
	out := map[string]*fullState{}
	for id, e := range st {
		out[id] = &fullState{eventState: e, langs: map[string]bool{}, outlets: map[string]bool{}}
	}
	for part := range chunks(ids) {
		rows, err := s.query("SELECT DISTINCT event_id, lang, source FROM event_mentions WHERE event_id IN ("+
			placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return nil, fmt.Errorf("read event languages: %w", err)
		}
		for rows.Next() {
			var id, l, o string
			if err := rows.Scan(&id, &l, &o); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read event languages: %w", err)
			}
			if f := out[id]; f != nil {
				f.langs[l], f.outlets[o] = true, true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read event languages: %w", err)
		}
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
		inAll, inFrom := placeholders(len(all)), placeholders(len(from))
		before, err := s.fullStates(all)
		if err != nil {
			return err
		}
		var best string
		err = s.queryRow("SELECT event_id FROM event_mentions WHERE event_id IN ("+inAll+
			") ORDER BY confidence DESC, article_id, span_start LIMIT 1", anys(all)...).Scan(&best)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("merge into %s: best mention: %w", m.Into, err)
		}
		if best != "" && best != m.Into {
			if _, err := s.exec("UPDATE events SET ("+eventCoding+") = (SELECT "+eventCoding+
				" FROM events WHERE id = ?1) WHERE id = ?2", best, m.Into); err != nil {
				return fmt.Errorf("merge into %s: coding: %w", m.Into, err)
			}
		}
		dated := "FROM events WHERE id IN (" + inAll + ") AND date IS NOT NULL AND date <> ''"
		if _, err := s.exec("UPDATE events SET (date, date_precision, date_inferred) = (SELECT date, date_precision, date_inferred "+
			dated+" ORDER BY length(date) DESC, date_inferred, date LIMIT 1) WHERE id = ? AND EXISTS (SELECT 1 "+dated+")",
			append(append(anys(all), m.Into), anys(all)...)...); err != nil {
			return fmt.Errorf("merge into %s: date: %w", m.Into, err)
		}
		// A span of an article that several of the events mention (one sentence coded as two events) keeps one
		// mention: Into's own, or else that of the smallest id merged.
		res, err := s.exec("DELETE FROM event_mentions WHERE event_id IN ("+inFrom+`) AND EXISTS (SELECT 1
			FROM event_mentions x WHERE x.article_id = event_mentions.article_id AND x.span_start = event_mentions.span_start
			AND (x.event_id = ? OR (x.event_id IN (`+inFrom+") AND x.event_id < event_mentions.event_id)))",
			append(append(anys(from), m.Into), anys(from)...)...)
		if err != nil {
			return fmt.Errorf("merge into %s: mentions of the same span: %w", m.Into, err)
		}
		dropped, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("merge into %s: mentions of the same span: %w", m.Into, err)
		}
		if _, err := s.exec("UPDATE event_mentions SET event_id = ? WHERE event_id IN ("+inFrom+")",
			append([]any{m.Into}, anys(from)...)...); err != nil {
			return fmt.Errorf("merge into %s: mentions: %w", m.Into, err)
		}
		if _, err := s.exec(`UPDATE event_mentions SET date = (SELECT date FROM events WHERE id = ?1), date_inferred = 1
			WHERE event_id = ?1 AND (date IS NULL OR date = '') AND (SELECT date FROM events WHERE id = ?1) <> ''`, m.Into); err != nil {
			return fmt.Errorf("merge into %s: mention dates: %w", m.Into, err)
		}
		if err := s.alias(m.Into, from, inFrom); err != nil {
			return err
		}
		res, err = s.exec("DELETE FROM events WHERE id IN ("+inFrom+")", anys(from)...)
		if err != nil {
			return fmt.Errorf("merge into %s: delete events: %w", m.Into, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("merge into %s: delete events: %w", m.Into, err)
		}
		if _, err := s.exec(recountEvent, m.Into); err != nil {
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
		s.tot = totals{events: -n, mentions: -dropped}
		if err := s.saveRollups(deltas); err != nil {
			return err
		}
	}
	return nil
}

// alias makes the stored events of from (and the ids that were aliases of them) aliases of into, which is an
// event now rather than an alias. inFrom is from's placeholders.
func (s *saver) alias(into string, from []string, inFrom string) error {
	if _, err := s.exec("UPDATE event_aliases SET event_id = ? WHERE event_id IN ("+inFrom+")",
		append([]any{into}, anys(from)...)...); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	if _, err := s.exec("INSERT INTO event_aliases (alias, event_id) SELECT id, ? FROM events WHERE id IN ("+inFrom+
		") ON CONFLICT (alias) DO UPDATE SET event_id = excluded.event_id", append([]any{into}, anys(from)...)...); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	if _, err := s.exec("DELETE FROM event_aliases WHERE alias = ?", into); err != nil {
		return fmt.Errorf("merge into %s: aliases: %w", into, err)
	}
	return nil
}
