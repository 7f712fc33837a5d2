package link

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// The seed records are built by hand from the seed texts read at test time: the events and statements a
// coder finds in them, located by the names and reporting verbs they contain (no seed text is in the repo).

type person struct {
	id, name, country, sector string
}

var (
	binh      = person{"pham-thanh-binh", "Pham Thanh Binh", "VNM", "GOV"}
	liuJ      = person{"liu-jianchao", "Liu Jianchao", "CHN", "PTY"}
	liuH      = person{"liu-haixing", "Liu Haixing", "CHN", "PTY"}
	wangYi    = person{"wang-yi", "Wang Yi", "CHN", "PTY"}
	trung     = person{"le-hoai-trung", "Le Hoai Trung", "VNM", "PTY"}
	son       = person{"bui-thanh-son", "Bui Thanh Son", "VNM", "GOV"}
	nongRong  = person{"nong-rong", "Nong Rong", "CHN", "GOV"}
	countries = map[string][]string{
		"VNM": {"Vietnam", "Việt Nam", "VN", "Vietnamese", "vietnamien", "Vietnamees", "Vietnamese"},
		"CHN": {"China", "Chine", "Chinese", "CPC", "PCC", "Chinees"},
	}
)

func (p person) actor() dyad.EventActor {
	return dyad.EventActor{Code: p.country + p.sector, Name: p.name, ActorID: p.id, Country: p.country, Sector: p.sector}
}

