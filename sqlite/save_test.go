package sqlite

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// TestBandsOfBatch saves records in batches of different sizes (saveBands inserts a batch's bands sorted,
// after its records, into bands_recent, moved into bands when that holds recentBands rows) and checks that the
// two tables hold every band of every stored article's signature under the article's rowid, once, no other
// row, that rows were moved, and that each article finds itself among its similar ones.
func TestBandsOfBatch(t *testing.T) {
	defer func(n int) { recentBands = n }(recentBands)
	recentBands = 32 * 30
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	recs := storetest.SyntheticRecords(90, 11)
	for _, batch := range [][2]int{{0, 1}, {1, 40}, {40, 43}, {43, 88}, {88, 90}} {
		if _, err := db.SaveBatch(ctx, recs[batch[0]:batch[1]]); err != nil {
			t.Fatal(err)
		}
	}
	var want []bandRow
	for _, rec := range recs {
		if rec.Signature == nil {
			continue
		}
		var rid int64
		if err := db.writer.QueryRowContext(ctx, `SELECT rid FROM articles WHERE id = ?`, rec.Article.ID).Scan(&rid); err != nil {
			t.Fatalf("article %s: %v", rec.Article.ID, err)
		}
		for _, b := range rec.Signature.Bands {
			want = append(want, bandRow{int64(b), rid})
		}
	}
	if len(want) == 0 {
		t.Fatal("no record has a signature")
	}
	slices.SortFunc(want, func(a, b bandRow) int { return cmp.Or(cmp.Compare(a.band, b.band), cmp.Compare(a.rid, b.rid)) })
	want = slices.Compact(want)
	var moved, recent int
	if err := db.writer.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM bands), (SELECT count(*) FROM bands_recent)`).Scan(&moved, &recent); err != nil {
		t.Fatal(err)
	}
	if moved == 0 || recent == 0 {
		t.Errorf("bands holds %d rows, bands_recent %d: want some in each", moved, recent)
	}
	rows, err := db.writer.QueryContext(ctx, `SELECT band, rid FROM bands UNION ALL SELECT band, rid FROM bands_recent ORDER BY band, rid`)
	if err != nil {
		t.Fatal(err)
	}
	var got []bandRow
	for rows.Next() {
		var b bandRow
		if err := rows.Scan(&b.band, &b.rid); err != nil {
			t.Fatal(err)
		}
		got = append(got, b)
	}
	rows.Close()
	if !slices.Equal(got, want) {
		t.Errorf("bands table holds %d rows, the signatures have %d (first rows %v, want %v)",
			len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
	}
	for _, rec := range recs {
		sims, err := db.SimilarArticles(ctx, rec.Signature.Bands)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(sims, func(s dyad.Signature) bool { return s.ArticleID == rec.Article.ID }) {
			t.Errorf("article %s is not among the articles similar to itself", rec.Article.ID)
		}
	}
}

// TestCountersOfCreatedEvents saves records in batches, some events told by several articles of a batch or of
// two, and checks that the counters set from the mentions a transaction added (count) are those recountEvent
// computes from the stored mentions.
func TestCountersOfCreatedEvents(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	recs := storetest.SyntheticRecords(150, 3)
	// A second telling of some events by another article in another language and outlet, in the same batch
	// as the first (an event the transaction creates, told twice) and in a later one (a stored event).
	again := func(i int) *dyad.Record {
		a := *recs[i]
		a.Article.ID += "-again"
		a.Article.URI += "-again"
		a.Article.Lang = "fr"
		a.Article.Source = "Le Monde"
		a.Signature, a.Statements = nil, nil
		a.Events = slices.Clone(a.Events)
		for k := range a.Events {
			e := &a.Events[k]
			e.Mentions = slices.Clone(e.Mentions)
			for j := range e.Mentions {
				e.Mentions[j].ArticleID, e.Mentions[j].Lang, e.Mentions[j].Source = a.Article.ID, "", ""
			}
		}
		return &a
	}
	// An event with two mentions at one offset (the store keeps the first) and a third of its own outlet and
	// language.
	r := *recs[3]
	r.Events = slices.Clone(r.Events)
	e := &r.Events[0]
	m0 := e.Mentions[0]
	e.Mentions = append(slices.Clone(e.Mentions),
		dyad.EventMention{ArticleID: m0.ArticleID, Start: m0.Start, End: m0.End, Lang: "xx", Source: "Dup"},
		dyad.EventMention{Start: m0.Start + 1, End: m0.End, Lang: "vi", Source: "Other"})
	recs[3] = &r
	first := slices.Clone(recs[:60])
	for i := 0; i < 20; i += 3 {
		first = append(first, again(i))
	}
	var later []*dyad.Record
	for i := 20; i < 40; i += 3 {
		later = append(later, again(i))
	}
	for _, batch := range [][]*dyad.Record{first, recs[60:61], recs[61:150], later} {
		if _, err := db.SaveBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	counters := func() string {
		t.Helper()
		rows, err := db.writer.QueryContext(ctx, `SELECT id, num_mentions, num_articles, num_sources, languages FROM events ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var id, langs string
			var n, na, ns int
			if err := rows.Scan(&id, &n, &na, &ns, &langs); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %d %d %d %s\n", id, n, na, ns, langs)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	got := counters()
	if !strings.Contains(got, `["en","fr"]`) || !strings.Contains(got, e.ID+" ") {
		t.Fatalf("no event is told in two languages; the test does not test:\n%s", got)
	}
	if _, err := db.writer.ExecContext(ctx, `UPDATE events SET num_mentions = 0, num_articles = 0, num_sources = 0, languages = '[]'`); err != nil {
		t.Fatal(err)
	}
	ids, err := db.writer.QueryContext(ctx, `SELECT id FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for ids.Next() {
		var id string
		if err := ids.Scan(&id); err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	ids.Close()
	for _, id := range all {
		if _, err := db.writer.ExecContext(ctx, recountEvent, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if id, _, _ := strings.Cut(line, " "); id == e.ID && (!strings.Contains(line, `"vi"`) || strings.Contains(line, `"xx"`)) {
			t.Errorf("event %s: %s; want its mention in vi counted, the one at a taken offset (xx) not", e.ID, line)
		}
	}
	if want := counters(); got != want {
		t.Errorf("counters set by the save differ from recountEvent's:\n%s", diffLines(got, want))
	}
}

func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			fmt.Fprintf(&b, "got  %s\nwant %s\n", g[i], w[i])
		}
	}
	return b.String()
}

// TestJSONCodes compares jsonCodes with SQLite's json_group_array over the same codes, distinct, non-empty
// and in order, and checks that codes it cannot write as SQLite would are refused.
func TestJSONCodes(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	for _, codes := range [][]string{nil, {""}, {"en"}, {"fr", "en", "", "en", "zh-Hant", "und", "EN"}, {"a b", "x~y", "0"}} {
		got, ok := jsonCodes(codes)
		if !ok {
			t.Errorf("jsonCodes(%q) refused", codes)
			continue
		}
		b, _ := json.Marshal(nonNil(codes))
		var want string
		if err := db.writer.QueryRow(`SELECT json_group_array(value) FROM (SELECT DISTINCT value FROM json_each(?) WHERE value <> '' ORDER BY value)`, string(b)).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("jsonCodes(%q) = %s, json_group_array gives %s", codes, got, want)
		}
	}
	for _, codes := range [][]string{{`e"n`}, {`e\n`}, {"é"}, {"en", "x\ty"}, {"\x7f"}} {
		if got, ok := jsonCodes(codes); ok {
			t.Errorf("jsonCodes(%q) = %s, want it refused", codes, got)
		}
	}
}

