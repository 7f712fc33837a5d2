package server

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/pipeline"
)

// List is the envelope of every list answer: one page of items and whether more follow.
type List[T any] struct {
	Items  []T  `json:"items"`
	Limit  int  `json:"limit"`
	Offset int  `json:"offset"`
	More   bool `json:"more"`
}

// page reads limit and offset. The store is asked for one more item than the limit, to tell whether more
// follow.
func page(q url.Values, def int) (dyad.Page, error) {
	p := dyad.Page{Limit: def}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return p, badRequest("limit: want an integer from 1 to %d, got %q", maxLimit, v)
		}
		p.Limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 100_000_000 {
			return p, badRequest("offset: want a non-negative integer, got %q", v)
		}
		p.Offset = n
	}
	return p, nil
}

func list[T any](items []T, p dyad.Page) List[T] {
	l := List[T]{Items: items, Limit: p.Limit, Offset: p.Offset}
	if len(items) > p.Limit {
		l.Items, l.More = items[:p.Limit], true
	}
	if l.Items == nil {
		l.Items = []T{}
	}
	return l
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func plusOne(p dyad.Page) dyad.Page { return dyad.Page{Limit: p.Limit + 1, Offset: p.Offset} }

// date reads a YYYY, YYYY-MM or YYYY-MM-DD parameter.
func date(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if _, err := time.Parse(layout, v); err == nil {
				return v, nil
			}
		}
	}
	return "", badRequest("%s: want a date YYYY-MM-DD, YYYY-MM or YYYY, got %q", name, v)
}

// word reads a free-text parameter: at most 200 characters, valid UTF-8, no control characters.
func word(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if len(v) > 200 || !utf8.ValidString(v) || strings.ContainsFunc(v, unicode.IsControl) {
		return "", badRequest("%s: want at most 200 printable characters", name)
	}
	return v, nil
}

// code reads a CAMEO-style code prefix: letters and digits only.
func code(q url.Values, name string, digits bool) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if len(v) > 40 {
		return "", badRequest("%s: too long", name)
	}
	for _, r := range v {
		ok := r >= '0' && r <= '9' || !digits && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
		if !ok {
			kind := "letters and digits"
			if digits {
				kind = "digits"
			}
			return "", badRequest("%s: want %s only, got %q", name, kind, v)
		}
	}
	if !digits {
		v = strings.ToUpper(v)
	}
	return v, nil
}

// eventQuery reads the event filters shared by /api/events and /api/counts.
func eventQuery(q url.Values, places PlaceLookup) (dyad.EventQuery, error) {
	var eq dyad.EventQuery
	var err error
	if eq.Actor, err = word(q, "actor"); err != nil {
		return eq, err
	}
	if eq.Source, err = code(q, "source", false); err != nil {
		return eq, err
	}
	if eq.Target, err = code(q, "target", false); err != nil {
		return eq, err
	}
	if v := strings.TrimSpace(q.Get("dyad")); v != "" {
		a, b, ok := strings.Cut(v, ":")
		if !ok || a == "" || b == "" {
			return eq, badRequest("dyad: want A:B (two actor code prefixes), got %q", v)
		}
		av, err1 := code(url.Values{"dyad": {a}}, "dyad", false)
		bv, err2 := code(url.Values{"dyad": {b}}, "dyad", false)
		if err := errors.Join(err1, err2); err != nil {
			return eq, err
		}
		eq.Dyad = [2]string{av, bv}
	}
	if eq.Code, err = code(q, "code", true); err != nil {
		return eq, err
	}
	if eq.From, err = date(q, "from"); err != nil {
		return eq, err
	}
	if eq.To, err = date(q, "to"); err != nil {
		return eq, err
	}
	if eq.From != "" && eq.To != "" && eq.From > eq.To {
		return eq, badRequest("from %s is after to %s", eq.From, eq.To)
	}
	if eq.Lang, err = word(q, "lang"); err != nil {
		return eq, err
	}
	if eq.Article, err = word(q, "article"); err != nil {
		return eq, err
	}
	return eq, placeQuery(q, places, &eq)
}

