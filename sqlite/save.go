package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
	msqlite "modernc.org/sqlite"
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

// SaveBatch stores many records in one transaction, which is much faster than one Save each. stored[i]
// reports whether recs[i] was new; a record whose article is already stored, or repeats an earlier one of
// the batch, changes nothing. On error nothing of the batch is stored.
func (db *DB) SaveBatch(ctx context.Context, recs []*dyad.Record) (stored []bool, err error) {
	return db.saveBatch(ctx, recs, nil)
}

// SaveLinked takes the write lock every writer of the file takes (BEGIN IMMEDIATE), calls link, which links
// the records against what is stored and returns those to save, and saves them in the same transaction:
// see dyad.LinkSaver. Two processes that ingest into one file then see each other's records as one sees
// its own. stored[i] is for the i-th record link returned.
func (db *DB) SaveLinked(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	if db.memory { // one connection, which the transaction would hold: link under a mutex instead
		db.linkMu.Lock()
		defer db.linkMu.Unlock()
		linked, err := link(ctx)
		if err != nil {
			return nil, err
		}
		return db.saveBatch(ctx, linked, nil)
	}
	return db.saveBatch(ctx, recs, link)
}

func (db *DB) saveBatch(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) (stored []bool, err error) {
	large := !db.memory && slices.ContainsFunc(recs, func(rec *dyad.Record) bool { return rec != nil && len(rec.Article.Text) >= largeText })
	if large { // back to the usual cache once the transaction is over, committed or not
		defer db.writer.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size(%d)", -writerCacheKiB))
	}
	tx, err := db.begin(ctx, ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: save: begin: %w", err)
	}
	if large {
		if _, err = tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size(%d)", -largeCacheKiB)); err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("sqlite: save: %w", err)
		}
	}
	stored, refs, err := db.saveIn(ctx, tx, recs, link, nil)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: save: commit: %w", err)
	}
	db.afterCommit(ctx, refs)
	db.checkpoint(ctx)
	return stored, nil
}

// afterCommit is what a committed save leaves for the next ones, on either path (Save, a group's Commit): the
// actors it stored, the near-duplicate signatures it added.
func (db *DB) afterCommit(ctx context.Context, refs map[dyad.ActorRef]int64) {
	db.keepRefs(refs)
	db.sigs.committed(context.WithoutCancel(ctx), db.writer)
}

// saveIn links (when link is set) and saves recs in tx, which it leaves open: the caller commits or rolls
// back. It returns the actor_refs rowids it found or added, which the DB keeps once tx commits; groupRefs
// holds those of a group's earlier batches (still uncommitted, so not in the DB's memory).
func (db *DB) saveIn(ctx context.Context, tx *sql.Tx, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error),
	groupRefs map[dyad.ActorRef]int64) (stored []bool, refs map[dyad.ActorRef]int64, err error) {
	if link != nil {
		// The link stage reads through this transaction (linkReads): no other commit can come while it holds
		// the write lock, and it sees what the group's earlier batches saved (SaveGroup).
		lctx, done := db.withLinkReads(ctx, tx)
		recs, err = link(lctx)
		done()
		if err != nil {
			return nil, nil, err
		}
	}
	stored = make([]bool, len(recs))
	for i, rec := range recs {
		if rec == nil {
			return nil, nil, fmt.Errorf("sqlite: save: record %d is nil", i)
		}
		if rec.Article.ID == "" {
			return nil, nil, fmt.Errorf("sqlite: save: record %d (%s): article has no id", i, rec.Article.URI)
		}
	}
	// The statements run under a context that is never cancelled: under a cancellable one the driver starts a
	// goroutine watching it and a progress handler for every statement run (~2% of an ingest's CPU for some
	// 200 short statements an article). A cancelled ctx still ends the save between two records, and the
	// caller rolls the transaction back.
	s := &saver{ctx: context.WithoutCancel(ctx), tx: tx, stmts: map[string]*sql.Stmt{}, db: db, groupRefs: groupRefs}
	defer s.close()
	if err := s.touchEvents(recs); err != nil {
		return nil, nil, fmt.Errorf("sqlite: save: %w", err)
	}
	now := time.Now().UTC()
	for i, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("sqlite: save: %w", err)
		}
		ok, err := s.save(rec, now)
		if err != nil {
			return nil, nil, fmt.Errorf("sqlite: save article %s (%s): %w", rec.Article.ID, rec.Article.URI, err)
		}
		stored[i] = ok
	}
	if err := s.saveBands(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: save: bands: %w", err)
	}
	if err := s.finish(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: save: %w", err)
	}
	for i, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("sqlite: save: %w", err)
		}
		if stored[i] && len(rec.Merge) > 0 {
			if err := s.merge(rec); err != nil {
				return nil, nil, fmt.Errorf("sqlite: save article %s: %w", rec.Article.ID, err)
			}
		}
		if stored[i] && len(rec.Demote) > 0 {
			if err := s.demote(rec); err != nil {
				return nil, nil, fmt.Errorf("sqlite: save article %s: demote %v: %w", rec.Article.ID, rec.Demote, err)
			}
		}
	}
	if err := s.indexTexts(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: save: %w", err)
	}
	return stored, s.newRefs, nil
}

