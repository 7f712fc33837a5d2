package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

func init() {
	register(command{name: "articles", args: "[--id ID] [--lang L] [--source S]", summary: "list stored articles, or show one with its mentions, events and statements", run: runArticles})
	register(command{name: "events", args: "[--id ID] [--actor C] [--dyad A:B] [--code P] [--from D] [--to D]", summary: "list coded events, or show one event's story", run: runEvents})
	register(command{name: "statements", args: "[--speaker NAME] [--claim ID]", summary: "list statements, or a claim's history", run: runStatements})
	register(command{name: "claims", args: "[QUERY]", summary: "list claims: statements that say the same thing", run: runClaims})
	register(command{name: "search", args: "QUERY", summary: "full-text search over articles", run: runSearch})
}

// listFlags are the flags every list command has.
type listFlags struct {
	limit, offset *int
	format        *string
}

func addListFlags(fs *flag.FlagSet, limit int) listFlags {
	return listFlags{
		limit:  fs.Int("limit", limit, "at most this many"),
		offset: fs.Int("offset", 0, "skip this many"),
		format: formatFlag(fs),
	}
}

// page is the flags' page of results.
func (l listFlags) page() dyad.Page { return dyad.Page{Limit: *l.limit, Offset: *l.offset} }

// parseList parses a list command's arguments and checks its format.
func parseList(fs *flag.FlagSet, args []string, l listFlags) ([]string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	return pos, checkFormatOpt(*l.format)
}

func runArticles(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "articles", "")
	id := fs.String("id", "", "show one article with its mentions, events and statements")
	lang := fs.String("lang", "", "only articles in this language (ISO 639-1)")
	src := fs.String("source", "", "only articles whose source contains this")
	from := fs.String("from", "", "published on or after (YYYY-MM-DD)")
	to := fs.String("to", "", "published on or before (YYYY-MM-DD)")
	lf := addListFlags(fs, 100)
	format := lf.format
	if _, err := parseList(fs, args, lf); err != nil {
		return err
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	if *id != "" {
		rec, err := st.Record(ctx, *id)
		if errors.Is(err, dyad.ErrNotFound) {
			return fmt.Errorf("no article %q", *id)
		}
		if err != nil {
			return err
		}
		return showRecord(e, rec, *format)
	}
	as, err := st.Articles(ctx, dyad.ArticleQuery{Lang: *lang, Source: *src, From: *from, To: *to, Page: lf.page()})
	if err != nil {
		return err
	}
	return writeList(e.stdout, *format, as, []column[dyad.Article]{
		{"id", 0, func(a dyad.Article) string { return a.ID }},
		{"lang", 0, func(a dyad.Article) string { return a.Lang }},
		{"published", 0, func(a dyad.Article) string { return string(a.Published) }},
		{"dateline", 14, func(a dyad.Article) string { return string(a.Dateline) }},
		{"source", 16, func(a dyad.Article) string { return string(a.Source) }},
		{"title", 60, func(a dyad.Article) string { return a.Title }},
		{"uri", 0, func(a dyad.Article) string { return a.URI }},
	})
}

func checkFormatOpt(f string) error {
	if f == "" {
		return nil
	}
	return checkFormat(f)
}

// articleView is `dyad articles --id` and `dyad code` output: the DESIGN.md shape.
type articleView struct {
	Article    dyad.Article        `json:"article"`
	Mentions   []dyad.ActorMention `json:"mentions"`
	Events     []dyad.Event        `json:"events"`
	Statements []dyad.Statement    `json:"statements"`
	Patterns   any                 `json:"patterns,omitempty"`
}

func newArticleView(rec *dyad.Record) articleView {
	v := articleView{Article: rec.Article, Mentions: rec.Mentions, Events: rec.Events, Statements: rec.Statements}
	if v.Mentions == nil {
		v.Mentions = []dyad.ActorMention{}
	}
	if v.Events == nil {
		v.Events = []dyad.Event{}
	}
	if v.Statements == nil {
		v.Statements = []dyad.Statement{}
	}
	return v
}