// placeQuery reads the place filters: place (a name or a place id), bbox (west,south,east,north), near
// (lat,lon,km). Without a gazetteer, place must be an id.
func placeQuery(q url.Values, places PlaceLookup, eq *dyad.EventQuery) error {
	if v := strings.TrimSpace(q.Get("place")); v != "" {
		if len(v) > 100 {
			return badRequest("place: at most 100 bytes")
		}
		eq.Place = v
		if places != nil {
			id, ok := places(v)
			if !ok {
				return badRequest("place %q: no such place in the gazetteer", v)
			}
			eq.Place = id
		}
	}
	if v := strings.TrimSpace(q.Get("bbox")); v != "" {
		b, err := geo.ParseBBox(v)
		if err != nil {
			return badRequest("%v", err)
		}
		eq.BBox = &b
	}
	if v := strings.TrimSpace(q.Get("near")); v != "" {
		n, err := geo.ParseNear(v)
		if err != nil {
			return badRequest("%v", err)
		}
		eq.Near = &n
	}
	return nil
}

func (s *server) articles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var aq dyad.ArticleQuery
	var err error
	if aq.Page, err = page(q, defaultLimit); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, f := range []struct {
		dst  *string
		name string
		read func(url.Values, string) (string, error)
	}{{&aq.Lang, "lang", word}, {&aq.Source, "source", word}, {&aq.From, "from", date}, {&aq.To, "to", date}} {
		if *f.dst, err = f.read(q, f.name); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	p := aq.Page
	aq.Page = plusOne(p)
	as, err := s.st.Articles(r.Context(), aq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if q.Get("text") != "1" {
		// Lists show titles; the text comes with /api/articles/{id}.
		for i := range as {
			as[i].Text, as[i].Paragraphs = "", nil
		}
	}
	writeJSON(w, http.StatusOK, list(as, p))
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	rec, err := s.st.Record(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rec.Mentions == nil {
		rec.Mentions = []dyad.ActorMention{}
	}
	if rec.Events == nil {
		rec.Events = []dyad.Event{}
	}
	if rec.Statements == nil {
		rec.Statements = []dyad.Statement{}
	}
	writeJSON(w, http.StatusOK, rec)
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	eq, err := eventQuery(q, s.opts.Places)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := page(q, defaultLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	eq.Page = plusOne(p)
	evs, err := s.st.Events(r.Context(), eq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list(evs, p))
}

func (s *server) event(w http.ResponseWriter, r *http.Request) {
	ev, err := s.st.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}

func (s *server) statements(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var sq dyad.StatementQuery
	var err error
	if sq.Page, err = page(q, defaultLimit); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, f := range []struct {
		dst  *string
		name string
	}{{&sq.Speaker, "speaker"}, {&sq.Claim, "claim"}, {&sq.Article, "article"}, {&sq.Lang, "lang"}} {
		if *f.dst, err = word(q, f.name); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	p := sq.Page
	sq.Page = plusOne(p)
	sts, err := s.st.Statements(r.Context(), sq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list(sts, p))
}

func (s *server) claims(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var cq dyad.ClaimQuery
	var err error
	if cq.Page, err = page(q, defaultLimit); err != nil {
		s.fail(w, r, err)
		return
	}
	if cq.Query, err = word(q, "q"); err != nil {
		s.fail(w, r, err)
		return
	}
	p := cq.Page
	cq.Page = plusOne(p)
	cs, err := s.st.Claims(r.Context(), cq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range cs {
		cs[i].Statements = nil // lists show labels; /api/claims/{id} has the statements
	}
	writeJSON(w, http.StatusOK, list(cs, p))
}

func (s *server) claim(w http.ResponseWriter, r *http.Request) {
	c, err := s.st.Claim(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// actors answers a dictionary search when Options.Actors is set, and otherwise the actors of stored events
// whose code starts with the query (from the store's counts by actor).
func (s *server) actors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query, err := word(q, "q")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := page(q, 20)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.opts.Actors != nil {
		as := []dyad.Actor{}
		if query != "" {
			as = s.opts.Actors.Search(query, p.Offset+p.Limit+1)
		}
		if p.Offset < len(as) {
			as = as[p.Offset:]
		} else {
			as = nil
		}
		writeJSON(w, http.StatusOK, list(as, p))
		return
	}
	counts, err := s.cachedCounts(r, dyad.CountQuery{By: "actor"})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var as []dyad.Actor
	up := strings.ToUpper(query)
	for _, c := range counts {
		if strings.HasPrefix(strings.ToUpper(c.Key), up) {
			as = append(as, dyad.Actor{ID: c.Key, Name: c.Key, Code: c.Key})
		}
	}
	if p.Offset < len(as) {
		as = as[p.Offset:]
	} else {
		as = nil
	}
	writeJSON(w, http.StatusOK, list(as, p))
}

// ActorPage is the answer of /api/actors/{id}: the dictionary entry when one is known, and the actor's
// events per month. For a code (a country, "CHNGOV") they are counted by side, as source and as target; for
// a person or organisation of the dictionary, whose code is shared with others of its country and sector,
// they are the events that name it by id, in Events.
type ActorPage struct {
	Actor    dyad.Actor   `json:"actor"`
	Known    bool         `json:"known"` // the actor is in the dictionary
	AsSource []dyad.Count `json:"as_source"`
	AsTarget []dyad.Count `json:"as_target"`
	Events   []dyad.Count `json:"events,omitempty"`
}

func (s *server) actor(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 || strings.ContainsFunc(id, unicode.IsControl) {
		s.fail(w, r, badRequest("actor id: want at most 200 printable characters"))
		return
	}
	ap := ActorPage{Actor: dyad.Actor{ID: id, Name: id, Code: id}}
	if s.opts.Actors != nil {
		if a, ok := s.opts.Actors.Actor(id); ok {
			ap.Actor, ap.Known = a, true
		}
	}
	codeOf := ap.Actor.Code
	if codeOf == "" {
		codeOf = id
	}
	var err error
	if ap.Known && ap.Actor.Type != dyad.TypeCountry && ap.Actor.Type != dyad.TypeIGO {
		if ap.Events, err = s.cachedCounts(r, dyad.CountQuery{By: "month", EventQuery: dyad.EventQuery{Actor: ap.Actor.ID}}); err != nil {
			s.fail(w, r, err)
			return
		}
		ap.Events = nonNil(slices.Clone(ap.Events))
		sortCounts("month", ap.Events)
		ap.AsSource, ap.AsTarget = []dyad.Count{}, []dyad.Count{}
		writeJSON(w, http.StatusOK, ap)
		return
	}
	if ap.AsSource, err = s.cachedCounts(r, dyad.CountQuery{By: "month", EventQuery: dyad.EventQuery{Source: codeOf}}); err != nil {
		s.fail(w, r, err)
		return
	}
	if ap.AsTarget, err = s.cachedCounts(r, dyad.CountQuery{By: "month", EventQuery: dyad.EventQuery{Target: codeOf}}); err != nil {
		s.fail(w, r, err)
		return
	}
	ap.AsSource, ap.AsTarget = nonNil(slices.Clone(ap.AsSource)), nonNil(slices.Clone(ap.AsTarget))
	sortCounts("month", ap.AsSource)
	sortCounts("month", ap.AsTarget)
	writeJSON(w, http.StatusOK, ap)
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query, err := word(q, "q")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if query == "" {
		s.fail(w, r, badRequest("q: a search query is required"))
		return
	}
	if err := checkSearch(query); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := page(q, 20)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits, err := s.st.Search(r.Context(), query, plusOne(p))
	release()
	if err != nil {
		s.fail(w, r, fmt.Errorf("search %q: %w", query, err))
		return
	}
	for i := range hits {
		hits[i].Article.Text, hits[i].Article.Paragraphs = "", nil
	}
	writeJSON(w, http.StatusOK, list(hits, p))
}

// countsBy maps the groupings /api/counts accepts to the store's CountQuery.By: "source" is the news
// source (outlet) as in articles, "source_actor" and "target_actor" the event's sides.
var countsBy = map[string]string{
	"day": "day", "month": "month", "dyad": "dyad", "code": "code", "root": "root", "quad": "quad", "lang": "lang",
	"source": "outlet", "outlet": "outlet", "actor": "actor", "source_actor": "source", "target_actor": "target",
}

var countsByNames = func() []string {
	names := slices.Collect(maps.Keys(countsBy))
	slices.Sort(names)
	return names
}()

// Counts is the answer of /api/counts.
type Counts struct {
	By    string       `json:"by"`
	Items []dyad.Count `json:"items"`
}

func (s *server) counts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	by := q.Get("by")
	storeBy, ok := countsBy[by]
	if !ok {
		s.fail(w, r, badRequest("by: want one of %s, got %q", strings.Join(countsByNames, ", "), by))
		return
	}
	eq, err := eventQuery(q, s.opts.Places)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	timeline := by == "day" || by == "month"
	limit := 50
	if timeline {
		limit = 100_000
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			s.fail(w, r, badRequest("limit: want an integer from 1 to 100000, got %q", v))
			return
		}
		limit = n
	}
	split := false
	switch v := q.Get("split"); v {
	case "":
	case "quad":
		if !timeline {
			s.fail(w, r, badRequest("split=quad goes with by=day or by=month"))
			return
		}
		split = true
	default:
		s.fail(w, r, badRequest("split: want quad, got %q", v))
		return
	}
	if !timeline {
		// The store lists other groupings largest first: it can stop at the limit.
		eq.Page = dyad.Page{Limit: limit}
	}
	cs, err := s.cachedCounts(r, dyad.CountQuery{By: storeBy, SplitQuad: split, EventQuery: eq})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cs = slices.Clone(cs)
	sortCounts(by, cs)
	out := Counts{By: by, Items: cs}
	if len(out.Items) > limit {
		out.Items = out.Items[:limit]
	}
	if out.Items == nil {
		out.Items = []dyad.Count{}
	}
	writeJSON(w, http.StatusOK, out)
}

// sortCounts orders a timeline by key and quad class, and any other grouping by count, largest first.
func sortCounts(by string, cs []dyad.Count) {
	if by == "day" || by == "month" {
		slices.SortStableFunc(cs, func(a, b dyad.Count) int {
			return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.QuadClass, b.QuadClass))
		})
		return
	}
	slices.SortStableFunc(cs, func(a, b dyad.Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
}

// queryKey is the cache key of an event query: its values, the box's and circle's too (%v of the query would
// print their addresses, which a later query's box may reuse with other values).
func queryKey(q dyad.EventQuery) string {
	b, n := q.BBox, q.Near
	q.BBox, q.Near = nil, nil
	k := fmt.Sprintf("%+v", q)
	if b != nil {
		k += fmt.Sprintf(" bbox=%+v", *b)
	}
	if n != nil {
		k += fmt.Sprintf(" near=%+v", *n)
	}
	return k
}

// cachedCounts asks the store for counts through the aggregate cache. The slice must not be changed.
func (s *server) cachedCounts(r *http.Request, cq dyad.CountQuery) ([]dyad.Count, error) {
	v, err := s.aggregate(r.Context(), "counts "+queryKey(cq.EventQuery)+fmt.Sprintf(" %s %v", cq.By, cq.SplitQuad), func(ctx context.Context) (any, error) {
		if cq.SplitQuad && s.noSplit.Load() {
			return s.countsByRoot(ctx, cq)
		}
		cs, err := s.st.Counts(ctx, cq)
		if err != nil {
			return nil, err
		}
		if cq.SplitQuad && len(cs) > 0 && !slices.ContainsFunc(cs, func(c dyad.Count) bool { return c.QuadClass != 0 }) {
			// This store does not split by quad class: count per CAMEO root instead, whose quad class is fixed,
			// from now on.
			s.noSplit.Store(true)
			return s.countsByRoot(ctx, cq)
		}
		return cs, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]dyad.Count), nil
}

// countsByRoot answers a CountQuery with SplitQuad from one query per CAMEO root (01-20) that q.Code
// allows, merging the roots of each quad class.
func (s *server) countsByRoot(ctx context.Context, cq dyad.CountQuery) ([]dyad.Count, error) {
	type key struct {
		k    string
		quad int
	}
	sum := map[key]*dyad.Count{}
	for i := 1; i <= 20; i++ {
		root := fmt.Sprintf("%02d", i)
		q := cq
		q.SplitQuad = false
		switch {
		case strings.HasPrefix(cq.Code, root):
		case strings.HasPrefix(root, cq.Code):
			q.Code = root
		default:
			continue
		}
		cs, err := s.st.Counts(ctx, q)
		if err != nil {
			return nil, err
		}
		quad := cameo.QuadClass(root)
		for _, c := range cs {
			k := key{c.Key, quad}
			if t := sum[k]; t != nil {
				// Merge means weighted by counts.
				t.Goldstein = (t.Goldstein*float64(t.Count) + c.Goldstein*float64(c.Count)) / float64(t.Count+c.Count)
				t.Count += c.Count
				continue
			}
			c.QuadClass = quad
			sum[k] = &c
		}
	}
	out := make([]dyad.Count, 0, len(sum))
	for _, c := range sum {
		out = append(out, *c)
	}
	sortCounts(cq.By, out)
	return out, nil
}

// Places is the answer of /api/places: the places of the matching events, most events first.
type Places struct {
	Items []dyad.PlaceCount `json:"items"`
	Limit int               `json:"limit"`
	More  bool              `json:"more"` // more places than the limit hold events
}

// maxPlaces is the most places /api/places answers at once: a map shows no more markers usefully.
const maxPlaces = 5000

// places counts the events that match the event filters by place, for the dashboard's map.
func (s *server) places(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	eq, err := eventQuery(q, s.opts.Places)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit := 500
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPlaces {
			s.fail(w, r, badRequest("limit: want an integer from 1 to %d, got %q", maxPlaces, v))
			return
		}
		limit = n
	}
	eq.Page = dyad.Page{Limit: limit + 1}
	v, err := s.aggregate(r.Context(), "places "+queryKey(eq), func(ctx context.Context) (any, error) {
		return s.st.Places(ctx, eq)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ps := v.([]dyad.PlaceCount)
	out := Places{Items: nonNil(ps), Limit: limit}
	if len(ps) > limit {
		out.Items, out.More = ps[:limit], true
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	v, err := s.aggregate(r.Context(), "stats", func(ctx context.Context) (any, error) { return s.st.Stats(ctx) })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// PostedArticle is one document of POST /api/articles. Text is plain text; HTML, when given instead, goes
// through main-text extraction.
type PostedArticle struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Lang      string `json:"lang"`
}

func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	if !s.authorised(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		msg := "ingest needs Authorization: Bearer <token>"
		if s.opts.Token == "" {
			msg = "ingest is disabled: the server has no token (set DYAD_TOKEN)"
		}
		writeError(w, http.StatusUnauthorized, msg)
		return
	}
	if s.opts.Ingest == nil {
		writeError(w, http.StatusNotImplemented, "this server has no ingest pipeline")
		return
	}
	body, err := readBody(w, r)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", mbe.Limit))
			return
		}
		s.fail(w, r, badRequest("reading the body: %v", err))
		return
	}
	posted, err := ParseArticles(body)
	if err != nil {
		s.fail(w, r, badRequest("%v", err))
		return
	}
	docs := make([]dyad.Document, len(posted))
	for i, p := range posted {
		docs[i] = p.document(i)
	}
	large := len(body) >= pipeline.DefaultReleaseAfter
	if large {
		// A large body leaves hundreds of MB of garbage (its copies through extraction) and fills the store's
		// page cache with its pages: hand both back to the system once the answer is sent, so that the
		// server's RSS returns near its idle level.
		defer func() {
			go func() {
				if err := pipeline.ReleaseMemory(context.Background(), s.st); err != nil {
					s.log.Warn("release memory", "err", err)
				}
			}()
		}()
	}
	body, posted = nil, nil // the documents hold their own copies: neither need live through the ingest
	if large {
		debug.FreeOSMemory() // the body, its parse and their garbage go before the ingest takes its own memory
	}
	sum, err := s.opts.Ingest(r.Context(), docs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.statsMu.Lock()
	s.statsAt = time.Time{} // the totals have changed: every cached aggregate is checked again
	s.statsMu.Unlock()
	if s.opts.Warm {
		go s.warm()
	} else {
		s.cache.reset()
	}
	writeJSON(w, http.StatusOK, sum)
}

func (p PostedArticle) document(i int) dyad.Document {
	d := dyad.Document{
		URI: p.URL, URL: p.URL, Title: p.Title, Published: p.Published, Source: p.Source, Lang: p.Lang,
		Format: "text", Body: []byte(p.Text),
	}
	if d.URI == "" {
		d.URI = fmt.Sprintf("api#%d", i+1)
	}
	if p.Text == "" && p.HTML != "" {
		d.Format, d.Body = "html", []byte(p.HTML)
	}
	return d
}

// readBody reads a POST body of at most maxPostBytes into one buffer of its announced length: io.ReadAll
// grows by doubling, which leaves as much garbage as a large body is long.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	n := max(0, min(r.ContentLength, maxPostBytes))
	b := bytes.NewBuffer(make([]byte, 0, n+bytes.MinRead))
	_, err := b.ReadFrom(http.MaxBytesReader(w, r.Body, maxPostBytes))
	return b.Bytes(), err
}

// ParseArticles reads the body of POST /api/articles: a JSON array of PostedArticle, or JSONL with one per
// line. Errors name the item or line. Each article needs a text or an html.
func ParseArticles(body []byte) ([]PostedArticle, error) {
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(body) == 0 {
		return nil, errors.New("empty body: want a JSON array or JSONL of articles")
	}
	var out []PostedArticle
	if body[0] == '[' {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&out); err != nil {
			return nil, fmt.Errorf("JSON array: %w", err)
		}
		if dec.More() {
			return nil, errors.New("JSON array: data after the array")
		}
		for i, p := range out {
			if err := p.check(); err != nil {
				return nil, fmt.Errorf("item %d: %w", i+1, err)
			}
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(body))
		sc.Buffer(make([]byte, 0, 64<<10), maxPostBytes)
		n := 0
		for sc.Scan() {
			n++
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			var p PostedArticle
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&p); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if dec.More() {
				return nil, fmt.Errorf("line %d: data after the object", n)
			}
			if err := p.check(); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			out = append(out, p)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no articles in the body")
	}
	if len(out) > maxPostDocs {
		return nil, fmt.Errorf("%d articles in one request: at most %d", len(out), maxPostDocs)
	}
	return out, nil
}

func (p PostedArticle) check() error {
	if strings.TrimSpace(p.Text) == "" && strings.TrimSpace(p.HTML) == "" {
		return errors.New("neither text nor html")
	}
	if p.URL != "" {
		// The URL is shown as a link: a javascript: or data: URL there would run in the reader's browser.
		u, err := url.Parse(p.URL)
		if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
			return fmt.Errorf("url %q: want an http or https URL", p.URL)
		}
	}
	return nil
}
