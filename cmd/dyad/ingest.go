package main

import (
	"context"
	"errors"
	"fmt"
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
	quiet := fs.Bool("quiet", false, "no progress bar")
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
	r.Warn = func(err error) { fmt.Fprintf(e.stderr, "dyad ingest: warning: %v\n", err) }
	r.OnError = func(err error) {
		if !errors.Is(err, dyad.ErrSkipped) {
			fmt.Fprintf(e.stderr, "dyad ingest: %v\n", err)
		}
	}
	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		r.Progress = func(s *pipeline.Summary) { bar.Set(s.Read) }
	}
	before, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	sum, runErr := r.Run(ctx, src)
	// What the store gained: linking may fold mentions away or turn a stored copy into a near-duplicate.
	if after, err := st.Stats(ctx); err == nil {
		sum.Events, sum.Statements = after.Mentions-before.Mentions, after.Statements-before.Statements
	}
	if bar != nil {
		bar.Finish()
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
