package synth

import (
	"context"
	"fmt"
	"hash/fnv"
	"html"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// CorpusOptions tune a Corpus; the zero value gives the defaults named on each field.
type CorpusOptions struct {
	// Packs supplies the people, countries, places and boilerplate; nil means the embedded packs.
	Packs *packs.Set
	// Start and Years bound the publication dates; zero means ten years from 2016-01-01.
	Start time.Time
	Years int
	// Reprints is the share of articles that reprint an earlier one under another outlet; 0 means 0.05,
	// negative none.
	Reprints float64
	// Retold is the share of events told in several articles (in any language); 0 means 0.3, negative none.
	Retold float64
	// MinSize and MaxSize bound an article's text in bytes; zero means 2,000 and 6,000.
	MinSize, MaxSize int
}

// A Corpus writes realistic raw news documents, for benchmarks that must pay the costs real input brings:
// articles of MinSize to MaxSize bytes in every language of its material, as plain text (45%), HTML pages
// with navigation, scripts and related links (30%), JSON Lines feed records (15%) and Markdown (10%); crawl
// boilerplate from the packs; dates over ten years; a cast of people, countries and places drawn (skewed, as
// in real news) from the packs' dictionaries and written into the material's paragraphs in place of the
// names they held; events told again by later articles in other languages; and reprints.
//
// A Corpus is immutable and safe for concurrent use; each Source it makes yields the same documents for the
// same seed.
type Corpus struct {
	langs     []string
	weights   []float64 // cumulative, over langs
	paras     map[string][]template
	titles    map[string][]template
	script    map[string]string // language -> "Hani", "Cyrl" or "Latn"
	people    [][3]string       // name per script: Latn, Cyrl, Hani
	places    [][3]string
	countries map[string][]string // language -> country names
	months    map[string][]string
	noise     map[string][]string // boilerplate lines that drop
	cuts      map[string][]string // lines that start a "related" tail
	outlets   map[string][]string
	start     time.Time
	days      int
	opts      CorpusOptions
}

// template is a paragraph with its names cut out: parts[i] is followed by slots[i].
type template struct {
	parts []string
	slots []slot
}

type slot struct {
	kind byte // 'P' person, 'C' country, 'L' place
	n    int  // which member of the cast of that kind, in order of first appearance
}

type name struct {
	text string
	kind byte
}

var scripts = [3]string{"Latn", "Cyrl", "Hani"}

// NewCorpus prepares a corpus over material m.
func NewCorpus(m *Material, opts CorpusOptions) (*Corpus, error) {
	p := opts.Packs
	if p == nil {
		p = packs.Default()
	}
	if opts.Reprints == 0 {
		opts.Reprints = 0.05
	}
	if opts.Retold == 0 {
		opts.Retold = 0.3
	}
	if opts.MinSize <= 0 {
		opts.MinSize = 2000
	}
	if opts.MaxSize < opts.MinSize {
		opts.MaxSize = max(opts.MinSize, 6000)
	}
	c := &Corpus{paras: map[string][]template{}, titles: map[string][]template{}, script: map[string]string{},
		countries: map[string][]string{}, months: map[string][]string{}, noise: map[string][]string{},
		cuts: map[string][]string{}, outlets: map[string][]string{}, start: opts.Start, opts: opts}
	if c.start.IsZero() {
		c.start = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	years := opts.Years
	if years <= 0 {
		years = 10
	}
	c.days = int(c.start.AddDate(years, 0, 0).Sub(c.start).Hours() / 24)

	var names []name
	newsworthy := map[string]int{} // country -> people the packs list for it
	// People: every name and alias; the cast writes the first of each script.
	for _, file := range []string{"actors/people", "actors/leaders"} {
		files, err := p.Files(file)
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		for _, f := range files {
			for l := range f.Lines() {
				if len(l.Fields) < 6 || l.Fields[1] != "person" || l.Fields[5] == "" {
					continue
				}
				c.people = append(c.people, byScript(l.Fields[5:]))
				newsworthy[l.Fields[2]]++
				for _, n := range l.Fields[5:] {
					names = append(names, name{n, 'P'})
				}
			}
		}
	}
	for _, file := range []string{"actors/places", "places/cities"} {
		files, err := p.Files(file)
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		for _, f := range files {
			for l := range f.Lines() {
				if len(l.Fields) < 2 {
					continue
				}
				c.places = append(c.places, byScript(l.Fields[1:]))
				for _, n := range l.Fields[1:] {
					names = append(names, name{n, 'L'})
				}
			}
		}
	}
	if len(c.people) < 2 || len(c.places) < 2 {
		return nil, fmt.Errorf("synth: the packs hold too few people (%d) or places (%d)", len(c.people), len(c.places))
	}
	type region struct {
		r language.Region
		n int
	}
	var rs []region
	files, err := p.Files("actors/countries")
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 4 {
				continue
			}
			if r, err := language.ParseRegion(l.Fields[1]); err == nil {
				rs = append(rs, region{r, newsworthy[l.Fields[0]]})
			}
			for _, n := range l.Fields[3:] {
				names = append(names, name{n, 'C'})
			}
		}
	}

	// The skewed draw favours the countries with the most people in the packs: the ones in the news.
	slices.SortStableFunc(rs, func(a, b region) int { return b.n - a.n })
	regions := make([]language.Region, len(rs))
	for i, r := range rs {
		regions[i] = r.r
	}
	for _, lang := range m.Langs() {
		c.langs = append(c.langs, lang)
		c.script[lang] = dominantScript(m.Paragraphs[lang])
		tag := language.Make(lang)
		disp := display.Regions(tag)
		lnames := slices.Clone(names)
		for _, r := range regions {
			n := disp.Name(r)
			if n == "" {
				n = display.English.Regions().Name(r)
			}
			c.countries[lang] = append(c.countries[lang], n)
			lnames = append(lnames, name{n, 'C'})
		}
		if len(c.countries[lang]) < 2 {
			return nil, fmt.Errorf("synth: no country names for language %q", lang)
		}
		idx := newNameIndex(lnames)
		for _, para := range m.Paragraphs[lang] {
			c.paras[lang] = append(c.paras[lang], idx.template(para))
		}
		for _, t := range m.Titles[lang] {
			c.titles[lang] = append(c.titles[lang], idx.template(t))
		}
		c.months[lang] = monthNames(p, lang)
		c.noise[lang], c.cuts[lang] = boilerplate(p, lang, c.script[lang])
		for i := range 6 {
			c.outlets[lang] = append(c.outlets[lang], fmt.Sprintf("news%02d.%s.example", i+1, lang))
		}
	}
	// English is the largest language of news; the others share the rest.
	total := 0.0
	for _, lang := range c.langs {
		w := 1.0
		if lang == "en" {
			w = 3
		}
		total += w
		c.weights = append(c.weights, total)
	}
	return c, nil
}

