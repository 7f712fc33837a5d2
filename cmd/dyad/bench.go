package main

import (
	"context"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/synth"
)

func init() {
	register(command{name: "bench", args: "[--articles 100000] [--large] [--write DIR]", summary: "measure ingest speed on a realistic generated corpus, into a fresh store", run: runBench})
}

func runBench(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "bench", "")
	articles := fl.Int("articles", 100000, "articles to generate and ingest")
	fl.IntVar(articles, "n", 100000, "same as --articles")
	large := fl.Bool("large", false, "ingest 500,000 articles (overrides --articles)")
	stretch := fl.Int("stretch", 5000, "report the rates of every stretch of this many articles")
	seed := fl.Int64("seed", 1, "seed of the generated corpus (the same seed makes the same articles)")
	material := fl.String("material", "sample", "comma-separated folders of our own articles (one folder per language) the corpus is written from")
	write := fl.String("write", "", "write the corpus as files into this folder (text, HTML, Markdown, JSON Lines) instead of ingesting it")
	workers := fl.Int("workers", 0, "concurrent workers (default: number of CPUs)")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the ingest here; a name with %d writes one per stretch, %d its first article (what grows with the store shows as the difference of two)")
	memprofile := fl.String("memprofile", "", "write a heap profile (what the ingest allocated, by place) here")
	extractOnly := fl.Bool("extract-only", false, "ingest with the extract stage only (no actors, events or linking)")
	records := fl.String("records", "", "also write the linked batches the store saves to this file (gob), for the store's own benchmark (go test ./sqlite -bench SaveRecorded)")
	if _, err := parse(fl, args); err != nil {
		return err
	}
	n := *articles
	if *large {
		n = 500000
	}
	if n <= 0 || *stretch <= 0 {
		return usagef("--articles and --stretch must be positive")
	}
	set, err := e.packs()
	if err != nil {
		return err
	}
	m := &synth.Material{}
	for _, dir := range strings.Split(*material, ",") {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return fmt.Errorf("--material %q: no such folder (the default is the repository's sample corpus: run dyad bench from the repository root, or name folders of articles, one sub-folder per language)", dir)
		}
		mm, err := synth.LoadMaterial(os.DirFS(dir))
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		for l, ps := range mm.Paragraphs {
			m.Paragraphs = mapAppend(m.Paragraphs, l, ps)
		}
		for l, ts := range mm.Titles {
			m.Titles = mapAppend(m.Titles, l, ts)
		}
	}
	corpus, err := synth.NewCorpus(m, synth.CorpusOptions{Packs: set})
	if err != nil {
		return err
	}
	if *write != "" {
		return writeCorpus(ctx, e, corpus.Source(n, *seed), *write, n)
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
	r, err := e.runner(c, st, *workers)
	if err != nil {
		return err
	}
	stagesRun := "every stage, link, store"
	if *extractOnly {
		r.Annotate, r.Code, r.Link = nil, nil, nil
		stagesRun = "extract and store only"
	}
	var tm stageTimes
	tm.wrap(r)
	if *records != "" {
		f, err := os.Create(*records)
		if err != nil {
			return err
		}
		defer f.Close()
		keepRecords(r, gob.NewEncoder(f), e.stderr)
	}
	r.OnError = func(err error) { fmt.Fprintf(e.stderr, "dyad bench: %v\n", err) }

	prof := stretchProfile{name: *cpuprofile}
	if err := prof.start(0); err != nil {
		return err
	}
	defer prof.stop()

	w := e.stdout
	fmt.Fprintf(w, "dyad bench: %d articles in %d languages (seed %d, material %s), %s, %d CPU(s), store %s\n",
		n, len(corpus.Langs()), *seed, *material, stagesRun, runtime.GOMAXPROCS(0), redactURL(e.db))
	fmt.Fprintf(w, "  load packs: %v (%d names)\n", load.Round(time.Millisecond), c.dict.Len())
	fmt.Fprintf(w, "  %-15s %11s %7s %7s %10s %9s %9s %7s %10s %9s %4s\n", "articles", "articles/s", "MB/s", "CPU-s", "CPU-s/1k", "stored", "store MB", "RSS MB", "written MB", "alloc/1k", "GCs")
	src := &countingSource{src: corpus.Source(n, *seed), sizes: make([]int32, n)}
	cpu0, _ := rusage()
	_, written0 := procNow()
	gc0 := readGCStats()
	start := time.Now()
	last := struct {
		at    time.Time
		cpu   time.Duration
		read  int
		bytes int64
		gc    gcStats
	}{start, cpu0, 0, 0, gc0}
	var done int64 // bytes of the documents done
	report := func(s *pipeline.Summary) {
		now := time.Now()
		cpu, _ := rusage()
		wall := now.Sub(last.at).Seconds()
		docs := s.Read - last.read
		mb := float64(done-last.bytes) / 1e6
		rss, written := procNow()
		g := readGCStats()
		d := g.since(last.gc) // what the stretch allocated (MB per 1,000 articles) and its collections
		fmt.Fprintf(w, "  %-15s %11.0f %7.2f %7.1f %10.2f %9d %9.1f %7d %10.0f %9.0f %4d\n", fmt.Sprintf("%d-%d", last.read, s.Read),
			float64(docs)/wall, mb/wall, (cpu - last.cpu).Seconds(), (cpu-last.cpu).Seconds()*1000/float64(docs), s.Stored,
			float64(storeSize(e.db))/1e6, rss>>20, float64(written-written0)/1e6, float64(d.allocated)/1e6*1000/float64(docs), d.cycles)
		last.at, last.cpu, last.read, last.bytes, last.gc = now, cpu, s.Read, done, g
	}
	r.Progress = func(s *pipeline.Summary) {
		done += int64(src.sizes[s.Read-1])
		if s.Read%*stretch == 0 || s.Read == n {
			report(s)
			if s.Read < n && prof.each() {
				prof.stop()
				if err := prof.start(s.Read); err != nil {
					fmt.Fprintf(e.stderr, "dyad bench: %v\n", err)
				}
			}
		}
	}
	sum, err := r.Run(ctx, src)
	if err != nil {
		return err
	}
	total := time.Since(start)
	cpu1, peak := rusage()
	gc := readGCStats().since(gc0)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return err
		}
	}
	cpu := cpu1 - cpu0
	fmt.Fprintf(w, "  ingest: %d read, %d stored, %d duplicates, %d near-duplicates, %d failed in %v: %.0f articles/s, %.2f MB/s, %.1f CPU-s (%.0f articles per CPU-s, %.2f MB per CPU-s)\n",
		sum.Read, sum.Stored, sum.Duplicates, sum.NearDups, sum.Failed, total.Round(time.Millisecond), float64(sum.Read)/total.Seconds(),
		float64(done)/1e6/total.Seconds(), cpu.Seconds(), float64(sum.Read)/cpu.Seconds(), float64(done)/1e6/cpu.Seconds())
	if stats, err := st.Stats(ctx); err == nil {
		fmt.Fprintf(w, "  store: %d articles, %d events, %d event mentions, %d statements, %d claims; %.1f MB on disk\n",
			stats.Articles, stats.Events, stats.Mentions, stats.Statements, stats.Claims, float64(storeSize(e.db))/1e6)
	}
	fmt.Fprintf(w, "  time in each stage (summed over workers): %s\n", tm.String())
	fmt.Fprintf(w, "  %s\n", gc.line(sum.Read))
	fmt.Fprintf(w, "  peak RSS %d MB\n", peak>>20)
	if _, written := procNow(); written > 0 {
		// What the process wrote (the store: its WAL and checkpoints; --records, the profiles), against what the store keeps.
		fmt.Fprintf(w, "  written to files: %.0f MB", float64(written-written0)/1e6)
		if size := storeSize(e.db); size > 0 {
			fmt.Fprintf(w, " (%.1f times the store)", float64(written-written0)/float64(size))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// stretchProfile is the CPU profile of --cpuprofile: of the whole ingest, or one per stretch when its name
// holds %d.
type stretchProfile struct {
	name string
	f    *os.File
}

func (p *stretchProfile) each() bool { return strings.Contains(p.name, "%d") }

// start starts the profile of the stretch that begins at article from (of the whole ingest when from is 0
// and the name holds no %d); nothing without a name.
func (p *stretchProfile) start(from int) error {
	if p.name == "" {
		return nil
	}
	name := p.name
	if p.each() {
		name = fmt.Sprintf(p.name, from)
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	p.f = f
	return nil
}

// stop ends the running profile, if any.
func (p *stretchProfile) stop() {
	if p.f != nil {
		pprof.StopCPUProfile()
		p.f.Close()
		p.f = nil
	}
}

// writeHeapProfile writes the heap profile (allocations since the start, by place) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func mapAppend(m map[string][]string, k string, v []string) map[string][]string {
	if m == nil {
		m = map[string][]string{}
	}
	m[k] = append(m[k], v...)
	return m
}

// countingSource records the size of each document it yields, by its position.
type countingSource struct {
	src   dyad.Source
	sizes []int32
}

func (s *countingSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		i := 0
		for d, err := range s.src.Documents(ctx) {
			if d != nil && i < len(s.sizes) {
				s.sizes[i] = int32(len(d.Body))
			}
			i++
			if !yield(d, err) {
				return
			}
		}
	}
}

// stageTimes sums the wall time spent in each stage, over all workers.
type stageTimes struct {
	extract, annotate, code, link, store atomic.Int64
}

func timed(t *atomic.Int64, start time.Time) { t.Add(int64(time.Since(start))) }

func (tm *stageTimes) wrap(r *pipeline.Runner) {
	if f := r.Extract; f != nil {
		r.Extract = func(d *dyad.Document) (*dyad.Article, error) {
			defer timed(&tm.extract, time.Now())
			return f(d)
		}
	}
	if f := r.Annotate; f != nil {
		r.Annotate = func(a *dyad.Article) []dyad.ActorMention {
			defer timed(&tm.annotate, time.Now())
			return f(a)
		}
	}
	if f := r.Code; f != nil {
		r.Code = func(a *dyad.Article, ms []dyad.ActorMention) ([]dyad.Event, []dyad.Statement) {
			defer timed(&tm.code, time.Now())
			return f(a, ms)
		}
	}
	if f := r.SaveLinked; f != nil {
		r.SaveLinked = tm.saveLinked(f)
	}
	if f := r.BeginGroup; f != nil {
		// A group's batches as SaveLinked's; its commit is the store's.
		r.BeginGroup = func(ctx context.Context) (*pipeline.Group, error) {
			g, err := f(ctx)
			if err != nil || g == nil {
				return g, err
			}
			commit := g.Commit
			g.SaveLinked = tm.saveLinked(g.SaveLinked)
			g.Commit = func(ctx context.Context) error {
				defer timed(&tm.store, time.Now())
				return commit(ctx)
			}
			return g, nil
		}
	}
	if f := r.Link; f != nil && r.SaveLinked == nil {
		r.Link = func(ctx context.Context, rec *dyad.Record) error {
			defer timed(&tm.link, time.Now())
			return f(ctx, rec)
		}
	}
	if f := r.SaveBatch; f != nil {
		r.SaveBatch = func(ctx context.Context, recs []*dyad.Record) ([]bool, error) {
			defer timed(&tm.store, time.Now())
			return f(ctx, recs)
		}
	}
}

// saveLinked times a SaveLinked: each batch is linked (prefetch and the concurrent parts included) inside
// the save's transaction: the link stage is the wall time of that call, the store the rest of the save.
func (tm *stageTimes) saveLinked(f func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error)) func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	return func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
		start := time.Now()
		var linking atomic.Int64
		stored, err := f(ctx, recs, func(ctx context.Context) ([]*dyad.Record, error) {
			defer timed(&linking, time.Now())
			return link(ctx)
		})
		tm.link.Add(linking.Load())
		tm.store.Add(int64(time.Since(start)) - linking.Load())
		return stored, err
	}
}

