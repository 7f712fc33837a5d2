package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
)

// IngestSummary is what POST /api/articles answers: how many documents were read, stored, skipped as
// already stored, and failed, with one message per failure.
type IngestSummary struct {
	Read       int      `json:"read"`
	Stored     int      `json:"stored"`
	Duplicates int      `json:"duplicates"`
	Failed     int      `json:"failed"`
	Errors     []string `json:"errors,omitempty"`
	// Warnings name documents stored whole but coded only in part (a text past the per-document bound).
	Warnings []string `json:"warnings,omitempty"`
}

// ActorLookup finds actors of the actor dictionary; *actor.Dictionary implements it.
type ActorLookup interface {
	// Search returns up to limit actors whose names or aliases match query.
	Search(query string, limit int) []dyad.Actor
	// Actor returns the actor with an id.
	Actor(id string) (dyad.Actor, bool)
}

// Options configure New.
type Options struct {
	// Addr is the address the caller listens on; New only shows it in logs.
	Addr string
	// Token is the bearer token POST /api/articles requires (DYAD_TOKEN). Empty means the API is read-only:
	// every ingest answers 401.
	Token string
	// Ingest runs the pipeline over posted documents and stores them. Nil answers 501 to an authorised POST.
	Ingest func(ctx context.Context, docs []dyad.Document) (IngestSummary, error)
	// Actors, when set, answers /api/actors and adds dictionary data (roles) to actor pages.
	Actors ActorLookup
	// Places, when set, turns the place filter's names into place ids (the gazetteer's Find); without it
	// ?place= takes ids only.
	Places PlaceLookup
	// Logger receives one line per request that failed on the server side; nil uses slog.Default().
	Logger *slog.Logger
	// CacheTTL is how long aggregate answers (/api/counts, /api/stats) are reused without asking the store
	// whether its totals changed; 0 means 30 s, a negative value turns the cache off. A successful ingest
	// empties the cache.
	CacheTTL time.Duration
	// Warm computes the overview's aggregates in the background when the server starts and after each
	// ingest, so that the first visitor of a large store does not wait for them; and once computed, an
	// aggregate is served as it was while a background computation brings it up to date with the store.
	Warm bool
	// RequestTimeout is the deadline of a read request: past it the store's query is cancelled and the
	// answer is a 503. 0 means 15 s, a negative value none. An ingest (POST) has 10 minutes.
	RequestTimeout time.Duration
	// SearchSlots is how many full-text searches run at once; others queue until their deadline. 0 means
	// half the CPUs, at least one, so that searches never take every connection of the store's read pool.
	SearchSlots int
}

// Limits of list queries.
const (
	defaultLimit = 50
	maxLimit     = 1000
	maxPostBytes = 64 << 20
	maxPostDocs  = 10000
)

type server struct {
	st    dyad.Store
	opts  Options
	log   *slog.Logger
	cache *cache
	mux   *http.ServeMux

	statsMu  sync.Mutex
	statsNow dyad.Stats
	statsAt  time.Time

	flightMu sync.Mutex
	flights  map[string]*call

	noSplit atomic.Bool // the store ignores CountQuery.SplitQuad

	searchSlots chan struct{}
}

// PlaceLookup returns the place id of a place name or id, and whether there is such a place.
type PlaceLookup func(nameOrID string) (string, bool)

// New returns the handler that serves the API under /api/ and the dashboard at /.
func New(st dyad.Store, opts Options) http.Handler {
	s := &server{st: st, opts: opts, log: opts.Logger, mux: http.NewServeMux(), flights: map[string]*call{}}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.opts.RequestTimeout == 0 {
		s.opts.RequestTimeout = defaultRequestTimeout
	}
	if s.opts.SearchSlots <= 0 {
		s.opts.SearchSlots = defaultSearchSlots()
	}
	s.searchSlots = make(chan struct{}, s.opts.SearchSlots)
	ttl := opts.CacheTTL
	if ttl == 0 {
		ttl = 30 * time.Second
	}
	s.cache = newCache(ttl, 512)
	if opts.Warm && ttl > 0 {
		defer func() { go s.warm() }()
	}

	m := s.mux
	m.HandleFunc("GET /api/articles", s.articles)
	m.HandleFunc("POST /api/articles", s.ingest)
	m.HandleFunc("GET /api/articles/{id}", s.article)
	m.HandleFunc("GET /api/events", s.events)
	m.HandleFunc("GET /api/events/{id}", s.event)
	m.HandleFunc("GET /api/statements", s.statements)
	m.HandleFunc("GET /api/claims", s.claims)
	m.HandleFunc("GET /api/claims/{id}", s.claim)
	m.HandleFunc("GET /api/actors", s.actors)
	m.HandleFunc("GET /api/actors/{id}", s.actor)
	m.HandleFunc("GET /api/search", s.search)
	m.HandleFunc("GET /api/counts", s.counts)
	m.HandleFunc("GET /api/places", s.places)
	m.HandleFunc("GET /api/stats", s.stats)
	m.HandleFunc("GET /api/openapi.json", s.openapi)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	m.Handle("/", uiHandler())
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy",
		"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	r, cancel, ok := s.limit(w, r)
	if !ok {
		return
	}
	defer cancel()
	s.mux.ServeHTTP(w, r)
}

// httpError is an error with the status code to answer.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encoding the answer: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
	_, _ = w.Write([]byte{'\n'})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
	_, _ = w.Write([]byte{'\n'})
}