// saver runs the statements of one save transaction, preparing each once.
type saver struct {
	ctx    context.Context
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt
	events []string // events that gained mentions, to recount once at the end
	evSeen map[string]bool
	// touched holds the rollup state of the events, tot the rows added to the totals.
	touched map[string]*touched
	tot     totals
	claims  []string // claims that gained statements
	clAdded map[string]*claimDelta
	rowsQ   map[rowsKey]string // multi-row inserts by head and rows
	texts   []newText          // the new articles, for the full-text index
	bands   []bandRow          // the new articles' LSH bands, inserted after the records (saveBands)
	buf     []byte             // an article's actor mentions as stored, reused
	db      *DB
	newRefs map[dyad.ActorRef]int64 // the actor_refs rows this batch found or added
	// groupRefs are those the group's earlier batches found or added (SaveGroup), not committed yet
	groupRefs map[dyad.ActorRef]int64
	ridBuf    []int64
	refBuf    []byte
}

// maxRefs bounds the actor_refs rowids a DB keeps in memory (about 200 bytes each): past it they are
// forgotten and read again as saves need them.
const maxRefs = 1 << 17

// keepRefs keeps the actor_refs rowids of a committed transaction for the next saves. The rows are never
// changed or deleted, so a rowid once committed stays right whichever process saves next.
func (db *DB) keepRefs(refs map[dyad.ActorRef]int64) {
	if len(refs) == 0 {
		return
	}
	db.refsMu.Lock()
	defer db.refsMu.Unlock()
	if db.refs == nil || len(db.refs)+len(refs) > maxRefs {
		db.refs = make(map[dyad.ActorRef]int64, len(refs))
	}
	maps.Copy(db.refs, refs)
}

// actorRefs returns the rowids in actor_refs of actors, adding the actors it does not hold. Most of an
// article's actors are known from earlier saves: their rowids come from the DB's memory.
func (s *saver) actorRefs(actors []dyad.ActorRef) ([]int64, error) {
	out := s.ridBuf[:0]
	for i := range actors {
		a := &actors[i]
		rid, ok := s.newRefs[*a]
		if !ok {
			rid, ok = s.groupRefs[*a]
		}
		if !ok {
			s.db.refsMu.Lock()
			rid, ok = s.db.refs[*a]
			s.db.refsMu.Unlock()
		}
		if !ok {
			s.refBuf = appendActorRef(s.refBuf[:0], a)
			ref := string(s.refBuf)
			err := s.queryRow("SELECT rid FROM actor_refs WHERE ref = ?", ref).Scan(&rid)
			if errors.Is(err, sql.ErrNoRows) {
				var res sql.Result
				if res, err = s.exec("INSERT INTO actor_refs (ref) VALUES (?)", ref); err == nil {
					rid, err = res.LastInsertId()
				}
			}
			if err != nil {
				return nil, fmt.Errorf("actor %s: %w", a.ID, err)
			}
			if s.newRefs == nil {
				s.newRefs = map[dyad.ActorRef]int64{}
			}
			// Kept by the DB once committed: its own copy, as a name may be a slice of the article's text,
			// which the key would keep alive.
			s.newRefs[dyad.ActorRef{ID: strings.Clone(a.ID), Name: strings.Clone(a.Name), Type: strings.Clone(a.Type),
				Country: strings.Clone(a.Country), Sector: strings.Clone(a.Sector), Code: strings.Clone(a.Code),
				Provisional: a.Provisional}] = rid
		}
		out = append(out, rid)
	}
	s.ridBuf = out
	return out, nil
}

// newText is a new article to add to the full-text index, by its rowid.
type newText struct {
	rid int64
	a   *dyad.Article
}

