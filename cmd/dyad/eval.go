package main

import (
	"context"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

func init() {
	register(command{name: "eval", args: "--gold FILE.jsonl", summary: "precision, recall and F1 of events (or actor mentions) against a gold set", run: runEval})
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "--gold FILE.jsonl")
	gold := fs.String("gold", "", "the gold set: JSONL of sentences with their expected events or actor mentions")
	verbose := fs.Bool("verbose", false, "list every false positive and false negative")
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("--gold FILE.jsonl is required")
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	g, err := eval.LoadGold(*gold)
	if err != nil {
		return err
	}
	c, err := e.components()
	if err != nil {
		return err
	}
	run := func(ctx context.Context, lang, date, text string) (*dyad.Record, error) {
		rec, _, err := c.codeOne("gold", lang, date, text)
		return rec, err
	}
	var rep *eval.Report
	if g.Kind() == "actors" {
		rep, err = eval.Actors(ctx, g, run)
	} else {
		rep, err = eval.Events(ctx, g, run)
	}
	if err != nil {
		return err
	}
	rep.Verbose = *verbose
	if *format == "json" {
		return writeJSON(e.stdout, rep, false)
	}
	return rep.WriteText(e.stdout)
}
