// Package synth fills a store with plausible random records, for benchmarks and load tests of the store, the
// API and the dashboard: articles in the packs' languages from a few dozen outlets, each reporting one to
// three events between countries (drawn with a skewed distribution, so some dyads dominate as in real news),
// with CAMEO codes from the codebook, dates over ten years, actor mentions, and some events reported again by
// later articles in other languages (several mentions per event), plus statements grouped into claims.
//
// Countries, agent sectors, event codes and languages all come from the packs' data files; nothing here is
// real news.
//
// A Corpus (corpus.go) makes raw documents instead, for benchmarks of the whole pipeline: articles of 2-6 kB
// in ten languages and four formats, written from our own sample articles (LoadMaterial) with the names in
// them replaced by a cast drawn from the packs, with boilerplate, reprints and stories told several times.
package synth

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// Batcher is implemented by stores that save many records in one transaction (sqlite.DB); Generate uses it
// when the store has it.
type Batcher interface {
	SaveBatch(ctx context.Context, recs []*dyad.Record) ([]bool, error)
}

// Options tune Generate; the zero value is what Generate uses.
type Options struct {
	// Packs supplies the countries, sectors, codes and languages; nil means the embedded packs.
	Packs *packs.Set
	// Start and Years bound the event dates; zero means ten years from 2016-01-01.
	Start time.Time
	Years int
	// Batch is how many records go into one SaveBatch; 0 means 500.
	Batch int
}

// Generate saves records holding n distinct events into st, drawn from a generator seeded with seed (the same
// seed gives the same store), calling progress (when not nil) with the number of events made so far after
// each batch.
func Generate(ctx context.Context, st dyad.Store, n int, seed int64, progress func(done int)) error {
	return GenerateWith(ctx, st, n, seed, progress, Options{})
}

