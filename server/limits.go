package server

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits that keep one visitor from stalling the server.
const (
	// maxParams bounds the query parameters of a request. Go's own parser silently drops every parameter
	// past 10,000, which would drop every filter; far fewer than that are ever needed.
	maxParams = 100
	// defaultRequestTimeout is the deadline of a read request; the store's queries are cancelled with it.
	defaultRequestTimeout = 15 * time.Second
	// ingestTimeout is the deadline of POST /api/articles, which runs the pipeline over up to 64 MB.
	ingestTimeout = 10 * time.Minute

	// Search complexity: a full-text query is cheap per term but a short prefix (a*) expands to most of the
	// vocabulary, and OR of many of them reads most of the index.
	maxSearchTerms     = 12
	maxSearchWildcards = 4
	minWildcardPrefix  = 3 // letters before a *
)

// NewHTTPServer returns an http.Server for h with the timeouts a public server needs: slow clients cannot
// hold a connection by trickling headers or a body, and idle keep-alive connections are closed.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		// A whole request, a 64 MB POST at a modest 1 MB/s included.
		ReadTimeout: 2 * time.Minute,
		// Longer than a read request's deadline; the ingest handler extends its own.
		WriteTimeout:   defaultRequestTimeout + 15*time.Second,
		IdleTimeout:    time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
}

// limit checks what every request must satisfy and gives it its deadline. It answers false (having written
// the 400) when the request is refused.
func (s *server) limit(w http.ResponseWriter, r *http.Request) (*http.Request, context.CancelFunc, bool) {
	if n := countParams(r.URL.RawQuery); n > maxParams {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("too many query parameters: %d (at most %d)", n, maxParams))
		return r, nil, false
	}
	timeout := s.opts.RequestTimeout
	if r.Method == http.MethodPost {
		timeout = ingestTimeout
		// The write deadline of NewHTTPServer is for read requests: an ingest may take longer.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(ingestTimeout + 15*time.Second))
	}
	if timeout <= 0 {
		return r, func() {}, true
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	return r.WithContext(ctx), cancel, true
}

// countParams counts the parameters of a raw query string as url.ParseQuery splits it.
func countParams(raw string) int {
	if raw == "" {
		return 0
	}
	return strings.Count(raw, "&") + 1
}

// checkSearch bounds the cost of a full-text query with a 400 that says which bound it passed: the number
// of terms, of wildcards, and the length of a wildcard's prefix. Its length is bounded by word.
func checkSearch(q string) error {
	terms, wild := 0, 0
	for _, f := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`()"`, r) }) {
		switch f {
		case "AND", "OR", "NOT", "NEAR":
			continue
		}
		terms++
		if i := strings.IndexByte(f, '*'); i >= 0 {
			wild++
			prefix := strings.TrimLeftFunc(f[:i], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
			if j := strings.LastIndexByte(prefix, ':'); j >= 0 { // a column filter, title:viet*
				prefix = prefix[j+1:]
			}
			if utf8.RuneCountInString(prefix) < minWildcardPrefix {
				return badRequest("q: a wildcard needs at least %d letters before the * (%q): shorter prefixes match most of the index", minWildcardPrefix, f)
			}
		}
	}
	if terms > maxSearchTerms {
		return badRequest("q: too many terms: %d (at most %d)", terms, maxSearchTerms)
	}
	if wild > maxSearchWildcards {
		return badRequest("q: too many wildcards: %d (at most %d)", wild, maxSearchWildcards)
	}
	return nil
}

// defaultSearchSlots is how many full-text searches run at once: half the CPUs, at least one. The store's
// read pool has more connections than that (SQLite: max(4, CPUs)), so that cheap requests always find one
// while searches queue for their slots.
func defaultSearchSlots() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// acquire takes a search slot, waiting at most until the request's deadline.
func (s *server) acquire(ctx context.Context) (func(), error) {
	select {
	case s.searchSlots <- struct{}{}:
		return func() { <-s.searchSlots }, nil
	case <-ctx.Done():
		return nil, &httpError{status: http.StatusServiceUnavailable, msg: "busy: too many searches at once, try again"}
	}
}