// Langs returns the languages the corpus writes.
func (c *Corpus) Langs() []string { return slices.Clone(c.langs) }

// byScript picks, of a name and its aliases, the first written in each script (the first name for Latin).
func byScript(names []string) [3]string {
	out := [3]string{names[0], "", ""}
	for _, n := range names {
		switch s := scriptOf(n); {
		case s == "Cyrl" && out[1] == "":
			out[1] = n
		case s == "Hani" && out[2] == "":
			out[2] = n
		}
	}
	for i := range out {
		if out[i] == "" {
			out[i] = names[0]
		}
	}
	return out
}

func scriptOf(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			return "Hani"
		case unicode.Is(unicode.Cyrillic, r):
			return "Cyrl"
		}
	}
	return "Latn"
}

func dominantScript(paras []string) string {
	count := map[string]int{}
	for _, p := range paras {
		for _, r := range p {
			switch {
			case unicode.Is(unicode.Han, r):
				count["Hani"]++
			case unicode.Is(unicode.Cyrillic, r):
				count["Cyrl"]++
			case unicode.IsLetter(r):
				count["Latn"]++
			}
		}
	}
	best := "Latn"
	for _, s := range scripts {
		if count[s] > count[best] {
			best = s
		}
	}
	return best
}

func scriptIndex(s string) int { return max(0, slices.Index(scripts[:], s)) }

