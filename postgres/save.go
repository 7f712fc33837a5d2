package postgres

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
	"github.com/jackc/pgx/v5"
)

// Save stores a record in one transaction; see dyad.Store. Saving an article id already stored changes
// nothing and returns false.
func (db *DB) Save(ctx context.Context, rec *dyad.Record) (bool, error) {
	stored, err := db.SaveBatch(ctx, []*dyad.Record{rec})
	if err != nil {
		return false, err
	}
	return stored[0], nil
}

// SaveBatch stores many records in one transaction: articles and statements in a pipelined batch, the
// other rows by COPY. stored[i] reports whether recs[i] was new; a record whose article is already stored,
// or repeats an earlier one of the batch, changes nothing. On error nothing of the batch is stored.
func (db *DB) SaveBatch(ctx context.Context, recs []*dyad.Record) ([]bool, error) {
	if err := checkRecords(recs); err != nil {
		return nil, err
	}
	var stored []bool
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var err error
		stored, err = saveIn(ctx, tx, recs)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: save: %w", err)
	}
	return stored, nil
}

// checkRecords refuses a batch that cannot be stored: a nil record, an article without an id, text that
// PostgreSQL cannot hold.
func checkRecords(recs []*dyad.Record) error {
	for i, rec := range recs {
		if rec == nil {
			return fmt.Errorf("postgres: save: record %d is nil", i)
		}
		if rec.Article.ID == "" {
			return fmt.Errorf("postgres: save: record %d (%s): article has no id", i, rec.Article.URI)
		}
		for _, f := range []string{rec.Article.Text, rec.Article.Title} {
			if !utf8.ValidString(f) || strings.ContainsRune(f, 0) {
				return fmt.Errorf("postgres: save: article %s (%s): text is not UTF-8 without NUL bytes, which PostgreSQL needs",
					rec.Article.ID, rec.Article.URI)
			}
		}
	}
	return nil
}

// saveIn stores checked records in transaction tx; see SaveBatch.
func saveIn(ctx context.Context, tx pgx.Tx, recs []*dyad.Record) ([]bool, error) {
	stored := make([]bool, len(recs))
	// Each article once, in id order: two batches that share articles then wait for each other, never in a cycle.
	first := map[string]int{}
	var order []int
	for i, rec := range recs {
		if _, dup := first[rec.Article.ID]; !dup {
			first[rec.Article.ID] = i
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return recs[order[a]].Article.ID < recs[order[b]].Article.ID })
	s := &saver{ctx: ctx, tx: tx, now: time.Now().UTC()}
	fresh, err := s.articles(recs, order)
	if err != nil {
		return nil, err
	}
	if len(fresh) == 0 {
		return stored, nil
	}
	if err := s.rest(recs, fresh); err != nil {
		return nil, err
	}
	// In the order of the batch: a later record may demote one that demoted another.
	for _, i := range slices.Sorted(slices.Values(fresh)) {
		if rec := recs[i]; len(rec.Merge) > 0 {
			if err := s.merge(rec); err != nil {
				return nil, fmt.Errorf("article %s: %w", rec.Article.ID, err)
			}
		}
		if rec := recs[i]; len(rec.Demote) > 0 {
			if err := s.demote(rec); err != nil {
				return nil, fmt.Errorf("article %s: demote %v: %w", rec.Article.ID, rec.Demote, err)
			}
		}
	}
	for _, i := range fresh {
		stored[i] = true
	}
	return stored, nil
}

type saver struct {
	ctx context.Context
	tx  pgx.Tx
	now time.Time
}

const insertArticle = `INSERT INTO articles (id, uri, url, source, source_fold, title, lang, lang_confidence,
	published, published_from, dateline, text, near_duplicate_of, paragraphs, ingested)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING RETURNING rid`