// indexTexts adds the batch's new articles to the full-text index, last in the transaction: FTS5 holds what
// it is given in memory until the commit, but writes it out as a new segment of its index at the start of
// every statement that may need undoing alone (a multi-row insert, an update of several rows), and many
// small segments cost more to write and then to merge.
func (s *saver) indexTexts() error {
	for _, t := range s.texts {
		if _, err := s.exec("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
			t.rid, foldLetters(t.a.Title), foldLetters(indexedText(t.a.Text))); err != nil {
			return fmt.Errorf("index text of article %s (%s): %w", t.a.ID, t.a.URI, err)
		}
	}
	return nil
}

func (s *saver) exec(query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(s.ctx, args...)
}

// query is exec for a query of rows.
func (s *saver) query(query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(s.ctx, args...)
}

// queryRow is exec for a query of one row.
func (s *saver) queryRow(query string, args ...any) *sql.Row {
	st, err := s.stmt(query)
	if err != nil {
		return s.tx.QueryRowContext(s.ctx, query, args...) // the same error, in a Row
	}
	return st.QueryRowContext(s.ctx, args...)
}

func (s *saver) stmt(query string) (*sql.Stmt, error) {
	st, ok := s.stmts[query]
	if !ok {
		var err error
		st, err = s.tx.PrepareContext(s.ctx, query)
		if err != nil {
			return nil, err
		}
		s.stmts[query] = st
	}
	return st, nil
}

func (s *saver) close() {
	for _, st := range s.stmts {
		st.Close()
	}
}

const insertArticle = `INSERT INTO articles (id, uri, url, source, source_fold, title, lang, lang_confidence,
	published, published_from, dateline, text, near_duplicate_of, paragraphs, ingested)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

// insertActorMentions stores an article's actor mentions, one JSON value under its rowid (appendMentions),
// its actors by their rowid in actor_refs (saver.actorRefs).
const insertActorMentions = `INSERT INTO actor_mentions (rid, mentions) VALUES (?, ?)`

// insertEvent inserts an event, or gives a stored one the record's date when it is more precise (a day
// beats a month, a year, none; a stated date beats an inferred one of the same precision), so the outcome
// does not depend on the order in which articles arrive.
const insertEvent = `INSERT INTO events (id, key, date, date_precision, date_inferred,
	source_code, source_name, source_actor_id, source_country, source_sector,
	target_code, target_name, target_actor_id, target_country, target_sector,
	code, root, quad_class, goldstein, plover, location, coder_version, place,
	num_mentions, num_articles, num_sources, languages)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET date = excluded.date, date_precision = excluded.date_precision,
		date_inferred = excluded.date_inferred
	WHERE excluded.date IS NOT NULL AND (events.date IS NULL OR length(events.date) < length(excluded.date) OR
		(length(events.date) = length(excluded.date) AND events.date_inferred AND NOT excluded.date_inferred) OR
		(length(events.date) = length(excluded.date) AND events.date_inferred = excluded.date_inferred AND
			excluded.date < events.date))`

// recodeEvent sets an event's coding to the record's (?3...) when the coding differs: rewriting a row with
// the same values would still rewrite the entries of every index over those columns. The saver runs it when
// the record's article (?2, unused) holds the event's best mention (the highest confidence, then the smallest
// article id and offset: touched.best, from the mentions read at the start and those the transaction added),
// which reading them all again here for every mention of a much-told event did.
const recodeEvent = `UPDATE events SET source_code = ?3, source_name = ?4, source_actor_id = ?5, source_country = ?6,
	source_sector = ?7, target_code = ?8, target_name = ?9, target_actor_id = ?10, target_country = ?11,
	target_sector = ?12, code = ?13, root = ?14, quad_class = ?15, goldstein = ?16, plover = ?17, location = ?18, place = ?19
	WHERE id = ?1 AND ?2 IS NOT NULL
	AND (source_code, source_name, source_actor_id, source_country, source_sector, target_code, target_name,
		target_actor_id, target_country, target_sector, code, root, quad_class, goldstein, plover, location, place)
		IS NOT (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)`

const insertEventMention = `INSERT INTO event_mentions (event_id, article_id, span_start, span_end, lang, source,
	sentence, confidence, date, date_inferred, pattern, published, coding, key, article_rid)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, article_id, span_start) DO NOTHING`

// The counters of an event are derived from its mentions, so they stay right whatever order mentions come in.
const recountEvent = `UPDATE events SET
	num_mentions = (SELECT count(*) FROM event_mentions WHERE event_id = ?1),
	num_articles = (SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_id = ?1),
	num_sources = (SELECT count(DISTINCT source) FROM event_mentions WHERE event_id = ?1 AND source <> ''),
	languages = (SELECT json_group_array(lang) FROM
		(SELECT DISTINCT lang FROM event_mentions WHERE event_id = ?1 AND lang <> '' ORDER BY lang)),
	outlets = NULL, best = NULL
	WHERE id = ?1`

const insertStatement = `INSERT INTO statements (id, article_id, speaker_id, speaker_name, speaker_fold,
	speaker_type, speaker_country, speaker_sector, speaker_code, speaker_provisional, verb, text, lang, date,
	claim_id, span_start, span_end, source, direct, concepts, article_rid)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