// monthNames are the language's twelve month names from its dates file, or none.
func monthNames(p *packs.Set, lang string) []string {
	files, err := p.Files(lang + "/dates")
	if err != nil {
		return nil
	}
	for _, f := range files {
		for l := range f.Lines() {
			if l.Fields[0] == "month" && len(l.Fields) == 13 {
				return l.Fields[1:]
			}
		}
	}
	return nil
}

// boilerplate returns the literal "drop" and "cut" lines of the language's boilerplate file and those of the
// shared one written in the language's script.
func boilerplate(p *packs.Set, lang, script string) (drop, cut []string) {
	for _, file := range []string{lang + "/boilerplate", "extract/boilerplate"} {
		files, err := p.Files(file)
		if err != nil {
			continue
		}
		for _, f := range files {
			for l := range f.Lines() {
				if len(l.Fields) != 2 || strings.ContainsAny(l.Fields[1], "*{}") || strings.HasPrefix(l.Fields[1], "re:") ||
					file == "extract/boilerplate" && scriptOf(l.Fields[1]) != script {
					continue
				}
				switch l.Fields[0] {
				case "drop":
					drop = append(drop, l.Fields[1])
				case "cut":
					cut = append(cut, l.Fields[1])
				}
			}
		}
	}
	return drop, cut
}

// nameIndex finds known names in text, by their first two runes.
type nameIndex map[string][]name

func newNameIndex(names []name) nameIndex {
	idx := nameIndex{}
	for _, n := range names {
		if utf8.RuneCountInString(n.text) < 2 {
			continue
		}
		k := key(n.text)
		idx[k] = append(idx[k], n)
	}
	for k, ns := range idx {
		slices.SortFunc(ns, func(a, b name) int { return len(b.text) - len(a.text) })
		idx[k] = ns
	}
	return idx
}

func key(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b]
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r)
}

// template cuts the names it knows out of s.
func (idx nameIndex) template(s string) template {
	var t template
	seen := map[string]slot{}
	count := map[byte]int{}
	last := 0
	prev := rune(' ')
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		var found *name
		if !isWordRune(prev) && i+w < len(s) {
			for j, n := range idx[key(s[i:])] {
				if strings.HasPrefix(s[i:], n.text) {
					next, _ := utf8.DecodeRuneInString(s[i+len(n.text):])
					if i+len(n.text) == len(s) || !isWordRune(next) || !isWordRune(r) {
						found = &idx[key(s[i:])][j]
						break
					}
				}
			}
		}
		if found == nil {
			prev = r
			i += w
			continue
		}
		sl, ok := seen[found.text]
		if !ok {
			sl = slot{found.kind, count[found.kind]}
			count[found.kind]++
			seen[found.text] = sl
		}
		t.parts = append(t.parts, s[last:i])
		t.slots = append(t.slots, sl)
		i += len(found.text)
		last = i
		prev, _ = utf8.DecodeLastRuneInString(found.text)
	}
	t.parts = append(t.parts, s[last:])
	return t
}

// cast is who and where a story or a paragraph is about: indexes into the corpus's lists.
type cast struct {
	people, countries, places []int
}

func (c *Corpus) fill(b *strings.Builder, t template, lang string, k *cast) {
	sc := scriptIndex(c.script[lang])
	for i, part := range t.parts {
		b.WriteString(part)
		if i == len(t.slots) {
			break
		}
		s := t.slots[i]
		switch s.kind {
		case 'P':
			b.WriteString(c.people[k.people[s.n%len(k.people)]][sc])
		case 'L':
			b.WriteString(c.places[k.places[s.n%len(k.places)]][sc])
		case 'C':
			names := c.countries[lang]
			b.WriteString(names[k.countries[s.n%len(k.countries)]%len(names)])
		}
	}
}

// story is an event that one or more articles tell.
type story struct {
	id   int
	cast cast
	date time.Time
	left int // more articles to tell it
}

// written is an article as generated, before rendering, kept for reprints.
type written struct {
	story                      int // the story's id; 0 for a reprint
	lang, title, place, outlet string
	paras                      []string
	published                  time.Time
}