func showRecord(e *env, rec *dyad.Record, format string) error {
	v := newArticleView(rec)
	switch resolveFormat(format, e.stdout) {
	case "json":
		return writeJSON(e.stdout, v, false)
	case "jsonl":
		return writeJSON(e.stdout, v, true)
	case "csv":
		return usagef("--format csv is for lists; use json for one article")
	}
	w := e.stdout
	a := rec.Article
	fmt.Fprintf(w, "%s\n", cell(a.Title, 0))
	fmt.Fprintf(w, "id %s  lang %s (%.2f)  published %s  dateline %s  source %s\nuri %s\n\n", a.ID, a.Lang, a.LangConfidence,
		orDash(string(a.Published)), orDash(cell(string(a.Dateline), 40)), orDash(cell(string(a.Source), 40)), cell(a.URI, 0))
	fmt.Fprintf(w, "Actor mentions (%d):\n", len(v.Mentions))
	for _, m := range v.Mentions {
		fmt.Fprintf(w, "  %5d-%-5d %-30s %-10s %-8s %s (%s)\n", m.Start, m.End, cell(m.Text, 30), m.Actor.Code, m.Actor.Type, cell(m.Actor.Name, 40), m.Via)
	}
	fmt.Fprintf(w, "\nEvents (%d):\n", len(v.Events))
	for _, ev := range v.Events {
		printEventLine(w, ev)
		for _, m := range ev.Mentions {
			if m.ArticleID == a.ID || m.ArticleID == "" {
				fmt.Fprintf(w, "      %q\n", cell(m.Sentence, 160))
				if m.Pattern != "" {
					fmt.Fprintf(w, "      pattern %s\n", m.Pattern)
				}
			}
		}
	}
	fmt.Fprintf(w, "\nStatements (%d):\n", len(v.Statements))
	for _, s := range v.Statements {
		fmt.Fprintf(w, "  %s %s %s: %q\n", orDash(string(s.Date)), cell(s.Speaker.Name, 30), s.Verb, cell(s.Text, 140))
	}
	return nil
}

