package geo_test

import (
	"runtime"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/packs"
)

// BenchmarkLoad loads the gazetteer (target: < 0.5 s and < 150 MB); heap-MB is the live heap it holds.
func BenchmarkLoad(b *testing.B) {
	set := packs.Default()
	for b.Loop() {
		if _, errs := geo.Load(set); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, _ := geo.Load(set)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// BenchmarkPipeline compares, over the gold's 201 sentences, annotate + code with the place resolver
// (target: the resolver < 10% of annotate + code).
func BenchmarkPipeline(b *testing.B) {
	p := loadPipe(b)
	items := readGold(b, "testdata/gold.jsonl")
	type doc struct {
		a   *dyad.Article
		ms  []dyad.ActorMention
		evs []dyad.Event
	}
	docs := make([]doc, len(items))
	for i, it := range items {
		a := &dyad.Article{ID: "gold", Lang: it.Lang, Text: it.Text, Dateline: dyad.NullString(it.Dateline), Published: "2024-06-01"}
		ms := p.dict.Recognize(a)
		docs[i] = doc{a, ms, p.cd.Code(a, ms).Events}
	}
	b.Run("annotate+code", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				p.cd.Code(d.a, p.dict.Recognize(d.a))
			}
		}
	})
	b.Run("resolve", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				p.r.Resolve(d.a, d.ms, d.evs)
			}
		}
	})
}
