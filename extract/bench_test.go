package extract

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

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
// Extractor each time, so that its memos start empty as in a process of its own. Beside articles/s (wall) it
// reports what a shared machine cannot blur: articles per CPU-second of the process (articles/cpu-s: the
// collector included, New's load excluded) and, from the thread's own CPU time, per CPU-second for the HTML
// pages and for the other documents apart (html/cpu-s, other/cpu-s).
func BenchmarkExtractCorpus(b *testing.B) {
	docs := corpusDocs(b, "")
	runtime.LockOSThread() // threadCPU's differences are this goroutine's
	defer runtime.UnlockOSThread()
	var calls, htmls int64
	var cpu, htmlCPU, otherCPU time.Duration
	for b.Loop() {
		x, err := New(packs.Default())
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		for _, d := range docs {
			t0 := threadCPU()
			if _, err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
			if t := threadCPU() - t0; d.Format == "html" {
				htmlCPU += t
				htmls++
			} else {
				otherCPU += t
			}
		}
		cpu += cpuTime() - c0
		calls += x.dates.calls.Load()
	}
	n := int64(b.N * len(docs))
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(htmls)/htmlCPU.Seconds(), "html/cpu-s")
	b.ReportMetric(float64(n-htmls)/otherCPU.Seconds(), "other/cpu-s")
	b.ReportMetric(float64(calls)/float64(b.N), "dateparser-calls/op")
}

// BenchmarkExtractPages extracts real web pages: the *.html files of the folder named by $DYAD_HTML_PAGES
// (skipped when unset), for instance go-trafilatura's 1,000 annotated pages of news and blogs
// (test-files/comparison in its module folder: `go list -m -f '{{.Dir}}' github.com/markusmobius/go-trafilatura`).
// Pages that are not UTF-8 are left out (the source package decodes them before extraction). It reports
// articles per CPU-second of the process (articles/cpu-s).
func BenchmarkExtractPages(b *testing.B) {
	dir := os.Getenv("DYAD_HTML_PAGES")
	if dir == "" {
		b.Skip("DYAD_HTML_PAGES names no folder of HTML pages")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no *.html in %s (%v)", dir, err)
	}
	var docs []*dyad.Document
	var size int64
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if utf8.Valid(body) {
			docs = append(docs, &dyad.Document{URI: f, Format: "html", Body: body})
			size += int64(len(body))
		}
	}
	b.Logf("%d pages, %d bytes on average", len(docs), size/int64(len(docs)))
	x := extractor(b)
	var cpu time.Duration
	for b.Loop() {
		c0 := cpuTime()
		for _, d := range docs {
			x.Extract(d) // a page with no main text is an answer too
		}
		cpu += cpuTime() - c0
	}
	n := float64(b.N * len(docs))
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(n/cpu.Seconds(), "articles/cpu-s")
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadCPU is the user and system CPU time of the calling thread so far (Linux's RUSAGE_THREAD).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// corpusDocs returns the bench's first 2,000 documents (synth.Corpus, seed 1), only those of format when it is
// not "".
func corpusDocs(b *testing.B, format string) []*dyad.Document {
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
		if format == "" || d.Format == format {
			docs = append(docs, d)
		}
	}
	return docs
}