func printEventLine(w interface{ Write([]byte) (int, error) }, ev dyad.Event) {
	fmt.Fprintf(w, "  %-10s %-8s %s -> %s  %s  (%s; %s -> %s; quad %d, goldstein %.1f; %d mention(s), %s)\n",
		orDash(string(ev.Date)), ev.Code, ev.Source.Code, ev.Target.Code, ev.Plover,
		ev.ID, cell(ev.Source.Name, 30), cell(ev.Target.Name, 30), ev.QuadClass, ev.Goldstein, ev.NumMentions, strings.Join(ev.Languages, ","))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events", "")
	id := fs.String("id", "", "show one event with every mention (the story view)")
	actorF := fs.String("actor", "", "events with this actor on either side (CAMEO code prefix such as VNM or CHNGOV, or an actor id)")
	dyadF := fs.String("dyad", "", "events between A and B in either direction, A:B (code prefixes)")
	srcF := fs.String("source", "", "events whose source actor code starts with this")
	tgtF := fs.String("target", "", "events whose target actor code starts with this")
	code := fs.String("code", "", "CAMEO event code prefix (04, 042)")
	from := fs.String("from", "", "on or after (YYYY-MM-DD)")
	to := fs.String("to", "", "on or before (YYYY-MM-DD)")
	lang := fs.String("lang", "", "events with a mention in this language")
	article := fs.String("article", "", "events with a mention in this article")
	pf := addPlaceFlags(fs)
	lf := addListFlags(fs, 100)
	format := lf.format
	if _, err := parseList(fs, args, lf); err != nil {
		return err
	}
	q := dyad.EventQuery{Actor: *actorF, Source: *srcF, Target: *tgtF, Code: *code, From: *from, To: *to, Lang: *lang, Article: *article,
		Page: lf.page()}
	if err := pf.apply(e, &q); err != nil {
		return err
	}
	if *dyadF != "" {
		a, b, ok := strings.Cut(*dyadF, ":")
		if !ok || a == "" || b == "" {
			return usagef("--dyad wants A:B, such as VNM:CHN")
		}
		q.Dyad = [2]string{strings.ToUpper(a), strings.ToUpper(b)}
	}
	for _, d := range []string{*from, *to} {
		if d != "" && !validDate(d) {
			return usagef("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", d)
		}
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	if *id != "" {
		ev, err := st.Event(ctx, *id)
		if errors.Is(err, dyad.ErrNotFound) {
			return fmt.Errorf("no event %q", *id)
		}
		if err != nil {
			return err
		}
		if ev.ID != *id {
			fmt.Fprintf(e.stderr, "event %q is now %s (a mention with a smaller content id renamed it)\n", *id, ev.ID)
		}
		return showEvent(e, ev, *format)
	}
	evs, err := st.Events(ctx, q)
	if err != nil {
		return err
	}
	return writeList(e.stdout, *format, evs, []column[dyad.Event]{
		{"id", 0, func(v dyad.Event) string { return v.ID }},
		{"date", 0, func(v dyad.Event) string { return string(v.Date) }},
		{"source", 0, func(v dyad.Event) string { return v.Source.Code }},
		{"source_name", 24, func(v dyad.Event) string { return v.Source.Name }},
		{"code", 0, func(v dyad.Event) string { return v.Code }},
		{"target", 0, func(v dyad.Event) string { return v.Target.Code }},
		{"target_name", 24, func(v dyad.Event) string { return v.Target.Name }},
		{"quad", 0, func(v dyad.Event) string { return strconv.Itoa(v.QuadClass) }},
		{"goldstein", 0, func(v dyad.Event) string { return strconv.FormatFloat(v.Goldstein, 'f', 1, 64) }},
		{"plover", 0, func(v dyad.Event) string { return v.Plover }},
		{"location", 14, func(v dyad.Event) string { return placeText(v.Location) }},
		{"mentions", 0, func(v dyad.Event) string { return strconv.Itoa(v.NumMentions) }},
		{"languages", 0, func(v dyad.Event) string { return strings.Join(v.Languages, ",") }},
	})
}

func validDate(d string) bool {
	for i, c := range d {
		switch {
		case i == 4 || i == 7:
			if c != '-' {
				return false
			}
		case c < '0' || c > '9':
			return false
		}
	}
	return len(d) == 4 || len(d) == 7 || len(d) == 10
}

func showEvent(e *env, ev *dyad.Event, format string) error {
	switch resolveFormat(format, e.stdout) {
	case "json":
		return writeJSON(e.stdout, ev, false)
	case "jsonl":
		return writeJSON(e.stdout, ev, true)
	case "csv":
		return writeList(e.stdout, "csv", ev.Mentions, mentionColumns())
	}
	w := e.stdout
	fmt.Fprintf(w, "Event %s: %s %s -> %s on %s (%s precision%s), %s\n", ev.ID, ev.Code, cell(ev.Source.Name, 40), cell(ev.Target.Name, 40),
		orDash(string(ev.Date)), orDash(ev.DatePrecision), map[bool]string{true: ", inferred"}[ev.DateInferred], orDash(cell(placeText(ev.Location), 40)))
	fmt.Fprintf(w, "source %s  target %s  quad %d  goldstein %.1f  plover %s\n", ev.Source.Code, ev.Target.Code, ev.QuadClass, ev.Goldstein, ev.Plover)
	fmt.Fprintf(w, "%d mention(s) in %d article(s) from %d source(s), languages %s\n\n", ev.NumMentions, ev.NumArticles, ev.NumSources, strings.Join(ev.Languages, ", "))
	return writeList(w, "table", ev.Mentions, mentionColumns())
}

func mentionColumns() []column[dyad.EventMention] {
	return []column[dyad.EventMention]{
		{"lang", 0, func(m dyad.EventMention) string { return m.Lang }},
		{"source", 16, func(m dyad.EventMention) string { return m.Source }},
		{"date", 0, func(m dyad.EventMention) string {
			if m.DateInferred {
				return m.Date + "*"
			}
			return m.Date
		}},
		{"article", 0, func(m dyad.EventMention) string { return m.ArticleID }},
		{"sentence", 110, func(m dyad.EventMention) string { return m.Sentence }},
	}
}

func runStatements(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "statements", "")
	speaker := fs.String("speaker", "", "statements by a speaker (name substring or actor code prefix)")
	claim := fs.String("claim", "", "a claim's history: every statement of it, oldest first")
	article := fs.String("article", "", "statements in this article")
	lang := fs.String("lang", "", "statements in this language")
	lf := addListFlags(fs, 100)
	format := lf.format
	if _, err := parseList(fs, args, lf); err != nil {
		return err
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	var ss []dyad.Statement
	if *claim != "" && *speaker == "" && *article == "" && *lang == "" {
		c, err := st.Claim(ctx, *claim)
		if errors.Is(err, dyad.ErrNotFound) {
			return fmt.Errorf("no claim %q", *claim)
		}
		if err != nil {
			return err
		}
		if resolveFormat(*format, e.stdout) == "table" {
			fmt.Fprintf(e.stdout, "Claim %s: %s\n%d statement(s), %s to %s, languages %s, speakers %s\n\n", c.ID, cell(c.Label, 100), c.Count,
				orDash(c.First), orDash(c.Last), strings.Join(c.Languages, ", "), cell(strings.Join(c.Speakers, "; "), 200))
		}
		ss = c.Statements
	} else {
		ss, err = st.Statements(ctx, dyad.StatementQuery{Speaker: *speaker, Claim: *claim, Article: *article, Lang: *lang, Page: lf.page()})
		if err != nil {
			return err
		}
	}
	return writeList(e.stdout, *format, ss, []column[dyad.Statement]{
		{"date", 0, func(s dyad.Statement) string { return string(s.Date) }},
		{"lang", 0, func(s dyad.Statement) string { return s.Lang }},
		{"speaker", 24, func(s dyad.Statement) string { return s.Speaker.Name }},
		{"code", 0, func(s dyad.Statement) string { return s.Speaker.Code }},
		{"verb", 14, func(s dyad.Statement) string { return s.Verb }},
		{"text", 90, func(s dyad.Statement) string { return s.Text }},
		{"claim", 0, func(s dyad.Statement) string { return string(s.ClaimID) }},
		{"article", 0, func(s dyad.Statement) string { return s.ArticleID }},
	})
}

func runClaims(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "claims", "[QUERY]")
	lf := addListFlags(fs, 100)
	format := lf.format
	pos, err := parseList(fs, args, lf)
	if err != nil {
		return err
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	cs, err := st.Claims(ctx, dyad.ClaimQuery{Query: strings.Join(pos, " "), Page: lf.page()})
	if err != nil {
		return err
	}
	return writeList(e.stdout, *format, cs, []column[dyad.Claim]{
		{"id", 0, func(c dyad.Claim) string { return c.ID }},
		{"count", 0, func(c dyad.Claim) string { return strconv.Itoa(c.Count) }},
		{"first", 0, func(c dyad.Claim) string { return c.First }},
		{"last", 0, func(c dyad.Claim) string { return c.Last }},
		{"languages", 0, func(c dyad.Claim) string { return strings.Join(c.Languages, ",") }},
		{"label", 70, func(c dyad.Claim) string { return c.Label }},
	})
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY")
	lf := addListFlags(fs, 20)
	format := lf.format
	pos, err := parseList(fs, args, lf)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return usagef("no query")
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	hits, err := st.Search(ctx, q, lf.page())
	if err != nil {
		return err
	}
	return writeList(e.stdout, *format, hits, []column[dyad.Hit]{
		{"id", 0, func(h dyad.Hit) string { return h.Article.ID }},
		{"lang", 0, func(h dyad.Hit) string { return h.Article.Lang }},
		{"published", 0, func(h dyad.Hit) string { return string(h.Article.Published) }},
		{"title", 40, func(h dyad.Hit) string { return h.Article.Title }},
		{"snippet", 90, func(h dyad.Hit) string { return h.Snippet }},
	})
}

// placeText shows a location: the place as the gazetteer names it, with its country, else as written.
func placeText(l *dyad.Location) string {
	switch {
	case l == nil:
		return ""
	case l.Resolved() && l.Precision != "country":
		return l.Canonical + ", " + l.Country
	case l.Resolved():
		return l.Canonical
	}
	return l.Name
}

// placeFlags are the place filters of events and export (docs/geo.md).
type placeFlags struct {
	place, bbox, near *string
}

func addPlaceFlags(fs *flag.FlagSet) placeFlags {
	return placeFlags{
		place: fs.String("place", "", "events placed in this place: a name (Hanoi, Texas, Vietnam) or a place id (1581130, VN.44, VN)"),
		bbox:  fs.String("bbox", "", "events placed in this box: west,south,east,north in degrees"),
		near:  fs.String("near", "", "events placed within KM of a point: LAT,LON,KM"),
	}
}

// apply sets the place filters of q; a place name is looked up in the gazetteer.
func (f placeFlags) apply(e *env, q *dyad.EventQuery) error {
	if *f.place != "" {
		g, err := e.gazetteer()
		if err != nil {
			return err
		}
		p, ok := g.Find(*f.place)
		if !ok {
			return usagef("--place %q: no such place in the gazetteer (a name, a GeoNames id, VN.44 or VN)", *f.place)
		}
		q.Place = p.ID
	}
	if *f.bbox != "" {
		b, err := geo.ParseBBox(*f.bbox)
		if err != nil {
			return usagef("--%v", err)
		}
		q.BBox = &b
	}
	if *f.near != "" {
		n, err := geo.ParseNear(*f.near)
		if err != nil {
			return usagef("--%v", err)
		}
		q.Near = &n
	}
	return nil
}