const insertClaim = `INSERT INTO claims (id, label, label_fold) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`

const recountClaim = `UPDATE claims SET
	count = (SELECT count(*) FROM statements WHERE claim_id = ?1),
	first = coalesce((SELECT min(date) FROM statements WHERE claim_id = ?1), ''),
	last = coalesce((SELECT max(date) FROM statements WHERE claim_id = ?1), ''),
	languages = (SELECT json_group_array(lang) FROM
		(SELECT DISTINCT lang FROM statements WHERE claim_id = ?1 AND lang <> '' ORDER BY lang)),
	speakers = (SELECT json_group_array(speaker_name) FROM
		(SELECT DISTINCT speaker_name FROM statements WHERE claim_id = ?1 AND speaker_name <> '' ORDER BY speaker_name)),
	concepts = (SELECT json_group_array(value) FROM
		(SELECT DISTINCT j.value FROM statements s, json_each(s.concepts) j WHERE s.claim_id = ?1 ORDER BY j.value))
	WHERE id = ?1`

const insertClaimConcepts = `INSERT OR IGNORE INTO claim_concepts (concept, claim_id)
	SELECT j.value, ?1 FROM claims c, json_each(c.concepts) j WHERE c.id = ?1`

// addToClaim adds to a claim's counters what the statements a transaction added to it bring (?2 statements,
// dated ?3 to ?4 or NULL, the JSON arrays ?5 of languages, ?6 of speakers, ?7 of concepts): the same values
// recountClaim would set, without reading the claim's other statements, whose number grows with the store
// (a claim such as "the EU on the United States: free trade" gathers statements from every year).
const addToClaim = `UPDATE claims SET count = count + ?2,
	first = CASE WHEN ?3 IS NULL OR (first <> '' AND first <= ?3) THEN first ELSE ?3 END,
	last = CASE WHEN ?4 IS NULL OR last >= ?4 THEN last ELSE ?4 END,
	languages = (SELECT json_group_array(value) FROM
		(SELECT value FROM json_each(claims.languages) UNION SELECT value FROM json_each(?5) ORDER BY value)),
	speakers = (SELECT json_group_array(value) FROM
		(SELECT value FROM json_each(claims.speakers) UNION SELECT value FROM json_each(?6) ORDER BY value)),
	concepts = (SELECT json_group_array(value) FROM
		(SELECT value FROM json_each(claims.concepts) UNION SELECT value FROM json_each(?7) ORDER BY value))
	WHERE id = ?1`

// addClaimConcepts indexes a claim (?1) by the concepts (JSON array ?2) its new statements brought: those
// its stored statements have are indexed already.
const addClaimConcepts = `INSERT OR IGNORE INTO claim_concepts (concept, claim_id) SELECT value, ?1 FROM json_each(?2)`

// claimDelta is what the statements a transaction added to a claim change in its counters.
type claimDelta struct {
	n                         int
	first, last               string // of the dated statements; "" when none is dated
	langs, speakers, concepts map[string]bool
}

func (d *claimDelta) add(lang, speaker, date string, concepts []string) {
	d.n++
	if date != "" {
		if d.first == "" || date < d.first {
			d.first = date
		}
		if date > d.last {
			d.last = date
		}
	}
	if lang != "" {
		d.langs[lang] = true
	}
	if speaker != "" {
		d.speakers[speaker] = true
	}
	for _, c := range concepts {
		d.concepts[c] = true
	}
}

// jsonSet is a set of strings as a JSON array, for json_each.
func jsonSet(m map[string]bool) (string, error) {
	if len(m) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(slices.Sorted(maps.Keys(m)))
	return string(b), err
}