func (tm *stageTimes) String() string {
	parts := []struct {
		name string
		d    time.Duration
	}{{"extract", time.Duration(tm.extract.Load())}, {"annotate", time.Duration(tm.annotate.Load())},
		{"code", time.Duration(tm.code.Load())}, {"link", time.Duration(tm.link.Load())}, {"store", time.Duration(tm.store.Load())}}
	var total time.Duration
	for _, p := range parts {
		total += p.d
	}
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		share := 0.0
		if total > 0 {
			share = 100 * float64(p.d) / float64(total)
		}
		fmt.Fprintf(&b, "%s %.1fs (%.0f%%)", p.name, p.d.Seconds(), share)
	}
	return b.String()
}

// storeSize is the bytes of an SQLite store and its journal files; 0 for a server.
func storeSize(db string) int64 {
	if strings.Contains(db, "://") {
		return 0
	}
	var n int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// writeCorpus writes the corpus as files an ingest reads: text, HTML and Markdown articles one a file under a
// folder per language, feed records in JSON Lines files of 1,000.
func writeCorpus(ctx context.Context, e *env, src dyad.Source, dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	feeds := map[string]*os.File{}
	counts := map[string]int{}
	defer func() {
		for _, f := range feeds {
			f.Close()
		}
	}()
	files, size := 0, int64(0)
	i := 0
	for d, err := range src.Documents(ctx) {
		if err != nil {
			return err
		}
		i++
		if d.Lang != "" { // a feed record
			f := feeds[d.Lang]
			if counts[d.Lang]%1000 == 0 {
				if f != nil {
					if err := f.Close(); err != nil {
						return err
					}
				}
				p := filepath.Join(dir, "feeds", fmt.Sprintf("%s-%04d.jsonl", d.Lang, counts[d.Lang]/1000))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return err
				}
				if f, err = os.Create(p); err != nil {
					return err
				}
				feeds[d.Lang] = f
				files++
			}
			counts[d.Lang]++
			b, _ := json.Marshal(map[string]string{"url": d.URL, "title": d.Title, "lang": d.Lang, "source": d.Source, "published": d.Published, "text": string(d.Body)})
			b = append(b, '\n')
			if _, err := f.Write(b); err != nil {
				return err
			}
			size += int64(len(b))
			continue
		}
		ext := map[string]string{"text": ".txt", "html": ".html", "markdown": ".md"}[d.Format]
		lang := strings.Split(strings.TrimPrefix(d.URI, "synth:"), "/")[1]
		p := filepath.Join(dir, lang, fmt.Sprintf("%08d%s", i, ext))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, d.Body, 0o644); err != nil {
			return err
		}
		files++
		size += int64(len(d.Body))
	}
	for _, f := range feeds {
		if err := f.Close(); err != nil {
			return err
		}
	}
	feeds = nil
	fmt.Fprintf(e.stdout, "wrote %d articles in %d files (%.1f MB) to %s\n", n, files, float64(size)/1e6, dir)
	return nil
}

// keepRecords makes the runner write each batch the store saves, as linked, to enc before saving it (a
// []*dyad.Record a batch; storetest.RecordedBatches reads them back).
func keepRecords(r *pipeline.Runner, enc *gob.Encoder, stderr io.Writer) {
	keep := func(f func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error)) func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
		return func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
			return f(ctx, recs, func(ctx context.Context) ([]*dyad.Record, error) {
				linked, err := link(ctx)
				if err == nil {
					if err := enc.Encode(linked); err != nil {
						fmt.Fprintf(stderr, "dyad bench: --records: %v\n", err)
					}
				}
				return linked, err
			})
		}
	}
	if f := r.SaveLinked; f != nil {
		r.SaveLinked = keep(f)
	}
	// The batches of a group (several a transaction) too: without it nothing was written since the groups came.
	if f := r.BeginGroup; f != nil {
		r.BeginGroup = func(ctx context.Context) (*pipeline.Group, error) {
			g, err := f(ctx)
			if err != nil || g == nil {
				return g, err
			}
			g.SaveLinked = keep(g.SaveLinked)
			return g, nil
		}
	}
}
