package main

import (
	"context"
	"os"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/synth"
)

// BenchmarkArticleStages runs the per-article stages after extraction (annotate, then code with places) as
// the pipeline does, on the first 1,000 articles of dyad bench's corpus (seed 1, the sample material),
// extracted once before timing: a profile of the two stages without the link, the store and the load's noise.
// Run from cmd/dyad: go test ./cmd/dyad -run X -bench ArticleStages -cpu 1 -benchtime 3x
func BenchmarkArticleStages(b *testing.B) {
	c, err := (&env{}).components()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(b, c, 1000)
	st := c.stages()
	for _, a := range arts { // the first use of each language's layers is not the stages' steady state
		st.Code(a, st.Annotate(a))
	}
	var size int64
	for _, a := range arts {
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	cpu0, _ := rusage()
	for b.Loop() {
		for _, a := range arts {
			st.Code(a, st.Annotate(a))
		}
		n++
	}
	cpu1, _ := rusage()
	b.ReportMetric(float64(n*len(arts))/(cpu1-cpu0).Seconds(), "articles/cpu-s") // the process's CPU: the collector's too
}

// benchArticles extracts the first n documents of dyad bench's corpus.
func benchArticles(b *testing.B, c *components, n int) []*dyad.Article {
	b.Helper()
	set, err := (&env{}).packs()
	if err != nil {
		b.Fatal(err)
	}
	m, err := synth.LoadMaterial(os.DirFS("../../sample"))
	if err != nil {
		b.Skip("no sample material:", err)
	}
	corpus, err := synth.NewCorpus(m, synth.CorpusOptions{Packs: set})
	if err != nil {
		b.Fatal(err)
	}
	var arts []*dyad.Article
	for doc, err := range corpus.Source(n, 1).Documents(context.Background()) {
		if err != nil {
			b.Fatal(err)
		}
		if a, err := c.extractor.Extract(doc); err == nil {
			arts = append(arts, a)
		}
	}
	return arts
}