// Source returns a source of n documents drawn from seed.
func (c *Corpus) Source(n int, seed int64) dyad.Source { return &corpusSource{c: c, n: n, seed: seed} }

type corpusSource struct {
	c    *Corpus
	n    int
	seed int64
}

func (s *corpusSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		g := s.c.generator(s.seed)
		for range s.n {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(g.next(), nil) {
				return
			}
		}
	}
}

type corpusGen struct {
	c        *Corpus
	seed     int64
	rng      *rand.Rand
	pZipf    *rand.Zipf
	cZipf    *rand.Zipf
	stories  int
	pool     []*story
	recent   []*written
	articles int
	last     *written // the article last made, for tests
}

func (c *Corpus) generator(seed int64) *corpusGen {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x2545f4914f6cdd1d))
	g := &corpusGen{c: c, seed: seed, rng: rng}
	g.pZipf = rand.NewZipf(rng, 1.1, 8, uint64(len(c.people)-1))
	g.cZipf = rand.NewZipf(rng, 1.2, 4, uint64(len(c.countries[c.langs[0]])-1))
	return g
}

func (g *corpusGen) cast() cast {
	var k cast
	for range 3 {
		k.people = append(k.people, int(g.pZipf.Uint64()))
	}
	for range 2 {
		k.countries = append(k.countries, int(g.cZipf.Uint64()))
	}
	for range 2 {
		k.places = append(k.places, g.rng.IntN(len(g.c.places)))
	}
	return k
}

func (g *corpusGen) lang() string {
	ws := g.c.weights
	x := g.rng.Float64() * ws[len(ws)-1]
	i, _ := slices.BinarySearch(ws, x)
	return g.c.langs[min(i, len(ws)-1)]
}

// story returns the story the next article tells: an earlier one still to be retold, or a new one.
func (g *corpusGen) story() *story {
	// A retold story has on average two more tellings, so this share of articles drains the pool.
	retell := 2 * g.c.opts.Retold / (1 + 2*g.c.opts.Retold)
	if len(g.pool) > 0 && g.c.opts.Retold > 0 && g.rng.Float64() < retell {
		i := g.rng.IntN(len(g.pool))
		s := g.pool[i]
		if s.left--; s.left <= 0 {
			g.pool[i] = g.pool[len(g.pool)-1]
			g.pool = g.pool[:len(g.pool)-1]
		}
		return s
	}
	g.stories++
	s := &story{id: g.stories, cast: g.cast(), date: g.c.start.AddDate(0, 0, g.rng.IntN(g.c.days))}
	if g.rng.Float64() < g.c.opts.Retold {
		s.left = 1 + g.rng.IntN(3)
		g.pool = append(g.pool, s)
	}
	return s
}

func (g *corpusGen) next() *dyad.Document {
	g.articles++
	c := g.c
	var w *written
	if len(g.recent) > 0 && g.c.opts.Reprints > 0 && g.rng.Float64() < c.opts.Reprints {
		// A reprint: another outlet of the language runs an earlier article, sometimes without its last paragraph.
		orig := g.recent[g.rng.IntN(len(g.recent))]
		cp := *orig
		cp.story = 0
		cp.outlet = c.outlets[cp.lang][g.rng.IntN(len(c.outlets[cp.lang]))]
		cp.published = cp.published.AddDate(0, 0, g.rng.IntN(2))
		if len(cp.paras) > 3 && g.rng.IntN(2) == 0 {
			cp.paras = cp.paras[:len(cp.paras)-1]
		}
		w = &cp
	} else {
		w = g.write()
		if len(g.recent) < 1000 {
			g.recent = append(g.recent, w)
		} else {
			g.recent[g.rng.IntN(len(g.recent))] = w
		}
	}
	g.last = w
	return g.render(w)
}

