package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/synth"
)

// benchDocs returns plain-text news: our noise fixtures, the sample corpus and the seeds when present.
func benchDocs(b *testing.B) []*dyad.Document {
	files, _ := filepath.Glob("testdata/noise/*.txt")
	sample, _ := filepath.Glob("../sample/*/*.txt")
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	var docs []*dyad.Document
	for _, f := range append(append(files, sample...), seeds...) {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, &dyad.Document{URI: f, Format: "text", Body: body})
	}
	return docs
}

// BenchmarkExtract measures Extract on plain-text news, language identification included (one core:
// go test -bench Extract -cpu 1).
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	docs := benchDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body))
	}
	b.SetBytes(size / int64(len(docs)))
	b.Logf("%d documents, %d bytes on average", len(docs), size/int64(len(docs)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := x.Extract(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractParallel is BenchmarkExtract on every core.
func BenchmarkExtractParallel(b *testing.B) {
	x := extractor(b)
	docs := benchDocs(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := x.Extract(docs[i%len(docs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractHTML measures Extract on an HTML page (go-trafilatura with fallbacks and its date search).
func BenchmarkExtractHTML(b *testing.B) {
	x := extractor(b)
	body, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	doc := &dyad.Document{URI: "page.html", Format: "html", Body: body}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := x.Extract(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractCorpus extracts the first 2,000 documents of dyad bench's generated corpus (synth.Corpus,
// seed 1, from the sample articles: text, HTML, Markdown and feed records in ten languages) with a fresh
// Extractor each time, so that its memos start empty as in a process of its own.
func BenchmarkExtractCorpus(b *testing.B) {
	m, err := synth.LoadMaterial(os.DirFS("../sample"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := synth.NewCorpus(m, synth.CorpusOptions{Packs: packs.Default()})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*dyad.Document
	for d, err := range c.Source(2000, 1).Documents(context.Background()) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	var calls int64
	for b.Loop() {
		x, err := New(packs.Default())
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if _, err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
		calls += x.dates.calls.Load()
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(calls)/float64(b.N), "dateparser-calls/op")
}