// articles inserts the articles of recs[order] and returns the indexes of those that were new.
func (s *saver) articles(recs []*dyad.Record, order []int) ([]int, error) {
	b := &pgx.Batch{}
	for _, i := range order {
		a := &recs[i].Article
		ingested := a.Ingested
		if ingested.IsZero() {
			ingested = s.now
		}
		paras, err := json.Marshal(nonNil(a.Paragraphs))
		if err != nil {
			return nil, fmt.Errorf("article %s: paragraphs: %w", a.ID, err)
		}
		b.Queue(insertArticle, a.ID, a.URI, nullable(string(a.URL)), nullable(string(a.Source)), text.Fold(string(a.Source)),
			a.Title, lang(a.Lang), a.LangConfidence, nullable(string(a.Published)), a.PublishedFrom,
			nullable(string(a.Dateline)), a.Text, nullable(string(a.NearDuplicateOf)), paras, ingested.UTC())
	}
	br := s.tx.SendBatch(s.ctx, b)
	var fresh []int
	for _, i := range order {
		var rid int64
		err := br.QueryRow().Scan(&rid)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			br.Close()
			return nil, fmt.Errorf("article %s (%s): %w", recs[i].Article.ID, recs[i].Article.URI, err)
		}
		fresh = append(fresh, i)
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return fresh, nil
}