func (p person) ref() dyad.ActorRef {
	return dyad.ActorRef{ID: p.id, Name: p.name, Type: dyad.TypePerson, Country: p.country, Sector: p.sector,
		Code: p.country + p.sector}
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”]?\s+|\n+`)

// sentences splits a text into sentence spans: enough for building test records.
func sentences(s string) []dyad.Span {
	var out []dyad.Span
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(s, -1) {
		if strings.TrimSpace(s[start:m[0]]) != "" {
			out = append(out, dyad.Span{Start: start, End: m[0] + 1})
		}
		start = m[1]
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, dyad.Span{Start: start, End: len(s)})
	}
	return out
}

// find returns the first sentence that contains every one of words.
func find(t *testing.T, text string, words ...string) dyad.Span {
	t.Helper()
	for _, sp := range sentences(text) {
		ok := true
		for _, w := range words {
			if !strings.Contains(text[sp.Start:sp.End], w) {
				ok = false
				break
			}
		}
		if ok {
			return sp
		}
	}
	t.Fatalf("no sentence with %q", words)
	return dyad.Span{}
}

// paragraphEnd returns the end of the line holding offset i.
func paragraphEnd(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

// countryMentions marks every whole-word occurrence of the test's country names.
func countryMentions(text string) []dyad.ActorMention {
	var out []dyad.ActorMention
	for c, names := range countries {
		for _, n := range names {
			re := regexp.MustCompile(`(^|[^\pL])(` + regexp.QuoteMeta(n) + `)($|[^\pL])`)
			for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
				out = append(out, dyad.ActorMention{Start: m[4], End: m[5], Text: text[m[4]:m[5]],
					Actor: dyad.ActorRef{ID: c, Name: c, Type: dyad.TypeCountry, Country: c, Code: c}})
			}
		}
	}
	slices.SortFunc(out, func(a, b dyad.ActorMention) int { return a.Start - b.Start })
	return out
}

// personMentions marks the occurrences of the seed people's names (one spelling with diacritics for Binh).
func personMentions(text string) []dyad.ActorMention {
	var out []dyad.ActorMention
	for _, p := range []person{binh, liuJ, liuH, wangYi, trung, son, nongRong} {
		for _, n := range []string{p.name, "Phạm Thanh Bình"} {
			if n != p.name && p != binh {
				continue
			}
			for i := 0; ; {
				j := strings.Index(text[i:], n)
				if j < 0 {
					break
				}
				out = append(out, dyad.ActorMention{Start: i + j, End: i + j + len(n), Text: n, Actor: p.ref()})
				i += j + len(n)
			}
		}
	}
	return out
}

type seedEvent struct {
	words    []string // the sentence holds these
	code     string
	src, tgt person
	date     string
}

type seedStatement struct {
	words     []string // the sentence holds these
	after     string   // the statement's content follows this
	speaker   person
	paragraph bool // the content runs to the end of the paragraph (first-person continuations)
}

type seed struct {
	file, lang, source, published string
	events                        []seedEvent
	statements                    []seedStatement
}

var seedSpecs = []seed{
	{file: "000", lang: "fr", source: "VNA/CVN",
		events: []seedEvent{{words: []string{"rencontre"}, code: "040", src: binh, tgt: liuJ}},
		statements: []seedStatement{
			{words: []string{"Binh", "a affirmé"}, after: "a affirmé que ", speaker: binh},
			{words: []string{"Liu Jianchao", "a affirmé"}, after: "a affirmé que ", speaker: liuJ},
		}},
	{file: "001", lang: "nl", source: "baoquocte.vn",
		events: []seedEvent{{words: []string{"ontmoette", "31 oktober"}, code: "040", src: binh, tgt: liuH, date: "2025-10-31"}},
		statements: []seedStatement{
			{words: []string{"Binh", "bevestigde"}, after: "bevestigde dat ", speaker: binh, paragraph: true},
			{words: []string{"Liu Haixing", "bevestigde"}, after: "bevestigde dat ", speaker: liuH},
		}},
	{file: "002", lang: "en", source: "VNS", published: "2025-02-19",
		events: []seedEvent{{words: []string{"courtesy visit"}, code: "042", src: binh, tgt: liuJ, date: "2025-02-18"}},
		statements: []seedStatement{
			{words: []string{"underscored"}, after: "underscored that ", speaker: binh},
			{words: []string{"Liu stated"}, after: "stated that ", speaker: liuJ},
		}},
	{file: "003", lang: "en", source: "Xinhua", published: "2023-12-04",
		events: []seedEvent{{words: []string{"In a meeting with"}, code: "040", src: wangYi, tgt: trung, date: "2023-12-02"}},
		statements: []seedStatement{
			{words: []string{"Wang", "said that"}, after: "said that ", speaker: wangYi},
			{words: []string{"Trung", "said the"}, after: "said ", speaker: trung},
		}},
	{file: "004", lang: "en", source: "VOV",
		events: []seedEvent{{words: []string{"received", "February 5"}, code: "043", src: son, tgt: nongRong, date: "2024-02-05"}}},
}

func seedDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("seeds: %v", err)
		}
		t.Skipf("seeds not found: %v", err)
	}
	return dir
}

// seedRecords builds the five seed records.
func seedRecords(t *testing.T) []*dyad.Record {
	dir := seedDir(t)
	var out []*dyad.Record
	for _, s := range seedSpecs {
		m, _ := filepath.Glob(filepath.Join(dir, s.file+"_*.txt"))
		if len(m) != 1 {
			t.Fatalf("seed %s: %d files", s.file, len(m))
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if i := strings.Index(text, "\nRelated\n"); i >= 0 {
			text = text[:i] // extraction removes the related-stories tail
		}
		rec := &dyad.Record{Article: dyad.Article{ID: "seed" + s.file, Lang: s.lang, Source: dyad.NullString(s.source),
			Published: dyad.NullString(s.published), Text: text}}
		rec.Mentions = append(countryMentions(text), personMentions(text)...)
		for _, e := range s.events {
			sp := find(t, text, e.words...)
			prec := ""
			if e.date != "" {
				prec = "day"
			}
			rec.Events = append(rec.Events, dyad.Event{ID: fmt.Sprintf("%s-%d", rec.Article.ID, sp.Start),
				Date: dyad.NullString(e.date), DatePrecision: prec, Source: e.src.actor(), Target: e.tgt.actor(),
				Code: e.code, Root: e.code[:2], QuadClass: 1, CoderVersion: dyad.CoderVersion,
				Mentions: []dyad.EventMention{{ArticleID: rec.Article.ID, Lang: s.lang, Source: s.source,
					Sentence: text[sp.Start:sp.End], Start: sp.Start, End: sp.End, Confidence: 0.9, Date: e.date}}})
		}
		for i, st := range s.statements {
			sp := find(t, text, st.words...)
			if st.paragraph {
				sp.End = paragraphEnd(text, sp.Start)
			}
			j := strings.Index(text[sp.Start:sp.End], st.after)
			if j < 0 {
				t.Fatalf("seed %s: no %q in %q", s.file, st.after, text[sp.Start:sp.End])
			}
			content := strings.TrimRight(text[sp.Start+j+len(st.after):sp.End], ". \n")
			date := s.published
			if len(s.events) > 0 {
				date = s.events[0].date
			}
			rec.Statements = append(rec.Statements, dyad.Statement{ID: fmt.Sprintf("%s-s%d", rec.Article.ID, i),
				ArticleID: rec.Article.ID, Speaker: st.speaker.ref(), Verb: strings.Fields(st.after)[0], Text: content,
				Lang: s.lang, Date: dyad.NullString(date), Start: sp.Start, End: sp.End, Source: s.source})
		}
		out = append(out, rec)
	}
	return out
}

func cloneRecord(r *dyad.Record) *dyad.Record {
	c := *r
	c.Mentions = slices.Clone(r.Mentions)
	c.Statements = slices.Clone(r.Statements)
	c.Events = nil
	for _, ev := range r.Events {
		e := ev
		e.Mentions = slices.Clone(ev.Mentions)
		c.Events = append(c.Events, e)
	}
	return &c
}

// ingest links and saves records in order into a fresh index.
func ingest(t *testing.T, recs []*dyad.Record) *memIndex {
	t.Helper()
	idx := newMemIndex()
	l, err := New(packs.Default(), idx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		rec := cloneRecord(r)
		if err := l.Link(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
		idx.save(rec)
	}
	return idx
}

func TestSeedsOneEventTwoMentions(t *testing.T) {
	recs := seedRecords(t)
	idx := ingest(t, recs)
	if len(idx.events) != 4 {
		t.Errorf("%d events, want 4: %v", len(idx.events), idx.groups())
	}
	var found bool
	for _, ev := range idx.events {
		if ev.NumMentions != 2 {
			continue
		}
		found = true
		if ev.NumArticles != 2 || string(ev.Date) != "2025-02-18" || !slices.Equal(ev.Languages, []string{"en", "fr"}) {
			t.Errorf("folded event: articles %d, date %q, languages %v; want 2, 2025-02-18, [en fr]",
				ev.NumArticles, ev.Date, ev.Languages)
		}
		for _, m := range ev.Mentions {
			if m.ArticleID == "seed000" && (m.Date != "2025-02-18" || !m.DateInferred) {
				t.Errorf("000's mention: date %q inferred %v, want 2025-02-18 inferred", m.Date, m.DateInferred)
			}
		}
	}
	if !found {
		t.Errorf("no event with two mentions: %v", idx.groups())
	}
}

func TestSeedsAnyOrderSameEvents(t *testing.T) {
	recs := seedRecords(t)
	want := ingest(t, recs).groups()
	n := 0
	permute(recs, 0, func(order []*dyad.Record) {
		n++
		idx := ingest(t, order)
		if got := idx.groups(); !slices.EqualFunc(got, want, slices.Equal) {
			var ids []string
			for _, r := range order {
				ids = append(ids, r.Article.ID)
			}
			t.Errorf("order %v: events %v, want %v", ids, got, want)
		}
		for _, ev := range idx.events {
			if ev.NumMentions == 2 && ev.Date != "2025-02-18" {
				t.Errorf("folded event dated %q", ev.Date)
			}
		}
	})
	if n != 120 {
		t.Errorf("%d orders", n)
	}
}

func permute(a []*dyad.Record, k int, fn func([]*dyad.Record)) {
	if k == len(a) {
		fn(a)
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, fn)
		a[k], a[i] = a[i], a[k]
	}
}

func TestSeedsClaims(t *testing.T) {
	recs := seedRecords(t)
	idx := ingest(t, recs)
	type want struct {
		speaker  string
		concepts []string
		articles []string
		langs    []string
	}
	for _, w := range []want{
		{"China on Vietnam", []string{"neighbourhood-diplomacy", "priority"}, []string{"seed000", "seed001", "seed002", "seed003"}, []string{"en", "fr", "nl"}},
		{"Vietnam on China", []string{"strategic-choice", "top-priority"}, []string{"seed000", "seed001", "seed002", "seed003"}, []string{"en", "fr", "nl"}},
	} {
		var claim *dyad.Claim
		for _, c := range idx.claims {
			if slices.Equal(c.Concepts, w.concepts) && strings.HasPrefix(c.Label, w.speaker) {
				claim = c
			}
		}
		if claim == nil {
			t.Errorf("no claim %s %v among %v", w.speaker, w.concepts, claimLabels(idx))
			continue
		}
		var arts, langs, dates []string
		for _, st := range claim.Statements {
			arts = append(arts, st.ArticleID)
			langs = append(langs, st.Lang)
			if st.Date != "" {
				dates = append(dates, string(st.Date))
			}
		}
		slices.Sort(arts)
		slices.Sort(langs)
		slices.Sort(dates)
		if !slices.Equal(arts, w.articles) || !slices.Equal(slices.Compact(langs), w.langs) {
			t.Errorf("claim %q: articles %v languages %v, want %v %v", claim.Label, arts, langs, w.articles, w.langs)
		}
		if len(dates) == 0 || dates[0][:4] != "2023" || dates[len(dates)-1][:4] != "2025" {
			t.Errorf("claim %q spans %v, want 2023 to 2025", claim.Label, dates)
		}
		t.Logf("claim %s %q: %d statements, %v", claim.ID, claim.Label, len(claim.Statements), dates)
	}
	// And in any order: the same claim ids.
	for _, order := range [][]int{{4, 3, 2, 1, 0}, {2, 0, 3, 1, 4}} {
		var rs []*dyad.Record
		for _, i := range order {
			rs = append(rs, recs[i])
		}
		got := ingest(t, rs)
		if !slices.Equal(sortedKeys(got.claims), sortedKeys(idx.claims)) {
			t.Errorf("order %v: claims %v, want %v", order, sortedKeys(got.claims), sortedKeys(idx.claims))
		}
	}
}

func claimLabels(idx *memIndex) []string {
	var out []string
	for _, c := range idx.claims {
		out = append(out, c.Label)
	}
	slices.Sort(out)
	return out
}