// write makes a new article: a story's two core paragraphs (the same for every article that tells the story
// in this language), then background paragraphs about other casts up to the drawn size.
func (g *corpusGen) write() *written {
	c := g.c
	lang := g.lang()
	s := g.story()
	w := &written{story: s.id, lang: lang, outlet: c.outlets[lang][g.rng.IntN(len(c.outlets[lang]))],
		published: s.date.AddDate(0, 0, g.rng.IntN(3))}
	sc := scriptIndex(c.script[lang])
	w.place = c.places[s.cast.places[0]][sc]
	paras := c.paras[lang]
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%d/%s", g.seed, s.id, lang)
	core := h.Sum64()
	var b strings.Builder
	size := c.opts.MinSize + g.rng.IntN(c.opts.MaxSize-c.opts.MinSize+1)
	total := 0
	for i := 0; total < size; i++ {
		b.Reset()
		switch i {
		case 0, 1:
			c.fill(&b, paras[(core>>(32*i))%uint64(len(paras))], lang, &s.cast)
		default:
			k := g.cast()
			c.fill(&b, paras[g.rng.IntN(len(paras))], lang, &k)
		}
		w.paras = append(w.paras, b.String())
		total += b.Len() + 2
	}
	b.Reset()
	if ts := c.titles[lang]; len(ts) > 0 {
		c.fill(&b, ts[core%uint64(len(ts))], lang, &s.cast)
		w.title = b.String()
	} else {
		w.title = firstWords(w.paras[0], 80)
	}
	return w
}

func firstWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut]
}

// date writes t as the language's dateline would: "19 march 2019" with its month names, else ISO.
func (c *Corpus) date(lang string, t time.Time) string {
	ms := c.months[lang]
	if len(ms) == 12 {
		if r, _ := utf8.DecodeRuneInString(ms[0]); unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) {
			return fmt.Sprintf("%d %s %d", t.Day(), ms[t.Month()-1], t.Year())
		}
	}
	return t.Format(time.DateOnly)
}

func (g *corpusGen) render(w *written) *dyad.Document {
	c := g.c
	id := g.articles
	slug := fmt.Sprintf("%d/%02d/article-%d-%d", w.published.Year(), w.published.Month(), g.seed, id)
	url := "https://" + w.outlet + "/" + slug
	d := &dyad.Document{URI: fmt.Sprintf("synth:%d/%s/%08d", g.seed, w.lang, id), URL: url}
	dateline := fmt.Sprintf("%s, %s (%s) – ", strings.ToUpper(w.place), c.date(w.lang, w.published), w.outlet)
	noise := func(n int) []string {
		var out []string
		if ns := c.noise[w.lang]; len(ns) > 0 {
			for range n {
				out = append(out, ns[g.rng.IntN(len(ns))])
			}
		}
		return out
	}
	related := func() (string, []string) {
		cut := ""
		if cs := c.cuts[w.lang]; len(cs) > 0 {
			cut = cs[g.rng.IntN(len(cs))]
		}
		var heads []string
		for range 3 + g.rng.IntN(4) {
			o := g.recent[g.rng.IntN(len(g.recent))]
			heads = append(heads, o.title)
		}
		return cut, heads
	}
	var b strings.Builder
	switch x := g.rng.IntN(100); {
	case x < 45: // plain text, as a crawler's text dump leaves it
		b.WriteString(w.title + "\n\n")
		for _, l := range noise(g.rng.IntN(3)) {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n" + dateline)
		for i, p := range w.paras {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p)
		}
		b.WriteString("\n\n")
		for _, l := range noise(1 + g.rng.IntN(3)) {
			b.WriteString(l + "\n")
		}
		if cut, heads := related(); cut != "" {
			b.WriteString("\n" + cut + "\n")
			for _, h := range heads {
				b.WriteString(h + "\n")
			}
		}
		d.Format = "text"
	case x < 75:
		g.page(&b, w, url, dateline, noise, related)
		d.Format = "html"
	case x < 90: // a feed record: clean text and metadata
		for i, p := range w.paras {
			if i > 0 {
				b.WriteString("\n\n")
			}
			if i == 0 {
				b.WriteString(dateline)
			}
			b.WriteString(p)
		}
		d.Format, d.Title, d.Published, d.Source, d.Lang = "text", w.title, w.published.Format(time.RFC3339), w.outlet, w.lang
		d.URI = fmt.Sprintf("synth:%d/feed-%s.jsonl#%d", g.seed, w.lang, id)
		d.Body = []byte(b.String())
		return d
	default: // Markdown
		b.WriteString("# " + w.title + "\n\n")
		b.WriteString("*" + w.published.Format(time.DateOnly) + " · " + w.outlet + "*\n\n")
		for i, p := range w.paras {
			if i == 0 {
				b.WriteString("**" + strings.TrimSuffix(dateline, " ") + "** ")
			}
			b.WriteString(p + "\n\n")
		}
		for _, l := range noise(g.rng.IntN(3)) {
			b.WriteString("- " + l + "\n")
		}
		d.Format = "markdown"
	}
	d.Body = []byte(b.String())
	return d
}