// save writes one record and reports whether its article was new.
func (s *saver) save(rec *dyad.Record, now time.Time) (bool, error) {
	a := &rec.Article
	ingested := a.Ingested
	if ingested.IsZero() {
		ingested = now
	}
	paras, err := json.Marshal(nonNil(a.Paragraphs))
	if err != nil {
		return false, fmt.Errorf("paragraphs: %w", err)
	}
	res, err := s.exec(insertArticle, a.ID, a.URI, nullable(string(a.URL)), nullable(string(a.Source)),
		text.Fold(string(a.Source)), a.Title, lang(a.Lang), a.LangConfidence, nullable(string(a.Published)),
		a.PublishedFrom, nullable(string(a.Dateline)), a.Text, nullable(string(a.NearDuplicateOf)), string(paras),
		ingested.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return false, fmt.Errorf("insert article: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err // already stored: nothing else is touched
	}
	rid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	s.tot.articles++
	s.texts = append(s.texts, newText{rid, a})
	if len(rec.Mentions) > 0 {
		actors, idx := distinctActors(rec.Mentions)
		refs, err := s.actorRefs(actors)
		if err != nil {
			return false, fmt.Errorf("actor mentions: %w", err)
		}
		s.buf = appendMentions(s.buf[:0], rec.Mentions, idx, refs, a.Text)
		if _, err := s.exec(insertActorMentions, rid, string(s.buf)); err != nil {
			return false, fmt.Errorf("actor mentions: %w", err)
		}
	}
	if sig := rec.Signature; sig != nil {
		if err := s.saveSignature(a.ID, rid, sig); err != nil {
			return false, err
		}
	}
	for i := range rec.Events {
		if err := s.saveEvent(a, rid, &rec.Events[i]); err != nil {
			return false, fmt.Errorf("event %s: %w", rec.Events[i].ID, err)
		}
	}
	for i := range rec.Statements {
		if err := s.saveStatement(rec, rid, &rec.Statements[i]); err != nil {
			return false, fmt.Errorf("statement %s: %w", rec.Statements[i].ID, err)
		}
	}
	return true, nil
}

// saveSignature stores an article's MinHash signature and its LSH bands under the article's rowid.
func (s *saver) saveSignature(articleID string, rid int64, sig *dyad.Signature) error {
	mh := make([]byte, 4*len(sig.MinHash))
	for i, v := range sig.MinHash {
		binary.LittleEndian.PutUint32(mh[4*i:], v)
	}
	bs := make([]byte, 8*len(sig.Bands))
	for i, v := range sig.Bands {
		binary.LittleEndian.PutUint64(bs[8*i:], v)
	}
	if _, err := s.exec("INSERT INTO signatures (rid, article_id, minhash, bands) VALUES (?, ?, ?, ?)", rid, articleID, mh, bs); err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	for _, b := range sig.Bands {
		s.bands = append(s.bands, bandRow{int64(b), rid})
	}
	return nil
}

// bandRow is a row of the bands table.
type bandRow struct{ band, rid int64 }

// recentBands is how many band rows (32 an article) bands_recent holds before saveBands moves them into bands
// (a variable so that tests can move them sooner).
var recentBands = 1 << 16

// saveBands inserts the LSH bands of the batch's new articles in the order of the table's key into
// bands_recent, and moves that table's rows into bands, in key order, once it holds recentBands of them. Each
// article's 32 bands fall at random leaves of the b-tree: inserted batch by batch into the large table they
// dirtied nearly all its leaves at every commit, so the WAL frames a save wrote grew with the store; moved
// eight batches' worth at a time, a leaf is written once for all of them, and bands_recent stays small. A
// lookup asks both tables (SimilarArticles). Nothing reads the bands between the saves of the records.
func (s *saver) saveBands() error {
	if len(s.bands) == 0 {
		return nil
	}
	slices.SortFunc(s.bands, func(a, b bandRow) int { return cmp.Or(cmp.Compare(a.band, b.band), cmp.Compare(a.rid, b.rid)) })
	args := make([]any, 0, 2*len(s.bands))
	for _, b := range s.bands {
		args = append(args, b.band, b.rid)
	}
	if err := s.insertRows("INSERT OR IGNORE INTO bands_recent (band, rid)", 2, args); err != nil {
		return err
	}
	var n int
	if err := s.queryRow("SELECT count(*) FROM bands_recent").Scan(&n); err != nil {
		return fmt.Errorf("recent bands: %w", err)
	}
	if n < recentBands {
		return nil
	}
	if _, err := s.exec("INSERT OR IGNORE INTO bands (band, rid) SELECT band, rid FROM bands_recent ORDER BY band, rid"); err != nil {
		return fmt.Errorf("move recent bands: %w", err)
	}
	if _, err := s.exec("DELETE FROM bands_recent"); err != nil {
		return fmt.Errorf("move recent bands: %w", err)
	}
	return nil
}

// rowsPerInsert is the most rows insertRows writes with one statement.
const rowsPerInsert = 32

// insertRows runs head VALUES (...), (...) over args, cols values a row, rowsPerInsert rows a
// statement: one statement a row spent more in the driver (binding, a goroutine watching the context for
// each call) than SQLite spent inserting.
func (s *saver) insertRows(head string, cols int, args []any) error {
	for len(args) > 0 {
		n := min(len(args)/cols, rowsPerInsert)
		q := s.rowsQuery(head, cols, n)
		if _, err := s.exec(q, args[:n*cols]...); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

// rowsQuery builds (once per saver) the text of a multi-row insert of n rows.
func (s *saver) rowsQuery(head string, cols, n int) string {
	k := rowsKey{head, n}
	if q, ok := s.rowsQ[k]; ok {
		return q
	}
	row := "(" + placeholders(cols) + ")"
	q := head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	if s.rowsQ == nil {
		s.rowsQ = map[rowsKey]string{}
	}
	s.rowsQ[k] = q
	return q
}

type rowsKey struct {
	head string
	n    int
}

// saveEvent inserts the event unless it is stored, then the record's mentions of it. Mentions of other
// articles (an event the link stage folded, carrying its stored mentions) are already stored with theirs.
func (s *saver) saveEvent(a *dyad.Article, rid int64, e *dyad.Event) error {
	if e.ID == "" {
		return fmt.Errorf("event has no id")
	}
	t := s.touched[e.ID] // read by touchEvents
	// An event neither stored before the transaction nor saved by an earlier record of it is created by
	// this insert, with this record's coding: there is nothing to recode.
	created := !t.existed && !s.evSeen[e.ID]
	src, tgt := e.Source, e.Target
	place, err := dyad.EncodeLocation(e.Location)
	if err != nil {
		return err
	}
	// An event the insert creates gets the counters of this record's mentions of it (count leaves them when
	// no later record of the transaction adds to them); a stored one keeps its own (the conflict's update
	// does not touch them).
	pre := counters{langs: "[]"}
	if created {
		if c, ok := recordCounters(a, e); ok {
			pre, t.preset, t.presetOK = c, c, true
		}
	}
	if _, err := s.exec(insertEvent, e.ID, e.Key, nullable(string(e.Date)), e.DatePrecision, e.DateInferred,
		src.Code, src.Name, src.ActorID, src.Country, src.Sector,
		tgt.Code, tgt.Name, tgt.ActorID, tgt.Country, tgt.Sector,
		e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, nullable(e.Location.Text()), e.CoderVersion, place,
		pre.mentions, pre.articles, pre.sources, pre.langs); err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	for _, m := range e.Mentions {
		if m.ArticleID != "" && m.ArticleID != a.ID {
			continue
		}
		fillMention(&m, a)
		coding, err := encodeCoding(m.Coding)
		if err != nil {
			return fmt.Errorf("mention at %d: %w", m.Start, err)
		}
		res, err := s.exec(insertEventMention, e.ID, m.ArticleID, m.Start, m.End, m.Lang, m.Source, m.Sentence,
			m.Confidence, m.Date, m.DateInferred, m.Pattern, m.Published, coding, e.Key, rid)
		if err != nil {
			return fmt.Errorf("mention at %d: %w", m.Start, err)
		}
		added, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("mention at %d: %w", m.Start, err)
		}
		if added > 0 {
			s.tot.mentions++
			t.mentionAdded(m.ArticleID, m.Lang, m.Source, m.Confidence, m.Start)
		}
	}
	// The event shows the coding of its best mention (highest confidence, then the smallest article id
	// and offset), whichever order its mentions came in: this record's when its mention is now the best.
	if !created && t.best.article == a.ID {
		if _, err := s.exec(recodeEvent, e.ID, a.ID, src.Code, src.Name, src.ActorID, src.Country, src.Sector,
			tgt.Code, tgt.Name, tgt.ActorID, tgt.Country, tgt.Sector,
			e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, nullable(e.Location.Text()), place); err != nil {
			return fmt.Errorf("recode: %w", err)
		}
	}
	if s.evSeen == nil {
		s.evSeen = map[string]bool{}
	}
	if !s.evSeen[e.ID] {
		s.evSeen[e.ID] = true
		s.events = append(s.events, e.ID)
	}
	return nil
}

// counters are an event's num_mentions, num_articles, num_sources and languages (a JSON array).
type counters struct {
	mentions, articles, sources int
	langs                       string
}

// recordCounters are the counters of an event whose only mentions are those of article a that the record
// holds: one a span (event_mentions keeps the first of two at one offset), their outlets and languages as
// fillMention completes them. ok is false when jsonCodes cannot write the languages.
func recordCounters(a *dyad.Article, e *dyad.Event) (c counters, ok bool) {
	var starts []int
	var langs, sources []string
	for _, m := range e.Mentions {
		if (m.ArticleID != "" && m.ArticleID != a.ID) || slices.Contains(starts, m.Start) {
			continue
		}
		starts = append(starts, m.Start)
		fillMention(&m, a)
		langs = append(langs, m.Lang)
		if m.Source != "" && !slices.Contains(sources, m.Source) {
			sources = append(sources, m.Source)
		}
	}
	c.mentions, c.sources = len(starts), len(sources)
	if len(starts) > 0 {
		c.articles = 1
	}
	c.langs, ok = jsonCodes(langs)
	return c, ok
}

// encodeCoding is a mention's own coding as stored: JSON, or NULL when it has none.
func encodeCoding(c *dyad.MentionCoding) (any, error) {
	if c == nil {
		return nil, nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("coding: %w", err)
	}
	return string(b), nil
}

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

func (s *saver) saveStatement(rec *dyad.Record, rid int64, st *dyad.Statement) error {
	a := &rec.Article
	if st.ID == "" {
		return fmt.Errorf("statement has no id")
	}
	concepts, err := json.Marshal(nonNil(st.Concepts))
	if err != nil {
		return err
	}
	lg, source := st.Lang, st.Source
	if lg == "" {
		lg = lang(a.Lang)
	}
	if source == "" {
		source = string(a.Source)
	}
	sp := st.Speaker
	res, err := s.exec(insertStatement, st.ID, a.ID, sp.ID, sp.Name, text.Fold(sp.Name), sp.Type, sp.Country,
		sp.Sector, sp.Code, sp.Provisional, st.Verb, st.Text, lg, nullable(string(st.Date)),
		nullable(string(st.ClaimID)), st.Start, st.End, source, st.Direct, string(concepts), rid)
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	s.tot.statements += n
	if n == 0 || st.ClaimID == "" {
		return nil
	}
	id := string(st.ClaimID)
	label := rec.ClaimLabel(id, st.Text)
	res, err = s.exec(insertClaim, id, label, text.Fold(label))
	if err != nil {
		return fmt.Errorf("claim %s: %w", id, err)
	}
	added, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("claim %s: %w", id, err)
	}
	s.tot.claims += added
	if s.clAdded == nil {
		s.clAdded = map[string]*claimDelta{}
	}
	d := s.clAdded[id]
	if d == nil {
		d = &claimDelta{langs: map[string]bool{}, speakers: map[string]bool{}, concepts: map[string]bool{}}
		s.clAdded[id] = d
		s.claims = append(s.claims, id)
	}
	d.add(lg, sp.Name, string(st.Date), st.Concepts)
	return nil
}

// finish recounts the events and claims the transaction touched, and updates the rollups.
func (s *saver) finish() error {
	for _, id := range s.events {
		if err := s.count(id); err != nil {
			return fmt.Errorf("recount event %s: %w", id, err)
		}
	}
	after, err := s.eventStates(s.events)
	if err != nil {
		return fmt.Errorf("read event states: %w", err)
	}
	deltas := map[rollKey]rollDelta{}
	for _, id := range s.events {
		t, a := s.touched[id], after[id]
		if !t.existed {
			s.tot.events++
		}
		rollupDeltas(t, &a, deltas)
	}
	for _, id := range s.claims {
		if err := s.addToClaim(id, s.clAdded[id]); err != nil {
			return fmt.Errorf("claim %s: %w", id, err)
		}
	}
	return s.saveRollups(deltas)
}

// setCounters sets an event's counters (?2...) to what recountEvent would, and its outlets and best mention
// (?6, ?7: migration 0019).
const setCounters = `UPDATE events SET num_mentions = ?2, num_articles = ?3, num_sources = ?4, languages = ?5,
	outlets = ?6, best = ?7 WHERE id = ?1`

// count sets the counters of an event the transaction saved. Those of an event it created come from the
// mentions it added, all the event has (merges and demotions come after): recountEvent's four subqueries over
// them cost more than the update (4% of a save), and when they are what its insert wrote (recordCounters:
// no later record of the batch told it) nothing is written. The languages are written as SQLite's json_group_array
// writes them; a language with a byte JSON would escape, which no language code has, is left to recountEvent.
//
// A stored event's counters are likewise those it had plus what the transaction added: its mentions and
// articles (each added mention is of an article the transaction stores, which no stored mention names), its
// outlets and languages, all of them read at the start (touchEvents). recountEvent read every mention of a
// much-told event twice more for each batch that told it again.
func (s *saver) count(id string) error {
	t := s.touched[id]
	if t == nil {
		_, err := s.exec(recountEvent, id)
		return err
	}
	if t.existed && t.mentions == 0 {
		return nil // nothing added: the stored counters stand
	}
	outlets, ls := t.newOutlets, t.newLangs
	if t.existed {
		outlets, ls = slices.Collect(maps.Keys(t.outlets)), slices.Collect(maps.Keys(t.langs))
	}
	langs, ok := jsonCodes(ls)
	if !ok {
		_, err := s.exec(recountEvent, id)
		return err
	}
	sources := len(outlets)
	if slices.Contains(outlets, "") {
		sources--
	}
	c := counters{t.mentions, len(t.articles), sources, langs}
	if t.existed {
		c.mentions += t.storedMentions
		c.articles += t.storedArticles
	} else if t.presetOK && c == t.preset { // what the insert wrote: no later record added to the event
		return nil
	}
	all, best, err := t.summary(outlets)
	if err != nil {
		return err
	}
	_, err = s.exec(setCounters, id, c.mentions, c.articles, c.sources, c.langs, all, best)
	return err
}

// jsonCodes is the JSON array of the distinct non-empty codes in byte order, as json_group_array writes it
// over SELECT DISTINCT ... ORDER BY; ok is false when a code has a byte outside printable ASCII, a quote or
// a backslash, which the two encoders might write differently.
func jsonCodes(codes []string) (string, bool) {
	sorted := slices.Sorted(slices.Values(codes))
	var b strings.Builder
	b.WriteByte('[')
	n := 0
	for i, c := range sorted {
		if c == "" || (i > 0 && c == sorted[i-1]) {
			continue
		}
		for j := 0; j < len(c); j++ {
			if c[j] < 0x20 || c[j] > 0x7e || c[j] == '"' || c[j] == '\\' {
				return "", false
			}
		}
		if n > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(c)
		b.WriteByte('"')
		n++
	}
	b.WriteByte(']')
	return b.String(), true
}

// addToClaim adds the statements of d to claim id's counters and concepts.
func (s *saver) addToClaim(id string, d *claimDelta) error {
	langs, err := jsonSet(d.langs)
	if err != nil {
		return err
	}
	speakers, err := jsonSet(d.speakers)
	if err != nil {
		return err
	}
	concepts, err := jsonSet(d.concepts)
	if err != nil {
		return err
	}
	if _, err := s.exec(addToClaim, id, d.n, nullable(d.first), nullable(d.last), langs, speakers, concepts); err != nil {
		return fmt.Errorf("count: %w", err)
	}
	if len(d.concepts) > 0 {
		if _, err := s.exec(addClaimConcepts, id, concepts); err != nil {
			return fmt.Errorf("concepts: %w", err)
		}
	}
	return nil
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

// begin starts a write transaction (BEGIN IMMEDIATE: the file's write lock). Another process that ingests
// into the file can hold the lock past busy_timeout: it takes it again for its next batch as soon as it
// commits, and SQLite's waiters, who poll, do not queue behind it. A lock held by another writer is no fault
// of the records, so begin tries again, after a growing pause (10 ms to 1 s, jittered), for as long as the
// lock is busy and ctx lasts, where the documents of the batch used to fail.
func (db *DB) begin(ctx, txCtx context.Context) (*sql.Tx, error) {
	pause := 10 * time.Millisecond
	for {
		tx, err := db.writer.BeginTx(txCtx, nil)
		if err == nil || !isBusy(err) {
			return tx, err
		}
		t := time.NewTimer(pause/2 + rand.N(pause))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, err
		case <-t.C:
		}
		pause = min(2*pause, time.Second)
	}
}

// isBusy tells SQLITE_BUSY (or one of its extended codes): another connection holds the lock.
func isBusy(err error) bool {
	var se *msqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}
