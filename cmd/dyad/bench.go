package main

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/source"
)

func init() {
	register(command{name: "bench", args: "[--n 10000] [--corpus DIR]", summary: "measure ingest speed on n articles made from a corpus, into a fresh store", run: runBench})
}

// benchSource yields n documents made from the corpus's plain-text articles: article i%len, a numbered line,
// then two other articles of the corpus drawn at random (seeded by i), so that every document is new and few
// are near-duplicates of each other, as in a real crawl.
type benchSource struct {
	docs []dyad.Document
	n    int
}

func (b benchSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		k := len(b.docs)
		for i := range b.n {
			if ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			d := b.docs[i%k]
			d.URI = fmt.Sprintf("%s#bench%d", d.URI, i)
			// The numbered line goes after the first paragraph: a tail after the article (a "Related"
			// list) may be cut by extraction.
			cut := bytes.Index(d.Body, []byte("\n\n"))
			if cut < 0 {
				cut = len(d.Body)
			}
			body := append([]byte(nil), d.Body[:cut]...)
			body = append(body, fmt.Sprintf("\n\nThe desk filed this report as number %d of the series.", i)...)
			body = append(body, d.Body[cut:]...)
			for range 2 {
				body = append(append(body, "\n\n"...), b.docs[rng.IntN(k)].Body...)
			}
			d.Body = body
			if !yield(&d, nil) {
				return
			}
		}
	}
}

func runBench(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "bench", "")
	n := fl.Int("n", 10000, "articles to ingest")
	corpus := fl.String("corpus", "sample", "folder of articles to build the benchmark documents from")
	workers := fl.Int("workers", 0, "concurrent workers (default: number of CPUs)")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the ingest here")
	extractOnly := fl.Bool("extract-only", false, "ingest with the extract stage only (no actors, events or linking): the foundation's figure")
	if _, err := parse(fl, args); err != nil {
		return err
	}
	var docs []dyad.Document
	for d, err := range source.Open([]string{*corpus}, nil).Documents(ctx) {
		// Plain-text articles only: a line added after an HTML page's end would not be part of its text.
		if err == nil && d.Format != "html" && !strings.Contains(string(d.Body[:min(len(d.Body), 512)]), "<html") {
			docs = append(docs, *d)
		}
	}
	if len(docs) < 2 {
		return fmt.Errorf("too few plain-text documents in %s", *corpus)
	}
	size := 0
	for d, err := range (benchSource{docs: docs, n: *n}).Documents(ctx) {
		if err == nil {
			size += len(d.Body)
		}
	}
	if e.db == "dyad.db" {
		dir, err := os.MkdirTemp("", "dyad-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		e.db = filepath.Join(dir, "bench.db")
	}
	t0 := time.Now()
	c, err := e.components()
	if err != nil {
		return err
	}
	load := time.Since(t0)
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	stages := c.stages()
	// Time the stages one document at a time too, on one core, for the per-stage figures.
	var tExtract, tAnnotate, tCode time.Duration
	sample := min(len(docs), 200)
	// A first pass warms up what loads lazily (language models, date parser locales), then the timed one.
	for i := range sample {
		if a, err := stages.Extract(&docs[i]); err == nil {
			stages.Code(a, stages.Annotate(a))
		}
	}
	for i := range sample {
		d := docs[i]
		t := time.Now()
		a, err := stages.Extract(&d)
		tExtract += time.Since(t)
		if err != nil {
			continue
		}
		t = time.Now()
		ms := stages.Annotate(a)
		tAnnotate += time.Since(t)
		t = time.Now()
		stages.Code(a, ms)
		tCode += time.Since(t)
	}
	r, err := e.runner(c, st, *workers)
	if err != nil {
		return err
	}
	stagesRun := "all stages, link, store"
	if *extractOnly {
		r.Annotate, r.Code, r.Link = nil, nil, nil
		stagesRun = "extract and store only"
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	t1 := time.Now()
	sum, err := r.Run(ctx, benchSource{docs: docs, n: *n})
	if err != nil {
		return err
	}
	total := time.Since(t1)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	sampleBytes := 0
	for i := range sample {
		sampleBytes += len(docs[i].Body)
	}
	per := func(d time.Duration) string {
		return fmt.Sprintf("%8.0f docs/s  %6.2f MB/s", float64(sample)/d.Seconds(), float64(sampleBytes)/1e6/d.Seconds())
	}
	w := e.stdout
	fmt.Fprintf(w, "dyad bench: %d articles (%.1f MB) from %d documents of %s, %d CPU(s), store %s\n", *n, float64(size)/1e6, len(docs), *corpus, runtime.GOMAXPROCS(0), redactURL(e.db))
	fmt.Fprintf(w, "  load packs          %v (%d names)\n", load.Round(time.Millisecond), c.dict.Len())
	fmt.Fprintf(w, "  extract   (1 core)  %s\n", per(tExtract))
	fmt.Fprintf(w, "  annotate  (1 core)  %s\n", per(tAnnotate))
	fmt.Fprintf(w, "  code      (1 core)  %s\n", per(tCode))
	fmt.Fprintf(w, "  ingest (%s): %d stored, %d duplicates, %d failed in %v: %.0f articles/s, %.2f MB/s\n",
		stagesRun, sum.Stored, sum.Duplicates, sum.Failed, total.Round(time.Millisecond), float64(sum.Read)/total.Seconds(), float64(size)/1e6/total.Seconds())
	fmt.Fprintf(w, "  heap in use %d MB, total allocated %d MB\n", ms.HeapInuse>>20, ms.TotalAlloc>>20)
	return nil
}
