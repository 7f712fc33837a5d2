package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/source"
)

func init() {
	register(command{name: "ingest", args: "PATH...|-", summary: "read news files, folders, globs or stdin into the store", run: runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH...|-")
	workers := fs.Int("workers", 0, "concurrent workers (default: number of CPUs)")
	queue := fs.String("queue", "", "publish the documents to this NATS JetStream URL for 'dyad worker' instead of processing them here")
	format := fs.String("format", "table", "summary format: table or json")
	quiet := fs.Bool("quiet", false, "no progress bar or progress lines")
	every := fs.Duration("progress-every", 30*time.Second, "when stderr is not a terminal, print a progress line this often (0: never)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no input: give files, folders, globs, or - for stdin")
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	src := source.Open(paths, e.stdin)
	if *queue != "" {
		return publishQueue(ctx, e, *queue, src)
	}

	c, err := e.components()
	if err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	r, err := e.runner(c, st, *workers)
	if err != nil {
		return err
	}
	r.Warn = func(err error) { fmt.Fprintf(e.stderr, "dyad ingest: warning: %s\n", errLine(err)) }
	r.OnError = func(err error) {
		if !errors.Is(err, dyad.ErrSkipped) {
			fmt.Fprintf(e.stderr, "dyad ingest: %s\n", errLine(err))
		}
	}
	var prog *ingestProgress
	if !*quiet && (isTerminal(e.stderr) || *every > 0) {
		prog = newIngestProgress(e, paths, isTerminal(e.stderr), *every)
		src = prog.wrap(src)
		r.Progress = prog.update
	}
	start := time.Now()
	// The counts are this run's own, whoever else writes to the store meanwhile.
	sum, runErr := r.Run(ctx, src)
	if prog != nil {
		prog.finish()
	}
	skipped := 0
	for _, err := range sum.Errors {
		if errors.Is(err, dyad.ErrSkipped) {
			skipped++
		}
	}
	failed := sum.Failed - skipped
	out := ingestSummary{Read: sum.Read, Stored: sum.Stored, Duplicates: sum.Duplicates, NearDuplicates: sum.NearDups,
		Skipped: skipped, Failed: failed, Events: sum.Events, Statements: sum.Statements,
		Seconds: time.Since(start).Seconds(), DB: redactURL(e.db)}
	if *format == "json" {
		writeJSON(e.stdout, out, false)
	} else {
		fmt.Fprintf(e.stdout, "read %d, stored %d, duplicates %d, near-duplicates %d, skipped %d, failed %d; %d event mentions, %d statements; %.1fs into %s\n",
			out.Read, out.Stored, out.Duplicates, out.NearDuplicates, out.Skipped, out.Failed, out.Events, out.Statements, out.Seconds, out.DB)
	}
	if runErr != nil {
		return runErr
	}
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

type ingestSummary struct {
	Read           int     `json:"read"`
	Stored         int     `json:"stored"`
	Duplicates     int     `json:"duplicates"`
	NearDuplicates int     `json:"near_duplicates"`
	Skipped        int     `json:"skipped"`
	Failed         int     `json:"failed"`
	Events         int     `json:"event_mentions"`
	Statements     int     `json:"statements"`
	Seconds        float64 `json:"seconds"`
	DB             string  `json:"db"`
}

// ingestProgress reports a long ingest on stderr: a bar with the bytes read of the total and an ETA on a
// terminal, else a line every so often. The total is the size of the input files, known before the run
// unless an input is stdin or a URL; the bytes read are those of the files done plus, in the file being
// read, its documents' bytes (at most the file's size: a compressed WARC yields more).
type ingestProgress struct {
	e     *env
	bar   *progressbar.ProgressBar
	every time.Duration
	total int64
	known bool
	start time.Time
	last  time.Time

	mu      sync.Mutex // the source's goroutine adds, the writer's reads
	done    int64      // bytes of the files finished
	cur     string     // the file being read
	curSize int64
	curRead int64
}

func newIngestProgress(e *env, paths []string, terminal bool, every time.Duration) *ingestProgress {
	p := &ingestProgress{e: e, every: every, start: time.Now()}
	p.last = p.start
	p.total, p.known = source.TotalSize(paths)
	if terminal {
		if p.known {
			p.bar = progressbar.NewOptions64(p.total, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingesting"),
				progressbar.OptionShowBytes(true), progressbar.OptionSetPredictTime(true), progressbar.OptionShowElapsedTimeOnFinish(),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(), progressbar.OptionSetWidth(30))
		} else {
			p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingesting"),
				progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		}
	}
	return p
}

// wrap counts the bytes of the documents src yields.
func (p *ingestProgress) wrap(src dyad.Source) dyad.Source {
	return sourceFunc(func(ctx context.Context) iter.Seq2[*dyad.Document, error] {
		return func(yield func(*dyad.Document, error) bool) {
			for d, err := range src.Documents(ctx) {
				if d != nil {
					p.saw(d)
				}
				if !yield(d, err) {
					return
				}
			}
		}
	})
}

func (p *ingestProgress) saw(d *dyad.Document) {
	f := source.FileOf(d.URI)
	p.mu.Lock()
	defer p.mu.Unlock()
	if f != p.cur {
		p.done += p.curSize
		p.cur, p.curRead, p.curSize = f, 0, 0
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
			p.curSize = st.Size()
		}
	}
	p.curRead += int64(len(d.Body))
	if p.curRead > p.curSize {
		p.curSize = p.curRead // stdin, a URL, or a file that grew
	}
}

func (p *ingestProgress) read() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done + min(p.curRead, p.curSize)
}

// update is the runner's Progress: it moves the bar, or prints a line when it is time.
func (p *ingestProgress) update(s *pipeline.Summary) {
	if p.bar != nil {
		if p.known {
			p.bar.Describe(fmt.Sprintf("ingesting (%d docs)", s.Read))
			p.bar.Set64(min(p.read(), p.total))
		} else {
			p.bar.Set(s.Read)
		}
		return
	}
	if now := time.Now(); p.every > 0 && now.Sub(p.last) >= p.every {
		p.last = now
		fmt.Fprintln(p.e.stderr, p.line(s, now))
	}
}

// line is the one-line summary: documents, bytes of the total, rate and time left.
func (p *ingestProgress) line(s *pipeline.Summary, now time.Time) string {
	el := now.Sub(p.start)
	read := p.read()
	var b strings.Builder
	fmt.Fprintf(&b, "dyad ingest: %d read, %d stored, %d duplicates, %d failed; ", s.Read, s.Stored, s.Duplicates, s.Failed)
	if p.known && p.total > 0 {
		read = min(read, p.total)
		fmt.Fprintf(&b, "%.1f of %.1f MB (%.0f%%)", float64(read)/1e6, float64(p.total)/1e6, 100*float64(read)/float64(p.total))
	} else {
		fmt.Fprintf(&b, "%.1f MB", float64(read)/1e6)
	}
	fmt.Fprintf(&b, ", %.0f docs/s, %s elapsed", float64(s.Read)/el.Seconds(), el.Round(time.Second))
	if p.known && read > 0 && read < p.total {
		left := time.Duration(float64(el) * float64(p.total-read) / float64(read))
		fmt.Fprintf(&b, ", about %s left", left.Round(time.Second))
	}
	return b.String()
}

func (p *ingestProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// sourceFunc is a dyad.Source made of a function.
type sourceFunc func(ctx context.Context) iter.Seq2[*dyad.Document, error]

func (f sourceFunc) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] { return f(ctx) }
