package sqlite

import (
	"database/sql"
	"fmt"
)

// The mentions a dated candidate question reads (dyad.CandidateQuery.ByCoding) are, of each event, the first
// of each class (its date and its coding People aside) and the undated ones. Migration 0017 flags those rows
// of the events that hold two mentions or more (event_mentions.first_of_class, with a partial index by
// event); an event's one mention is read whole, by the table's own index, and is not flagged, so that most
// new mentions (of new events) add no entry to the partial index. The saver keeps the flag exact: a new
// mention is flagged when it comes before the first of its class that the event held (which then loses the
// flag), and an event's one mention when a second comes; a merge or a demotion, which move and delete
// mentions, flags the events they leave again from all their mentions (reflag).

// classKey is a dated mention's class within its event: its own date and its stored coding without People
// (codingClass), and whether it has a coding at all.
type classKey struct {
	date, coding string
	coded        bool
}

// mentionKey is a mention of an event by its article and offset.
type mentionKey struct {
	article string
	start   int
}

// classOf is the class of a mention dated date with the stored coding c.
func classOf(date string, c sql.NullString) classKey {
	return classKey{date: date, coding: codingClass(c), coded: c.Valid}
}

// onlyMention is an event's one mention, which holds no flag until a second comes.
type onlyMention struct {
	key    mentionKey
	date   string
	coding sql.NullString
}

// newFlag is what a new mention of an event changes in the flags: its own (first), the event's one mention's
// (promote: it gets the flag its class calls for), and a mention that loses it (unflag was).
type newFlag struct {
	first, promote, unflag bool
	was                    mentionKey
}

// planFlag says what a new mention of t's event (article, start, dated date, stored coding c) changes in the
// flags, from the event's mentions so far; nothing is noted until the insert adds it (flagAdded).
func (t *touched) planFlag(article string, start int, date string, c sql.NullString) newFlag {
	held := t.storedMentions + t.mentions
	if held == 0 {
		return newFlag{} // the event's one mention
	}
	var f newFlag
	f.promote = held == 1 && t.only != nil
	if date == "" {
		f.first = true
		return f
	}
	k := classOf(date, c)
	cur, ok := t.firsts[k]
	if f.promote && t.only.date != "" && classOf(t.only.date, t.only.coding) == k {
		cur, ok = t.only.key, true
	}
	if ok && !firstMention(article, start, cur.article, cur.start) {
		return f
	}
	f.first, f.was, f.unflag = true, cur, ok
	return f
}

// flagAdded writes and notes the flags of a new mention that the insert added (planFlag's f), of event id.
func (s *saver) flagAdded(t *touched, id string, f newFlag, article string, start int, date string, c sql.NullString) error {
	if t.storedMentions+t.mentions == 0 {
		t.only = &onlyMention{mentionKey{article, start}, date, c}
		return nil
	}
	if t.firsts == nil {
		t.firsts = map[classKey]mentionKey{}
	}
	if f.promote {
		o := t.only
		t.only = nil
		if !(f.unflag && f.was == o.key) {
			if _, err := s.exec(flagMention, id, o.key.article, o.key.start); err != nil {
				return err
			}
			if o.date != "" {
				t.firsts[classOf(o.date, o.coding)] = o.key
			}
		}
		if f.unflag && f.was == o.key {
			f.unflag = false // it never held the flag
		}
	}
	if f.first && date != "" {
		t.firsts[classOf(date, c)] = mentionKey{article, start}
	}
	if f.unflag {
		if _, err := s.exec(unflagMention, id, f.was.article, f.was.start); err != nil {
			return err
		}
	}
	return nil
}

// flagMention gives the flag to the mention of event id at article and start.
const flagMention = `UPDATE event_mentions SET first_of_class = 1 WHERE event_id = ? AND article_id = ? AND span_start = ?`

// unflagMention takes the flag from the mention of event id at article and start.
const unflagMention = `UPDATE event_mentions SET first_of_class = 0 WHERE event_id = ? AND article_id = ? AND span_start = ?`

// reflag sets first_of_class of every mention of the events ids from all their mentions (none for an event's
// one mention), writing only the rows whose flag changes.
func (s *saver) reflag(ids []string) error {
	type row struct {
		event string
		rowid int64
		key   mentionKey
		flag  bool
	}
	for part := range chunks(ids) {
		rows, err := s.query("SELECT event_id, rowid, article_id, span_start, date, coding, first_of_class FROM event_mentions WHERE event_id IN ("+
			placeholders(len(part))+")", anys(part)...)
		if err != nil {
			return fmt.Errorf("read mention classes: %w", err)
		}
		type evClass struct {
			event string
			class classKey
		}
		firsts := map[evClass]int{} // the index in all of the first of a class
		rowsOf := map[string]int{}  // the mentions of each event
		var all []row
		var undated []int
		for rows.Next() {
			var id, date string
			var r row
			var c sql.NullString
			if err := rows.Scan(&id, &r.rowid, &r.key.article, &r.key.start, &date, &c, &r.flag); err != nil {
				rows.Close()
				return fmt.Errorf("read mention classes: %w", err)
			}
			r.event = id
			rowsOf[id]++
			all = append(all, r)
			if date == "" {
				undated = append(undated, len(all)-1)
				continue
			}
			k := evClass{id, classOf(date, c)}
			if j, ok := firsts[k]; !ok || firstMention(r.key.article, r.key.start, all[j].key.article, all[j].key.start) {
				firsts[k] = len(all) - 1
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read mention classes: %w", err)
		}
		want := make([]bool, len(all))
		for _, j := range firsts {
			want[j] = true
		}
		for _, j := range undated {
			want[j] = true
		}
		for i := range all {
			if rowsOf[all[i].event] == 1 {
				want[i] = false // an event's one mention holds no flag
			}
		}
		for i, r := range all {
			if r.flag != want[i] {
				if _, err := s.exec("UPDATE event_mentions SET first_of_class = ? WHERE rowid = ?", want[i], r.rowid); err != nil {
					return fmt.Errorf("flag mention: %w", err)
				}
			}
		}
	}
	return nil
}