// page writes w as a news site's HTML page: head metadata, a script, navigation, a cookie notice, the
// article, share buttons, related links and a footer.
func (g *corpusGen) page(b *strings.Builder, w *written, url, dateline string, noise func(int) []string, related func() (string, []string)) {
	esc := html.EscapeString
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | %s</title>\n", w.lang, esc(w.title), w.outlet)
	fmt.Fprintf(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta property=\"og:title\" content=\"%s\">\n", esc(w.title))
	fmt.Fprintf(b, "<meta property=\"og:type\" content=\"article\">\n<meta property=\"article:published_time\" content=\"%s\">\n", w.published.Format(time.RFC3339))
	fmt.Fprintf(b, "<link rel=\"canonical\" href=\"%s\">\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n", esc(url))
	b.WriteString("<style>body{font-family:Georgia,serif;margin:0}.nav a{padding:0 8px}.cookie{position:fixed;bottom:0}.share li{display:inline}</style>\n")
	b.WriteString("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','UA-000000-1');" +
		"document.addEventListener('DOMContentLoaded',function(){var c=document.querySelector('.cookie');if(localStorage.getItem('ok'))c.remove();});</script>\n</head>\n<body>\n")
	fmt.Fprintf(b, "<header class=\"site\"><a class=\"logo\" href=\"/\">%s</a>\n<nav class=\"nav\"><ul>\n", w.outlet)
	for i := range 12 {
		fmt.Fprintf(b, "<li><a href=\"/section/%d\">%s</a></li>\n", i, esc(firstWords(g.recent[g.rng.IntN(len(g.recent))].title, 16)))
	}
	b.WriteString("</ul></nav></header>\n<div class=\"cookie\"><p>")
	for _, l := range noise(2) {
		b.WriteString(esc(l) + " ")
	}
	b.WriteString("</p><button>OK</button></div>\n<main>\n<article>\n")
	fmt.Fprintf(b, "<h1>%s</h1>\n<div class=\"byline\"><time datetime=\"%s\">%s</time></div>\n", esc(w.title), w.published.Format(time.RFC3339), w.published.Format(time.DateOnly))
	for i, p := range w.paras {
		if i == 0 {
			p = dateline + p
		}
		fmt.Fprintf(b, "<p>%s</p>\n", esc(p))
		if i == 2 {
			b.WriteString("<div class=\"ad\"><script>/* ad slot */</script></div>\n")
		}
	}
	b.WriteString("</article>\n<ul class=\"share\">")
	for _, l := range noise(3) {
		fmt.Fprintf(b, "<li><a href=\"#\">%s</a></li>", esc(l))
	}
	b.WriteString("</ul>\n<aside class=\"related\">")
	if cut, heads := related(); cut != "" {
		fmt.Fprintf(b, "<h2>%s</h2>\n<ul>\n", esc(cut))
		for i, h := range heads {
			fmt.Fprintf(b, "<li><a href=\"/related/%d\">%s</a></li>\n", i, esc(h))
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</aside>\n</main>\n<footer><ul>")
	for i := range 8 {
		fmt.Fprintf(b, "<li><a href=\"/page/%d\">%s</a></li>", i, esc(firstWords(g.recent[g.rng.IntN(len(g.recent))].title, 12)))
	}
	fmt.Fprintf(b, "</ul><p>© %d %s</p></footer>\n</body>\n</html>\n", w.published.Year(), w.outlet)
}
