package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/text"
)

func init() {
	register(command{name: "code", args: "[--lang L] [--date D] TEXT|-", summary: "run the whole pipeline on one document and show what it found, without storing", run: runCode})
}

// codeOne runs extract, annotate and code on one text, as `dyad code` and `dyad eval` do.
func (c *components) codeOne(uri, lang, date, body string) (*dyad.Record, []coder.Firing, error) {
	doc := &dyad.Document{URI: uri, Body: []byte(body), Lang: lang, Published: date, Format: "text"}
	a, err := c.extractor.Extract(doc)
	if err != nil {
		return nil, nil, err
	}
	rec := &dyad.Record{Article: *a}
	tt := text.Tokens(rec.Article.Text)
	rec.Mentions = c.dict.RecognizeTokens(&rec.Article, tt)
	res := c.coder.CodeTokens(&rec.Article, rec.Mentions, tt)
	rec.Events, rec.Statements = res.Events, res.Statements
	return rec, res.Trace, nil
}

func runCode(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "code", "TEXT|-")
	lang := fs.String("lang", "", "the text's language (ISO 639-1); detected when empty")
	date := fs.String("date", "", "the publication date (YYYY-MM-DD), the reference for relative dates")
	format := fs.String("format", "", "output: table or json (default table on a terminal, json otherwise)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "" {
		if err := checkFormat(*format, "table", "json", "jsonl"); err != nil {
			return err
		}
	}
	if *date != "" && !validDate(*date) {
		return usagef("bad --date %q: want YYYY-MM-DD", *date)
	}
	var text string
	switch {
	case len(pos) == 1 && pos[0] == "-":
		b, err := io.ReadAll(io.LimitReader(e.stdin, 32<<20))
		if err != nil {
			return fmt.Errorf("stdin: %w", err)
		}
		text = string(b)
	case len(pos) > 0:
		text = strings.Join(pos, " ")
	default:
		return usagef("no text: give it as an argument or - for stdin")
	}
	c, err := e.components()
	if err != nil {
		return err
	}
	rec, trace, err := c.codeOne("text", *lang, *date, text)
	if err != nil {
		return err
	}
	f := *format
	if f == "" {
		f = "json"
		if isTerminal(e.stdout) {
			f = "table"
		}
	}
	if f != "table" {
		v := newArticleView(rec)
		v.Patterns = trace
		return writeJSON(e.stdout, v, f == "jsonl")
	}
	if err := showRecord(e, rec, "table"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nPatterns fired (%d):\n", len(trace))
	for _, t := range trace {
		neg := ""
		if t.Negated {
			neg = " NEGATED, not coded"
		}
		fmt.Fprintf(e.stdout, "  %s  %s %s -> %s%s  %s\n", t.Pattern, t.Code, orDash(t.Source), orDash(t.Target), neg, cell(t.Why, 100))
	}
	return nil
}
