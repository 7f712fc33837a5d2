package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func TestQueryParameterLimit(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	// Past 10,000 parameters Go drops them all, the filter included: without the limit this would list
	// every event.
	many := "code=13" + strings.Repeat("&x=1", 10_000)
	status, body, _ := get(t, srv.URL+"/api/events?"+many)
	if status != 400 || !strings.Contains(body, "too many query parameters") {
		t.Errorf("10,001 parameters: %d %s", status, body)
	}
	status, body, _ = get(t, srv.URL+"/api/events?code=13"+strings.Repeat("&x=1", maxParams-1))
	if status != 200 || strings.Contains(body, "ev-vnm-chn") {
		t.Errorf("%d parameters: %d %s", maxParams, status, body)
	}
}

func TestSearchComplexity(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		q      string
		status int
		want   string
	}{
		{"pham AND binh", 200, ""},
		{"viet* OR chin* OR \"state visit\"", 200, ""},
		{"title:viet*", 200, ""},
		{"a* OR b* OR c*", 400, "at least 3 letters"},
		{"vi*", 400, "at least 3 letters"},
		{"abc* OR abd* OR abe* OR abf* OR abg*", 400, "too many wildcards: 5"},
		{strings.Repeat("word ", 13), 400, "too many terms: 13"},
		{strings.Repeat("x", 201), 400, "at most 200"},
	}
	for _, tt := range tests {
		status, body, _ := get(t, srv.URL+"/api/search?q="+url.QueryEscape(tt.q))
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("q=%q: %d %s, want %d %q", tt.q, status, body, tt.status, tt.want)
		}
	}
}

// blockStore's searches wait until released or their context ends, as a costly full-text query would.
type blockStore struct {
	*fakeStore
	release        chan struct{}
	mu             sync.Mutex
	cancelled      int
	inflight, most int
}

func (b *blockStore) Search(ctx context.Context, q string, p dyad.Page) ([]dyad.Hit, error) {
	b.mu.Lock()
	b.inflight++
	b.most = max(b.most, b.inflight)
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.inflight--
		b.mu.Unlock()
	}()
	select {
	case <-b.release:
		return b.fakeStore.Search(ctx, q, p)
	case <-ctx.Done():
		b.mu.Lock()
		b.cancelled++
		b.mu.Unlock()
		return nil, ctx.Err()
	}
}

// A search that passes the deadline is cancelled in the store and answered 503; while searches hold every
// search slot, the other requests are answered at once.
func TestDeadlineAndSearchSlots(t *testing.T) {
	st := &blockStore{fakeStore: newFakeStore(), release: make(chan struct{})}
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{RequestTimeout: 300 * time.Millisecond, SearchSlots: 1}))
	defer srv.Close()

	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i], _, _ = get(t, srv.URL+"/api/search?q=pham")
		}()
	}
	time.Sleep(50 * time.Millisecond)
	for range 5 {
		start := time.Now()
		status, body, _ := get(t, srv.URL+"/api/events?limit=1")
		if status != 200 || time.Since(start) > 200*time.Millisecond {
			t.Errorf("events while searches wait: %d in %v: %s", status, time.Since(start), body)
		}
	}
	wg.Wait()
	for i, s := range statuses {
		if s != 503 {
			t.Errorf("search %d: %d, want 503 past its deadline", i, s)
		}
	}
	st.mu.Lock()
	if st.cancelled == 0 || st.most != 1 {
		t.Errorf("%d searches cancelled in the store, at most %d at once: want some, and one at a time (one slot)", st.cancelled, st.most)
	}
	st.mu.Unlock()
	status, body, h := get(t, srv.URL+"/api/search?q=pham")
	if status != 503 || !strings.Contains(body, "longer than 300ms") || h.Get("Retry-After") == "" {
		t.Errorf("search past its deadline: %d %s", status, body)
	}
	close(st.release)
	if status, body, _ := get(t, srv.URL+"/api/search?q=pham"); status != 200 {
		t.Errorf("search once the store answers: %d %s", status, body)
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	s := NewHTTPServer("127.0.0.1:0", nil)
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= defaultRequestTimeout || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("timeouts: %+v", s)
	}
}

func TestStaticPaths(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, p := range []string{"/vendor/", "/vendor", "/%ff", "/vendor/%ff%fe.js", "/app.js/", "/%00"} {
		status, body, _ := get(t, srv.URL+p)
		if status != 404 {
			t.Errorf("%s: %d, want 404: %.80s", p, status, body)
		}
	}
	if status, _, _ := get(t, srv.URL+"/"); status != 200 {
		t.Errorf("/: %d", status)
	}
}
