package link

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

var (
	benchCountries = strings.Fields("VNM CHN USA RUS FRA DEU GBR JPN KOR IND IDN THA LAO KHM PHL MYS SGP AUS BRA ZAF NGA EGY TUR IRN ISR UKR POL ITA ESP NLD")
	benchSectors   = []string{"GOV", "MIL", "PTY", "", "BUS"}
	// Statement sentences in our own words, in several languages.
	benchStatements = []struct{ lang, text string }{
		{"en", "relations with the neighbour are a top priority and a strategic choice of its foreign policy"},
		{"en", "the country firmly upholds its sovereignty and territorial integrity in the East Sea"},
		{"fr", "la France appelle à un cessez-le-feu immédiat et à l'aide humanitaire"},
		{"nl", "de regering steunt de tweestatenoplossing en het internationaal recht"},
		{"de", "die Regierung lehnt einseitige Sanktionen ab und fordert Dialog"},
		{"vi", "hai bên nhất trí tăng cường tin cậy chính trị và hợp tác cùng có lợi"},
		{"zh", "中方坚定维护国家主权和领土完整，反对霸权主义"},
		{"es", "el gobierno defiende el libre comercio y rechaza el proteccionismo"},
		{"ru", "Москва выступает за многополярность и против односторонних санкций"},
		{"en", "we will deepen cooperation for the benefit of both peoples"},
	}
)

// benchRecords makes n synthetic linked-pipeline records: texts of about 2.5 kB (5% of them reprints of an
// earlier one), two events and two statements each, over two years and 30 countries.
func benchRecords(n int, seed uint64) []*dyad.Record {
	r := rand.New(rand.NewPCG(seed, 11))
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*dyad.Record, 0, n)
	var b strings.Builder
	for i := range n {
		id := fmt.Sprintf("art%07d", i)
		var text string
		if i > 10 && r.IntN(20) == 0 {
			text = "Reprint. " + out[r.IntN(len(out))].Article.Text
		} else {
			b.Reset()
			for j := range 380 {
				if j > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(&b, "word%d", r.IntN(60000))
			}
			text = b.String()
		}
		pub := base.AddDate(0, 0, r.IntN(730))
		rec := &dyad.Record{Article: dyad.Article{ID: id, Lang: "en", Source: "agency", Text: text,
			Published: dyad.NullString(pub.Format(day))}}
		for k := range 2 {
			c1, c2 := benchCountries[r.IntN(len(benchCountries))], benchCountries[r.IntN(len(benchCountries))]
			s1, s2 := benchSectors[r.IntN(len(benchSectors))], benchSectors[r.IntN(len(benchSectors))]
			date := pub.AddDate(0, 0, -r.IntN(3)).Format(day)
			if r.IntN(5) == 0 {
				date = ""
			}
			code := fmt.Sprintf("%02d%d", 1+r.IntN(20), r.IntN(5))
			rec.Events = append(rec.Events, dyad.Event{ID: fmt.Sprintf("%s-%d", id, k), Code: code, Root: code[:2],
				Date:   dyad.NullString(date),
				Source: dyad.EventActor{Code: c1 + s1, Country: c1, Sector: s1, ActorID: fmt.Sprintf("p%d", r.IntN(300))},
				Target: dyad.EventActor{Code: c2 + s2, Country: c2, Sector: s2},
				Mentions: []dyad.EventMention{{ArticleID: id, Lang: "en", Source: "agency", Start: 100 * k,
					End: 100*k + 90, Confidence: 0.5 + r.Float64()/2, Date: date}}})
		}
		for k := range 2 {
			st := benchStatements[r.IntN(len(benchStatements))]
			c := benchCountries[r.IntN(len(benchCountries))]
			rec.Statements = append(rec.Statements, dyad.Statement{ID: fmt.Sprintf("%s-s%d", id, k), ArticleID: id,
				Speaker: dyad.ActorRef{Country: c, Code: c + "GOV"}, Text: st.text, Lang: st.lang, Start: 0, End: len(text)})
		}
		out = append(out, rec)
	}
	return out
}

// BenchmarkLink links and saves (into the in-memory index) one article an iteration.
func BenchmarkLink(b *testing.B) {
	recs := benchRecords(b.N, 1)
	idx := newMemIndex()
	l := newTestLinker(b, idx)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := l.Link(ctx, recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
		idx.save(recs[i%len(recs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkSign(b *testing.B) {
	text := benchRecords(1, 2)[0].Article.Text + " Phạm Thanh Bình, l’État, 周边外交 — Việt Nam"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign("a", text)
	}
}

func BenchmarkMatchConcepts(b *testing.B) {
	l := newTestLinker(b, newMemIndex())
	n := 0
	for _, s := range benchStatements {
		n += len(s.text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range benchStatements {
			l.lex.Match(s.lang, s.text)
		}
	}
}

// TestLink100k links 100,000 synthetic articles against the in-memory index and reports the time; it runs
// when DYAD_BENCH_100K is set (the figure in docs/benchmarks.md).
func TestLink100k(t *testing.T) {
	if os.Getenv("DYAD_BENCH_100K") == "" {
		t.Skip("set DYAD_BENCH_100K=1 to link 100,000 articles")
	}
	recs := benchRecords(100_000, 3)
	idx := newMemIndex()
	l := newTestLinker(t, idx)
	ctx := context.Background()
	cpu0 := cpuTime()
	start := time.Now()
	dups, reprints, missed, wrong := 0, 0, 0, 0
	for _, rec := range recs {
		reprint := strings.HasPrefix(rec.Article.Text, "Reprint. ")
		if err := l.Link(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if rec.Article.NearDuplicateOf != "" {
			dups++
		}
		switch {
		case reprint:
			reprints++
			if rec.Article.NearDuplicateOf == "" {
				missed++
			}
		case rec.Article.NearDuplicateOf != "":
			wrong++
		}
		idx.save(rec)
	}
	el := time.Since(start)
	cpu := cpuTime() - cpu0
	t.Logf("CPU time (user+system, all threads incl. GC): %v", cpu.Round(time.Millisecond))
	t.Logf("linked %d articles in %v (%.0f articles/s): %d near-duplicates (%d reprints, %d missed, %d wrong), %d events, %d claims",
		len(recs), el.Round(time.Millisecond), float64(len(recs))/el.Seconds(), dups, reprints, missed, wrong,
		len(idx.events), len(idx.claims))
	if missed > reprints/100 || wrong > 0 {
		t.Errorf("near-duplicates: %d of %d reprints missed, %d wrong", missed, reprints, wrong)
	}
	if el > 60*time.Second {
		t.Errorf("linking 100,000 articles took %v, want under 60 s", el)
	}
}

// cpuTime is the process's user and system CPU time: a figure that other load on the machine does not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