// GenerateWith is Generate with options.
func GenerateWith(ctx context.Context, st dyad.Store, n int, seed int64, progress func(done int), opts Options) error {
	if n < 0 {
		return fmt.Errorf("synth: %d events: want a non-negative number", n)
	}
	g, err := newGenerator(seed, opts)
	if err != nil {
		return err
	}
	batch := opts.Batch
	if batch <= 0 {
		batch = 500
	}
	recs := make([]*dyad.Record, 0, batch)
	flush := func() error {
		if len(recs) == 0 {
			return nil
		}
		if b, ok := st.(Batcher); ok {
			if _, err := b.SaveBatch(ctx, recs); err != nil {
				return fmt.Errorf("synth: saving articles %s..%s: %w", recs[0].Article.ID, recs[len(recs)-1].Article.ID, err)
			}
		} else {
			for _, r := range recs {
				if _, err := st.Save(ctx, r); err != nil {
					return fmt.Errorf("synth: saving article %s: %w", r.Article.ID, err)
				}
			}
		}
		recs = recs[:0]
		if progress != nil {
			progress(g.made)
		}
		return nil
	}
	for g.made < n {
		if err := ctx.Err(); err != nil {
			return err
		}
		recs = append(recs, g.record(n))
		if len(recs) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

type country struct{ code, name string }

type outlet struct{ name, lang string }

type generator struct {
	rng       *rand.Rand
	seed      int64
	countries []country
	zipf      *rand.Zipf
	sectors   []string
	codes     []cameo.Code
	weights   []float64 // cumulative, over codes
	names     map[string]string
	langs     []string
	outlets   []outlet
	start     time.Time
	days      int
	made      int // distinct events so far
	articles  int
	recent    []dyad.Event // events that later articles may report again
}

func newGenerator(seed int64, opts Options) (*generator, error) {
	p := opts.Packs
	if p == nil {
		p = packs.Default()
	}
	g := &generator{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), seed: seed, start: opts.Start}
	if g.start.IsZero() {
		g.start = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	years := opts.Years
	if years <= 0 {
		years = 10
	}
	g.days = int(g.start.AddDate(years, 0, 0).Sub(g.start).Hours() / 24)

	files, err := p.Files("actors/countries")
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		for l := range f.Lines() {
			c := l.Fields[0]
			if len(c) != 3 || strings.ToUpper(c) != c || seen[c] {
				continue
			}
			name := c
			if len(l.Fields) > 3 && l.Fields[3] != "" {
				name = l.Fields[3]
			}
			seen[c] = true
			g.countries = append(g.countries, country{c, name})
		}
	}
	if len(g.countries) < 2 {
		return nil, errors.New("synth: the packs hold fewer than two countries (actors/countries)")
	}
	// Shuffle so the skewed draw favours different countries for different seeds.
	g.rng.Shuffle(len(g.countries), func(i, j int) { g.countries[i], g.countries[j] = g.countries[j], g.countries[i] })
	g.zipf = rand.NewZipf(g.rng, 1.3, 4, uint64(len(g.countries)-1))

	sectors := map[string]bool{}
	agentFiles, err := p.Glob("*/agents")
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	for _, f := range agentFiles {
		for l := range f.Lines() {
			s := l.Fields[0]
			if len(s) == 3 && strings.ToUpper(s) == s && !strings.HasPrefix(s, "@") {
				sectors[s] = true
			}
		}
	}
	g.sectors = slices.Sorted(func(yield func(string) bool) {
		for s := range sectors {
			if !yield(s) {
				return
			}
		}
	})

	cb, err := cameo.Load(p)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	// Verbal cooperation dominates real event data; material conflict is rarer.
	quadWeight := map[int]float64{1: 5, 2: 1.5, 3: 2, 4: 1.5}
	total := 0.0
	g.names = map[string]string{}
	for _, c := range cb.All() {
		g.names[c.Code] = c.Name
		if len(c.Code) < 3 {
			continue // roots are too vague for most coders' output
		}
		g.codes = append(g.codes, c)
		total += quadWeight[c.QuadClass]
		g.weights = append(g.weights, total)
	}
	if len(g.codes) == 0 {
		return nil, errors.New("synth: the packs' CAMEO codebook has no codes")
	}
	g.langs = p.Langs()
	if len(g.langs) == 0 {
		g.langs = []string{"en"}
	}
	// Outlets: a few per language, English the most.
	for i := 0; i < 40; i++ {
		lang := g.langs[i%len(g.langs)]
		if i%3 == 0 && slices.Contains(g.langs, "en") {
			lang = "en"
		}
		g.outlets = append(g.outlets, outlet{name: fmt.Sprintf("Outlet %02d", i+1), lang: lang})
	}
	return g, nil
}

func (g *generator) country() country { return g.countries[g.zipf.Uint64()] }

func (g *generator) code() cameo.Code {
	x := g.rng.Float64() * g.weights[len(g.weights)-1]
	i, _ := slices.BinarySearch(g.weights, x)
	return g.codes[min(i, len(g.codes)-1)]
}

func (g *generator) actor() dyad.EventActor {
	c := g.country()
	a := dyad.EventActor{Code: c.code, Name: c.name, ActorID: c.code, Country: c.code}
	if len(g.sectors) > 0 && g.rng.IntN(3) > 0 {
		a.Sector = g.sectors[g.rng.IntN(len(g.sectors))]
		a.Code += a.Sector
		a.Name = c.name + " " + a.Sector
		a.ActorID = ""
	}
	return a
}

// record makes one article with one to three events, some of them reported before by other articles.
func (g *generator) record(limit int) *dyad.Record {
	g.articles++
	out := g.outlets[g.rng.IntN(len(g.outlets))]
	id := fmt.Sprintf("synth-%d-%08d", g.seed, g.articles)
	day := g.start.AddDate(0, 0, g.rng.IntN(g.days))
	rec := &dyad.Record{Article: dyad.Article{
		ID: id, URI: "synth:" + id, URL: dyad.NullString("https://synth.invalid/" + id), Source: dyad.NullString(out.name),
		Lang: out.lang, LangConfidence: 1, PublishedFrom: "metadata",
	}}
	var text strings.Builder
	nev := 1 + g.rng.IntN(3)
	for range nev {
		var ev dyad.Event
		if len(g.recent) > 0 && g.rng.IntN(4) == 0 {
			ev = g.recent[g.rng.IntN(len(g.recent))] // reported again, in this article's language
			ev.Mentions = nil
		} else {
			if g.made >= limit {
				break
			}
			ev = g.event(day)
			g.made++
			if len(g.recent) < 2000 {
				g.recent = append(g.recent, ev)
			} else {
				g.recent[g.rng.IntN(len(g.recent))] = ev
			}
		}
		if text.Len() > 0 {
			text.WriteString(" ")
		}
		start := text.Len()
		text.WriteString(ev.Source.Name)
		srcEnd := text.Len()
		text.WriteString(" — " + strings.ToLower(g.codeName(ev.Code)) + " — ")
		tgtStart := text.Len()
		text.WriteString(ev.Target.Name)
		tgtEnd := text.Len()
		fmt.Fprintf(&text, " (%s).", ev.Date)
		end := text.Len()
		rec.Mentions = append(rec.Mentions,
			dyad.ActorMention{Start: start, End: srcEnd, Text: ev.Source.Name, Actor: ref(ev.Source), Via: "name"},
			dyad.ActorMention{Start: tgtStart, End: tgtEnd, Text: ev.Target.Name, Actor: ref(ev.Target), Via: "name"})
		ev.Mentions = []dyad.EventMention{{
			ArticleID: id, Lang: out.lang, Source: out.name, Start: start, End: end, Confidence: 0.5 + g.rng.Float64()/2,
			Date: string(ev.Date), Published: day.Format(time.DateOnly),
		}}
		rec.Events = append(rec.Events, ev)
		if d, err := time.Parse(time.DateOnly, string(ev.Date)); err == nil && d.After(day) {
			day = d // an article is not older than what it reports
		}
	}
	rec.Article.Text = text.String()
	for i := range rec.Events {
		m := &rec.Events[i].Mentions[0]
		m.Sentence = rec.Article.Text[m.Start:m.End]
	}
	pub := day.AddDate(0, 0, g.rng.IntN(3))
	rec.Article.Published = dyad.NullString(pub.Format(time.DateOnly))
	for i := range rec.Events {
		rec.Events[i].Mentions[0].Published = string(rec.Article.Published)
	}
	if len(rec.Events) > 0 {
		ev := rec.Events[0]
		rec.Article.Title = fmt.Sprintf("%s and %s: %s", ev.Source.Name, ev.Target.Name, strings.ToLower(g.codeName(ev.Code)))
	}
	if g.rng.IntN(10) == 0 && len(rec.Events) > 0 {
		g.statement(rec)
	}
	return rec
}

func ref(a dyad.EventActor) dyad.ActorRef {
	id := a.ActorID
	if id == "" {
		id = a.Code
	}
	return dyad.ActorRef{ID: id, Name: a.Name, Type: dyad.TypeCountry, Country: a.Country, Sector: a.Sector, Code: a.Code}
}

func (g *generator) codeName(code string) string {
	if n, ok := g.names[code]; ok {
		return n
	}
	return code
}

func (g *generator) event(day time.Time) dyad.Event {
	src := g.actor()
	tgt := g.actor()
	for tgt.Country == src.Country {
		tgt = g.actor()
	}
	c := g.code()
	date := day.AddDate(0, 0, -g.rng.IntN(3))
	ev := dyad.Event{
		ID: fmt.Sprintf("synth-%d-ev%08d", g.seed, g.made+1), Date: dyad.NullString(date.Format(time.DateOnly)), DatePrecision: "day",
		Source: src, Target: tgt, Code: c.Code, Root: c.Root, QuadClass: c.QuadClass, Goldstein: c.Goldstein, Plover: c.Plover,
		CoderVersion: dyad.CoderVersion, Key: src.Country + ":" + tgt.Country + ":" + c.Root,
	}
	if g.rng.IntN(2) == 0 {
		// a place somewhere in the inhabited latitudes, for the place filters and their benchmarks
		ev.Location = &dyad.Location{Name: tgt.Name, PlaceID: tgt.Country, Canonical: tgt.Name, Country: tgt.Country,
			Lat: float64(g.rng.IntN(12000))/100 - 55, Lon: float64(g.rng.IntN(36000))/100 - 180, Precision: "country", Via: "text"}
	}
	if g.rng.IntN(20) == 0 {
		ev.Date, ev.DatePrecision = dyad.NullString(date.Format("2006-01")), "month"
	}
	return ev
}

// statement adds a statement of the article's first source actor, in one of a few hundred claims.
func (g *generator) statement(rec *dyad.Record) {
	ev := rec.Events[0]
	m := ev.Mentions[0]
	claim := fmt.Sprintf("synth-%d-claim%03d", g.seed, g.rng.IntN(300))
	rec.Statements = append(rec.Statements, dyad.Statement{
		ID: rec.Article.ID + "-st1", ArticleID: rec.Article.ID, Speaker: ref(ev.Source), Verb: "said",
		Text: m.Sentence, Lang: m.Lang, Date: ev.Date, ClaimID: dyad.NullString(claim), Start: m.Start, End: m.End,
		Source: m.Source,
	})
	rec.Claims = append(rec.Claims, dyad.Claim{ID: claim, Label: "Synthetic claim " + claim[strings.LastIndex(claim, "m")+1:]})
}