// rest writes everything but the articles for the new records recs[fresh].
func (s *saver) rest(recs []*dyad.Record, fresh []int) error {
	var (
		eventIDs, claimIDs []string
		evSeen             = map[string]bool{}
		clSeen             = map[string]bool{}
		events             []*dyad.Event
		recodes            = &pgx.Batch{} // each record's coding of each of its events, in order
		mentionRows        [][]any
		mentionSeen        = map[[3]any]bool{}
		actorRows          [][]any
		sigRows, bandRows  [][]any
		stmts              = &pgx.Batch{}
		stmtClaims         []*claimStatement // for each query of stmts: nil for a claim's insert, else the statement's
	)
	for _, i := range fresh {
		rec := recs[i]
		a := &rec.Article
		for k, m := range rec.Mentions {
			r := m.Actor
			actorRows = append(actorRows, []any{a.ID, k, m.Start, m.End, m.Text, r.ID, r.Name, r.Type, r.Country,
				r.Sector, r.Code, r.Provisional, m.Via})
		}
		if sig := rec.Signature; sig != nil {
			mh := make([]byte, 4*len(sig.MinHash))
			for k, v := range sig.MinHash {
				binary.LittleEndian.PutUint32(mh[4*k:], v)
			}
			bs := make([]byte, 8*len(sig.Bands))
			seen := map[uint64]bool{}
			for k, v := range sig.Bands {
				binary.LittleEndian.PutUint64(bs[8*k:], v)
				if !seen[v] {
					seen[v] = true
					bandRows = append(bandRows, []any{int64(v), a.ID})
				}
			}
			sigRows = append(sigRows, []any{a.ID, mh, bs})
		}
		for k := range rec.Events {
			e := &rec.Events[k]
			if e.ID == "" {
				return fmt.Errorf("article %s: event %d has no id", a.ID, k)
			}
			if !evSeen[e.ID] {
				evSeen[e.ID] = true
				eventIDs = append(eventIDs, e.ID)
				events = append(events, e)
			}
			src, tgt := e.Source, e.Target
			place, err := dyad.EncodeLocation(e.Location)
			if err != nil {
				return err
			}
			recodes.Queue(recodeEvent, e.ID, a.ID, src.Code, src.Name, src.ActorID, src.Country, src.Sector,
				tgt.Code, tgt.Name, tgt.ActorID, tgt.Country, tgt.Sector,
				e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, nullable(e.Location.Text()), place)
			for _, m := range e.Mentions {
				if m.ArticleID != "" && m.ArticleID != a.ID {
					continue // another article's mention, stored with it
				}
				fillMention(&m, a)
				key := [3]any{e.ID, a.ID, m.Start}
				if mentionSeen[key] {
					continue
				}
				mentionSeen[key] = true
				var coding []byte // NULL when the mention has no coding of its own
				if m.Coding != nil {
					var err error
					if coding, err = json.Marshal(m.Coding); err != nil {
						return fmt.Errorf("article %s: event %s: mention at %d: coding: %w", a.ID, e.ID, m.Start, err)
					}
				}
				mentionRows = append(mentionRows, []any{e.ID, a.ID, m.Start, m.End, m.Lang, m.Source, m.Sentence,
					m.Confidence, m.Date, m.DateInferred, m.Pattern, m.Published, coding, e.Key})
			}
		}
		for k := range rec.Statements {
			st := &rec.Statements[k]
			if st.ID == "" {
				return fmt.Errorf("article %s: statement %d has no id", a.ID, k)
			}
			lg, source := st.Lang, st.Source
			if lg == "" {
				lg = lang(a.Lang)
			}
			if source == "" {
				source = string(a.Source)
			}
			sp := st.Speaker
			stmts.Queue(insertStatement, st.ID, a.ID, sp.ID, sp.Name, text.Fold(sp.Name), sp.Type, sp.Country,
				sp.Sector, sp.Code, sp.Provisional, st.Verb, st.Text, lg, nullable(string(st.Date)),
				nullable(string(st.ClaimID)), st.Start, st.End, source, st.Direct, nonNil(st.Concepts))
			stmtClaims = append(stmtClaims, &claimStatement{claim: string(st.ClaimID), lang: lg, speaker: sp.Name,
				date: string(st.Date), concepts: st.Concepts})
			if id := string(st.ClaimID); id != "" && !clSeen[id] {
				clSeen[id] = true
				claimIDs = append(claimIDs, id)
				label := rec.ClaimLabel(id, st.Text)
				stmts.Queue(insertClaim, id, label, text.Fold(label))
				stmtClaims = append(stmtClaims, nil)
			}
		}
	}

	// Lock every event and claim in one global order before touching them.
	keys := make([]int64, 0, len(eventIDs)+len(claimIDs))
	for _, id := range eventIDs {
		keys = append(keys, lockKey("event", id))
	}
	for _, id := range claimIDs {
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

	tot := totals{articles: int64(len(fresh)), mentions: int64(len(mentionRows))}
	var touched map[string]*touched
	if len(eventIDs) > 0 {
		var err error
		if touched, err = s.touchEvents(eventIDs); err != nil {
			return err
		}
		for _, m := range mentionRows {
			touched[m[0].(string)].mentionAdded(m[4].(string), m[5].(string))
		}
	}
	if len(events) > 0 {
		b := &pgx.Batch{}
		for _, e := range events {
			src, tgt := e.Source, e.Target
			place, err := dyad.EncodeLocation(e.Location)
			if err != nil {
				return err
			}
			b.Queue(insertEvent, e.ID, e.Key, nullable(string(e.Date)), e.DatePrecision, e.DateInferred,
				src.Code, src.Name, src.ActorID, src.Country, src.Sector,
				tgt.Code, tgt.Name, tgt.ActorID, tgt.Country, tgt.Sector,
				e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, nullable(e.Location.Text()), e.CoderVersion, place)
		}
		if err := s.tx.SendBatch(s.ctx, b).Close(); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"actor_mentions", []string{"article_id", "seq", "span_start", "span_end", "text", "actor_id", "actor_name",
			"actor_type", "actor_country", "actor_sector", "actor_code", "provisional", "via"}, actorRows},
		{"signatures", []string{"article_id", "minhash", "bands"}, sigRows},
		{"bands", []string{"band", "article_id"}, bandRows},
		{"event_mentions", []string{"event_id", "article_id", "span_start", "span_end", "lang", "source", "sentence",
			"confidence", "date", "date_inferred", "pattern", "published", "coding", "key"}, mentionRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := s.tx.CopyFrom(s.ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	// An event shows the coding of its best mention (highest confidence, then the smallest article id and
	// offset), whichever order its mentions came in.
	if recodes.Len() > 0 {
		if err := s.tx.SendBatch(s.ctx, recodes).Close(); err != nil {
			return fmt.Errorf("recode events: %w", err)
		}
	}
	deltas := map[rollKey]rollDelta{}
	if len(eventIDs) > 0 {
		if _, err := s.tx.Exec(s.ctx, recountEvents, eventIDs); err != nil {
			return fmt.Errorf("recount events: %w", err)
		}
		after, err := s.eventStates(eventIDs)
		if err != nil {
			return fmt.Errorf("read event states: %w", err)
		}
		for _, id := range eventIDs {
			t, a := touched[id], after[id]
			if !t.existed {
				tot.events++
			}
			rollupDeltas(t, &a, deltas)
		}
	}
	added := map[string]*claimDelta{} // what the statements inserted bring to each claim
	if stmts.Len() > 0 {
		br := s.tx.SendBatch(s.ctx, stmts)
		for _, st := range stmtClaims {
			tag, err := br.Exec()
			if err != nil {
				br.Close()
				return fmt.Errorf("statements: %w", err)
			}
			switch {
			case st == nil:
				tot.claims += tag.RowsAffected()
			case tag.RowsAffected() > 0:
				tot.statements += tag.RowsAffected()
				if st.claim != "" {
					d := added[st.claim]
					if d == nil {
						d = &claimDelta{ID: st.claim, Langs: []string{}, Speakers: []string{}, Concepts: []string{}}
						added[st.claim] = d
					}
					d.add(st)
				}
			}
		}
		if err := br.Close(); err != nil {
			return fmt.Errorf("statements: %w", err)
		}
	}
	if len(claimIDs) > 0 {
		var deltas []*claimDelta
		for _, id := range claimIDs {
			if d := added[id]; d != nil {
				deltas = append(deltas, d)
			}
		}
		js, err := json.Marshal(deltas)
		if err != nil {
			return fmt.Errorf("claims: %w", err)
		}
		if _, err := s.tx.Exec(s.ctx, addToClaims, string(js)); err != nil {
			return fmt.Errorf("add to claims: %w", err)
		}
		if _, err := s.tx.Exec(s.ctx, insertClaimConcepts, claimIDs); err != nil {
			return fmt.Errorf("claim concepts: %w", err)
		}
	}
	return s.saveRollups(deltas, tot)
}

// insertEvent inserts an event, or gives a stored one the record's date when it is more precise (a day
// beats a month, a year, none; a stated date beats an inferred one of the same precision), so the outcome
// does not depend on the order in which articles arrive.
const insertEvent = `INSERT INTO events (id, key, date, date_precision, date_inferred,
	source_code, source_name, source_actor_id, source_country, source_sector,
	target_code, target_name, target_actor_id, target_country, target_sector,
	code, root, quad_class, goldstein, plover, location, coder_version, place)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
	ON CONFLICT (id) DO UPDATE SET date = excluded.date, date_precision = excluded.date_precision,
		date_inferred = excluded.date_inferred
	WHERE excluded.date IS NOT NULL AND (events.date IS NULL OR length(events.date) < length(excluded.date) OR
		(length(events.date) = length(excluded.date) AND events.date_inferred AND NOT excluded.date_inferred) OR
		(length(events.date) = length(excluded.date) AND events.date_inferred = excluded.date_inferred AND
			excluded.date < events.date))`

// recodeEvent sets an event's coding to a record's ($3...) when the record's article ($2) holds its best
// mention.
const recodeEvent = `UPDATE events SET source_code = $3, source_name = $4, source_actor_id = $5, source_country = $6,
	source_sector = $7, target_code = $8, target_name = $9, target_actor_id = $10, target_country = $11,
	target_sector = $12, code = $13, root = $14, quad_class = $15, goldstein = $16, plover = $17, location = $18, place = $19
	WHERE id = $1 AND (SELECT article_id FROM event_mentions WHERE event_id = $1
		ORDER BY confidence DESC, article_id, span_start LIMIT 1) = $2`

// The counters of an event are derived from its mentions; run under the event's advisory lock, the
// statement's snapshot holds every committed mention.
const recountEvents = `UPDATE events e SET num_mentions = m.n, num_articles = m.a, num_sources = m.s,
	languages = coalesce(m.l, '{}')
	FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a, count(DISTINCT nullif(source, '')) AS s,
		array_agg(DISTINCT lang ORDER BY lang) FILTER (WHERE lang <> '') AS l
		FROM event_mentions WHERE event_id = ANY($1) GROUP BY event_id) m
	WHERE e.id = m.event_id`

const insertStatement = `INSERT INTO statements (id, article_id, speaker_id, speaker_name, speaker_fold,
	speaker_type, speaker_country, speaker_sector, speaker_code, speaker_provisional, verb, text, lang, date,
	claim_id, span_start, span_end, source, direct, concepts)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
	ON CONFLICT (id) DO NOTHING`

const insertClaim = `INSERT INTO claims (id, label, label_fold) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`

const recountClaims = `UPDATE claims c SET count = s.n, first = coalesce(s.f, ''), last = coalesce(s.l, ''),
	languages = coalesce(s.langs, '{}'), speakers = coalesce(s.sp, '{}'),
	concepts = coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM statements s2, unnest(s2.concepts) AS x
		WHERE s2.claim_id = c.id), '{}')
	FROM (SELECT claim_id, count(*) AS n, min(date) AS f, max(date) AS l,
		array_agg(DISTINCT lang ORDER BY lang) FILTER (WHERE lang <> '') AS langs,
		array_agg(DISTINCT speaker_name ORDER BY speaker_name) FILTER (WHERE speaker_name <> '') AS sp
		FROM statements WHERE claim_id = ANY($1) GROUP BY claim_id) s
	WHERE c.id = s.claim_id`

// addToClaims adds to claims' counters what the statements a transaction added to them bring (a JSON
// array of claimDelta): the same values recountClaims would set, without reading the claims' other
// statements, whose number grows with the store. Transactions that touch one claim hold its lock in turn.
const addToClaims = `UPDATE claims c SET count = c.count + d.n,
	first = CASE WHEN d.f IS NULL OR (c.first <> '' AND c.first COLLATE "C" <= d.f COLLATE "C") THEN c.first ELSE d.f END,
	last = CASE WHEN d.l IS NULL OR c.last >= d.l COLLATE "C" THEN c.last ELSE d.l END,
	languages = ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(c.languages || d.langs) AS x ORDER BY 1),
	speakers = ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(c.speakers || d.speakers) AS x ORDER BY 1),
	concepts = ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(c.concepts || d.concepts) AS x ORDER BY 1)
	FROM json_to_recordset($1::json) AS d(id text, n integer, f text, l text, langs text[], speakers text[],
		concepts text[])
	WHERE c.id = d.id`

// claimStatement is what a statement brings to its claim's counters.
type claimStatement struct {
	claim, lang, speaker, date string
	concepts                   []string
}

// claimDelta is what the statements a transaction inserted bring to one claim, as addToClaims reads it.
type claimDelta struct {
	ID       string   `json:"id"`
	N        int      `json:"n"`
	First    *string  `json:"f"`
	Last     *string  `json:"l"`
	Langs    []string `json:"langs"`
	Speakers []string `json:"speakers"`
	Concepts []string `json:"concepts"`
}

func (d *claimDelta) add(st *claimStatement) {
	d.N++
	if st.date != "" {
		if d.First == nil || st.date < *d.First {
			d.First = &st.date
		}
		if d.Last == nil || st.date > *d.Last {
			d.Last = &st.date
		}
	}
	if st.lang != "" && !slices.Contains(d.Langs, st.lang) {
		d.Langs = append(d.Langs, st.lang)
	}
	if st.speaker != "" && !slices.Contains(d.Speakers, st.speaker) {
		d.Speakers = append(d.Speakers, st.speaker)
	}
	for _, c := range st.concepts {
		if !slices.Contains(d.Concepts, c) {
			d.Concepts = append(d.Concepts, c)
		}
	}
}

const insertClaimConcepts = `INSERT INTO claim_concepts (concept, claim_id)
	SELECT DISTINCT x, c.id FROM claims c, unnest(c.concepts) AS x WHERE c.id = ANY($1)
	ON CONFLICT DO NOTHING`

// fillMention completes a mention with what its article knows.
func fillMention(m *dyad.EventMention, a *dyad.Article) {
	m.ArticleID = a.ID
	if m.Lang == "" {
		m.Lang = lang(a.Lang)
	}
	if m.Source == "" {
		m.Source = string(a.Source)
	}
	if m.Published == "" {
		m.Published = string(a.Published)
	}
}

// nullable maps the empty string to SQL NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// lang is the stored language code: "und" when unknown.
func lang(l string) string {
	if l == "" {
		return "und"
	}
	return l
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