// TestActorRefs checks that an article's actors are stored once in actor_refs, that a save that fails after
// adding actors leaves no rowid behind for the next saves (the transaction is rolled back, and the DB keeps
// only the rowids of committed rows), and that two handles on one file each read the other's.
func TestActorRefs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	recs := storetest.SyntheticRecords(6, 11)
	fresh := dyad.ActorRef{ID: "new-person", Name: "New Person", Type: "person", Country: "VNM", Sector: "GOV", Code: "VNMGOV"}
	other := dyad.ActorRef{ID: "other-person", Name: "Other Person", Type: "person", Country: "LAO", Sector: "GOV", Code: "LAOGOV"}
	for _, i := range []int{0, 1, 2, 3} {
		recs[i].Mentions = append(recs[i].Mentions, dyad.ActorMention{Start: 0, End: 3, Text: recs[i].Article.Text[:3], Actor: fresh, Via: "name"})
	}
	if _, err := a.SaveBatch(ctx, recs[:1]); err != nil {
		t.Fatal(err)
	}
	// The second record fails after the first of the batch added its actors: nothing of it is kept.
	bad := *recs[2]
	bad.Mentions = append(slices.Clone(bad.Mentions), dyad.ActorMention{Start: 0, End: 3, Text: bad.Article.Text[:3], Actor: other})
	bad.Events = append(slices.Clone(bad.Events), dyad.Event{})
	if _, err := a.SaveBatch(ctx, []*dyad.Record{recs[1], &bad}); err == nil {
		t.Fatal("a record with an event without id saved")
	}
	// The other handle adds a third actor, which takes the rowid the rolled-back one had: a rowid kept from
	// the failed save would now name the third actor.
	third := dyad.ActorRef{ID: "third-person", Name: "Third Person", Type: "person", Country: "KHM", Code: "KHM"}
	recs[4].Mentions = append(recs[4].Mentions, dyad.ActorMention{Start: 4, End: 6, Text: recs[4].Article.Text[4:6], Actor: third})
	if _, err := b.SaveBatch(ctx, recs[4:5]); err != nil {
		t.Fatal(err)
	}
	recs[5].Mentions = append(recs[5].Mentions, dyad.ActorMention{Start: 4, End: 6, Text: recs[5].Article.Text[4:6], Actor: other})
	if _, err := a.SaveBatch(ctx, recs[1:4]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveBatch(ctx, recs[5:]); err != nil {
		t.Fatal(err)
	}
	for _, db := range []*DB{a, b} {
		for _, rec := range recs {
			got, err := db.Record(ctx, rec.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Mentions, rec.Mentions) {
				t.Errorf("article %s: mentions %v, want %v", rec.Article.ID, got.Mentions, rec.Mentions)
			}
		}
	}
	var n, distinct int
	if err := a.reader.QueryRow("SELECT count(*) FROM actor_refs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	seen := map[dyad.ActorRef]bool{}
	for _, rec := range recs {
		for _, m := range rec.Mentions {
			seen[m.Actor] = true
		}
	}
	distinct = len(seen)
	if n != distinct {
		t.Errorf("actor_refs holds %d rows; the records name %d actors", n, distinct)
	}
}

// TestSimilarAfterRollback checks the signatures' cache: a signature read in a group that rolls back is not
// kept, so that the article its rowid is given to next is found with its own signature; committed ones are
// read once.
func TestSimilarAfterRollback(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	article := func(id string, minhash uint32) *dyad.Record {
		return &dyad.Record{
			Article:   dyad.Article{ID: id, URI: "testdata/en/" + id + ".txt", Title: id, Lang: "en", Text: "Text of " + id + "."},
			Signature: &dyad.Signature{ArticleID: id, MinHash: []uint32{minhash, 2, 3}, Bands: []uint64{77, uint64(minhash)}},
		}
	}
	similar := func(ctx context.Context) []string {
		t.Helper()
		sigs, err := db.SimilarArticles(ctx, []uint64{77})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range sigs {
			out = append(out, fmt.Sprintf("%s:%d", s.ArticleID, s.MinHash[0]))
		}
		return out
	}
	if _, err := db.Save(ctx, article("a-committed", 1)); err != nil {
		t.Fatal(err)
	}
	g, err := db.BeginGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var inGroup []string
	if _, err := g.SaveLinked(ctx, []*dyad.Record{article("b-rolled-back", 2)}, func(ctx context.Context) ([]*dyad.Record, error) {
		return []*dyad.Record{article("b-rolled-back", 2)}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.SaveLinked(ctx, nil, func(ctx context.Context) ([]*dyad.Record, error) {
		inGroup = similar(ctx)
		return nil, nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a-committed:1", "b-rolled-back:2"}; !slices.Equal(inGroup, want) {
		t.Fatalf("in the group: %v; want %v", inGroup, want)
	}
	if err := g.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Save(ctx, article("c-saved-after", 3)); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if got, want := similar(ctx), []string{"a-committed:1", "c-saved-after:3"}; !slices.Equal(got, want) {
			t.Fatalf("after the rollback: %v; want %v", got, want)
		}
	}
	if _, ok := db.sigs.get(2); !ok {
		t.Errorf("the committed signature of rowid 2 is not kept")
	}
}