// fail answers an error: a 400 for bad parameters, a 404 for dyad.ErrNotFound, a 500 (logged) otherwise.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		writeError(w, he.status, he.msg)
	case errors.Is(err, dyad.ErrBadQuery):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, dyad.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded):
		// The store may report a cancelled query as its own error (SQLite: "interrupted").
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("the request took longer than %v and was cancelled", s.opts.RequestTimeout))
	case errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

// authorised reports whether the request carries the configured bearer token. With no token configured
// nothing is authorised.
func (s *server) authorised(r *http.Request) bool {
	if s.opts.Token == "" {
		return false
	}
	// The scheme is case-insensitive (RFC 9110 11.1): "bearer" is as good as "Bearer".
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !strings.EqualFold(h[:7], "Bearer ") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(h[7:])), []byte(s.opts.Token)) == 1
}

// cache keeps aggregate answers (counts, stats): over a large store they cost a scan, and the overview asks
// the same ones on every visit. An answer is reused for ttl without a check; after that it is reused as long
// as the store's totals (Stats) have not changed since it was computed. An ingest through the API empties it.
type cache struct {
	mu  sync.Mutex
	ttl time.Duration
	max int
	m   map[string]cacheEntry
}

type cacheEntry struct {
	v     any
	stats dyad.Stats // the store's totals when v was computed
	at    time.Time  // when v was computed or last checked
}

func newCache(ttl time.Duration, max int) *cache {
	return &cache{ttl: ttl, max: max, m: make(map[string]cacheEntry)}
}

// get returns a cached answer; fresh is false when it is older than the ttl and must be checked.
func (c *cache) get(key string) (e cacheEntry, ok, fresh bool) {
	if c.ttl < 0 {
		return e, false, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok = c.m[key]
	return e, ok, ok && time.Since(e.at) < c.ttl
}

func (c *cache) put(key string, e cacheEntry) {
	if c.ttl < 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok && len(c.m) >= c.max {
		// Drop the oldest entry.
		var oldest string
		var at time.Time
		for k, e := range c.m {
			if oldest == "" || e.at.Before(at) {
				oldest, at = k, e.at
			}
		}
		delete(c.m, oldest)
	}
	c.m[key] = e
}

func (c *cache) reset() {
	c.mu.Lock()
	clear(c.m)
	c.mu.Unlock()
}

// aggregate answers key from the cache or computes it; concurrent requests for one key share one
// computation. With Options.Warm, an answer whose store has changed since is still served while a background
// computation replaces it, so that a large store's overview stays fast while it grows.
func (s *server) aggregate(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	e, ok, fresh := s.cache.get(key)
	if fresh {
		return e.v, nil
	}
	if s.cache.ttl < 0 {
		return compute(ctx)
	}
	now, err := s.totals(ctx)
	if err != nil {
		return nil, err
	}
	if ok && now == e.stats {
		e.at = time.Now()
		s.cache.put(key, e)
		return e.v, nil
	}
	if ok && s.opts.Warm && ctx.Value(warmingKey{}) == nil {
		go func() { _, _ = s.flight(context.WithoutCancel(ctx), key, now, compute) }()
		return e.v, nil
	}
	return s.flight(ctx, key, now, compute)
}

// warmingKey marks the context of the warm-up, which computes in place rather than in the background.
type warmingKey struct{}

// call is one computation of an aggregate that several requests may wait for.
type call struct {
	done chan struct{}
	v    any
	err  error
}

// flight computes key once for all who ask at the same time, and caches the answer with the totals it was
// computed for. The computation outlives a cancelled request: others may wait for it.
func (s *server) flight(ctx context.Context, key string, stats dyad.Stats, compute func(context.Context) (any, error)) (any, error) {
	s.flightMu.Lock()
	if c, ok := s.flights[key]; ok {
		s.flightMu.Unlock()
		select {
		case <-c.done:
			return c.v, c.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	c := &call{done: make(chan struct{})}
	s.flights[key] = c
	s.flightMu.Unlock()

	c.v, c.err = compute(context.WithoutCancel(ctx))
	if c.err == nil {
		s.cache.put(key, cacheEntry{v: c.v, stats: stats, at: time.Now()})
	}
	s.flightMu.Lock()
	delete(s.flights, key)
	s.flightMu.Unlock()
	close(c.done)
	return c.v, c.err
}

// totals returns the store's Stats, asking the store at most once a second.
func (s *server) totals(ctx context.Context) (dyad.Stats, error) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	if time.Since(s.statsAt) < time.Second {
		return s.statsNow, nil
	}
	st, err := s.st.Stats(ctx)
	if err != nil {
		return st, err
	}
	s.statsNow, s.statsAt = st, time.Now()
	return st, nil
}

// overviewPaths are the API calls the dashboard's overview makes (keep in step with ui/static/app.js).
var overviewPaths = []string{"/api/stats", "/api/counts?by=month&split=quad", "/api/counts?by=dyad&limit=15",
	"/api/counts?by=lang&limit=20", "/api/counts?by=source&limit=15", "/api/counts?by=quad"}

// warm computes the overview's answers into the cache, one after the other.
func (s *server) warm() {
	start := time.Now()
	ctx := context.WithValue(context.Background(), warmingKey{}, true)
	for _, p := range overviewPaths {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p, nil)
		if err != nil {
			continue
		}
		s.mux.ServeHTTP(discard{h: http.Header{}}, req)
	}
	s.log.Debug("overview cache warmed", "took", time.Since(start))
}

// discard is a ResponseWriter that drops the answer.
type discard struct{ h http.Header }

func (d discard) Header() http.Header         { return d.h }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}
