package main

import (
	"context"
	"io"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/text"
)

func init() {
	register(command{name: "eval", args: "--gold FILE.jsonl", summary: "precision, recall and F1 of events (or actor mentions; or place accuracy) against a gold set", run: runEval})
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "--gold FILE.jsonl")
	gold := fs.String("gold", "", "the gold set: JSONL of sentences with their expected events, actor mentions or place")
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
	var rep interface{ WriteText(io.Writer) error }
	switch g.Kind() {
	case eval.KindPlaces:
		var r *eval.PlaceReport
		if r, err = eval.Places(ctx, g, c.locate); err == nil {
			r.Verbose, rep = *verbose, r
		}
	case eval.KindActors:
		var r *eval.Report
		if r, err = eval.Actors(ctx, g, run); err == nil {
			r.Verbose, rep = *verbose, r
		}
	default:
		var r *eval.Report
		if r, err = eval.Events(ctx, g, run); err == nil {
			r.Verbose, rep = *verbose, r
		}
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, rep, false)
	}
	return rep.WriteText(e.stdout)
}

// locate runs the whole pipeline and the gazetteer on one place item: the location of its first event that
// has one, else the place the text itself names (docs/geo.md, "Accuracy").
func (c *components) locate(_ context.Context, it *eval.Item) (eval.Found, error) {
	doc := &dyad.Document{URI: "gold", Body: []byte(it.Text), Lang: it.Lang, Published: it.Date, Format: "text"}
	a, err := c.extractor.Extract(doc)
	if err != nil {
		return eval.Found{}, err
	}
	if it.Dateline != "" {
		a.Dateline = dyad.NullString(it.Dateline)
	}
	ms := c.dict.Recognize(a)
	evs := c.coder.Code(a, ms).Events
	c.geo.ResolveTokens(a, ms, evs, text.Tokens(a.Text)) // (as the pipeline's stages: the sentences' tokens from the text's)
	var loc *dyad.Location
	for _, e := range evs {
		if e.Location.Resolved() {
			loc = e.Location
			break
		}
	}
	if loc == nil {
		loc = c.geo.Sentence(a, ms, 0, len(a.Text), -1)
	}
	if !loc.Resolved() {
		return eval.Found{}, nil
	}
	f := eval.Found{Place: loc.PlaceID, Name: loc.Name}
	if pl, ok := c.geo.Gazetteer().Country(loc.Country); ok {
		f.Country = pl.Country2
	}
	return f, nil
}
