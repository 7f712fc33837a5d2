package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func newTestServer(t *testing.T, opts Options) (*httptest.Server, *fakeStore) {
	t.Helper()
	st := newFakeStore()
	fill(t, st)
	srv := httptest.NewServer(New(st, opts))
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func TestAPI(t *testing.T) {
	for _, store := range []string{"fake", "sqlite"} {
		t.Run(store, func(t *testing.T) {
			var st dyad.Store = newFakeStore()
			if store == "sqlite" {
				st = openBrowserStore(t)
			}
			fill(t, st)
			srv := httptest.NewServer(New(st, Options{}))
			defer srv.Close()
			testAPI(t, srv)
		})
	}
}

func testAPI(t *testing.T, srv *httptest.Server) {
	tests := []struct {
		name   string
		path   string
		status int
		want   []string // substrings of the body
		absent []string
	}{
		{"articles", "/api/articles", 200, []string{`"id":"art-en"`, `"id":"art-fr"`, `"more":false`}, []string{"Both sides praised"}},
		{"articles lang", "/api/articles?lang=fr", 200, []string{`"art-fr"`}, []string{`"art-en"`}},
		{"articles page", "/api/articles?limit=1", 200, []string{`"more":true`, `"limit":1`}, nil},
		{"articles with text", "/api/articles?lang=fr&text=1", 200, []string{"Les deux parties"}, nil},
		{"article", "/api/articles/art-en", 200, []string{`"article":{"id":"art-en"`, `"mentions":[`, `"statements":[`, `"num_mentions":2`}, nil},
		{"article missing", "/api/articles/nope", 404, []string{`{"error":"not found"}`}, nil},
		{"events", "/api/events", 200, []string{"ev-vnm-chn-20250218", "ev-usa-mex-20250303"}, nil},
		{"events dyad", "/api/events?dyad=CHN:VNM", 200, []string{"ev-vnm-chn-20250218"}, []string{"ev-usa-mex"}},
		{"events dyad lower case", "/api/events?dyad=vnm:chn", 200, []string{"ev-vnm-chn-20250218"}, nil},
		{"events code", "/api/events?code=13", 200, []string{"ev-usa-mex"}, []string{"ev-vnm-chn"}},
		{"events dates", "/api/events?from=2025-03&to=2025-12-31", 200, []string{"ev-usa-mex"}, []string{"ev-vnm-chn"}},
		{"events lang", "/api/events?lang=fr", 200, []string{"ev-vnm-chn"}, []string{"ev-usa-mex"}},
		{"events actor", "/api/events?actor=USA", 200, []string{"ev-usa-mex"}, []string{"ev-vnm-chn"}},
		{"events source target", "/api/events?source=VNM&target=CHN", 200, []string{"ev-vnm-chn"}, nil},
		{"event", "/api/events/ev-vnm-chn-20250218", 200, []string{`"lang":"fr"`, `"lang":"en"`, `"languages":["en","fr"]`}, nil},
		{"event missing", "/api/events/nope", 404, []string{`"error"`}, nil},
		{"statements", "/api/statements?speaker=pham", 200, []string{"st-1"}, nil},
		{"statements claim", "/api/statements?claim=nope", 200, []string{`"items":[]`}, nil},
		{"claims", "/api/claims", 200, []string{"claim-priority"}, nil},
		{"claim", "/api/claims/claim-priority", 200, []string{"st-1"}, nil},
		{"claim missing", "/api/claims/x", 404, nil, nil},
		{"actors from store", "/api/actors?q=vnm", 200, []string{`"VNMGOV"`}, []string{`"USA"`}},
		{"actor page", "/api/actors/VNMGOV", 200, []string{`"as_source":[{"key":"2025-02"`, `"known":false`}, nil},
		{"search", "/api/search?q=tariffs", 200, []string{"art-xss", "[tariffs]"}, nil},
		{"search empty", "/api/search", 400, []string{"q: a search query is required"}, nil},
		{"search syntax", "/api/search?q=%22open", 400, []string{"bad query"}, nil},
		{"counts month", "/api/counts?by=month", 200, []string{`"key":"2025-02"`, `"key":"2025-03"`}, nil},
		{"counts dyad", "/api/counts?by=dyad", 200, []string{`"key":"VNM:CHN"`, `"key":"USA:MEX"`}, nil},
		{"counts dyad limit", "/api/counts?by=dyad&limit=1", 200, []string{`"items":[{"key":"`}, []string{"},{"}},
		{"counts split", "/api/counts?by=month&split=quad", 200, []string{`"quad_class":3`}, nil},
		{"counts outlet", "/api/counts?by=source", 200, []string{`"key":"Le Courrier"`, `"key":"VNA"`}, nil},
		{"counts source actor", "/api/counts?by=source_actor", 200, []string{`"key":"VNMGOV"`, `"key":"USA"`}, nil},
		{"counts lang", "/api/counts?by=lang&dyad=VNM:CHN", 200, []string{`"key":"fr"`}, nil},
		{"stats", "/api/stats", 200, []string{`"articles":3`, `"events":2`, `"mentions":3`}, nil},
		{"openapi", "/api/openapi.json", 200, []string{`"openapi": "3.1.0"`, `"/api/events"`}, nil},
		{"unknown api", "/api/nope", 404, []string{`"error":"no such endpoint`}, nil},
		{"bad limit", "/api/events?limit=0", 400, []string{"limit"}, nil},
		{"huge limit", "/api/events?limit=100000", 400, []string{"limit"}, nil},
		{"bad offset", "/api/events?offset=-1", 400, []string{"offset"}, nil},
		{"bad date", "/api/events?from=2025-13-01", 400, []string{"from"}, nil},
		{"reversed dates", "/api/events?from=2025-02-01&to=2024-01-01", 400, []string{"after"}, nil},
		{"bad dyad", "/api/events?dyad=VNM", 400, []string{"dyad"}, nil},
		{"bad dyad chars", "/api/events?dyad=VNM:C%20N", 400, []string{"dyad"}, nil},
		{"bad code", "/api/events?code=04a", 400, []string{"code"}, nil},
		{"bad by", "/api/counts?by=year", 400, []string{"by: want one of"}, nil},
		{"bad split", "/api/counts?by=dyad&split=quad", 400, []string{"split"}, nil},
		{"control chars", "/api/events?actor=%00", 400, []string{"actor"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, h := get(t, srv.URL+tt.path)
			if status != tt.status {
				t.Fatalf("status %d, want %d; body %s", status, tt.status, body)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if status >= 400 {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
					t.Errorf("error body %q is not {error}", body)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%s", w, body)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(body, a) {
					t.Errorf("body has %q:\n%s", a, body)
				}
			}
		})
	}
}

func TestCountsOrderAndCache(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	_, body, _ := get(t, srv.URL+"/api/counts?by=dyad")
	var c Counts
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Items) != 2 || c.Items[0].Count < c.Items[1].Count {
		t.Fatalf("counts not ordered by count: %+v", c.Items)
	}
	if st.lastCQ.By != "dyad" {
		t.Fatalf("store asked %+v", st.lastCQ)
	}
	// A second identical request is served from the cache: the store's error is not seen.
	st.countErr = errors.New("boom")
	if status, body, _ := get(t, srv.URL+"/api/counts?by=dyad"); status != 200 {
		t.Fatalf("cached counts: %d %s", status, body)
	}
	if status, body, _ := get(t, srv.URL+"/api/counts?by=lang"); status != 500 || !strings.Contains(body, "boom") {
		t.Fatalf("uncached counts with a store error: %d %s", status, body)
	}
}

func TestCountsSplitFallback(t *testing.T) {
	st := newFakeStore()
	fill(t, st)
	st.noSplit = true
	h := New(st, Options{}).(*server)
	srv := httptest.NewServer(h)
	defer srv.Close()
	for i, path := range []string{"/api/counts?by=month&split=quad", "/api/counts?by=month&split=quad&code=1"} {
		if h.noSplit.Load() != (i > 0) {
			t.Errorf("request %d: noSplit %v", i, h.noSplit.Load())
		}
		_, body, _ := get(t, srv.URL+path)
		var c Counts
		if err := json.Unmarshal([]byte(body), &c); err != nil {
			t.Fatal(err)
		}
		want := []dyad.Count{{Key: "2025-02", Count: 1, Goldstein: 1.9, QuadClass: 1}, {Key: "2025-03", Count: 1, Goldstein: -4.4, QuadClass: 3}}
		if strings.Contains(path, "code=1") {
			want = want[1:]
		}
		if fmt.Sprint(c.Items) != fmt.Sprint(want) {
			t.Errorf("%s: %+v, want %+v", path, c.Items, want)
		}
	}
}

func TestIngestAuth(t *testing.T) {
	var got []dyad.Document
	ingest := func(_ context.Context, docs []dyad.Document) (IngestSummary, error) {
		got = docs
		return IngestSummary{Read: len(docs), Stored: len(docs)}, nil
	}
	body := `[{"url":"https://example.org/a","title":"T","text":"Some text.","published":"2025-01-02","source":"X","lang":"en"},{"html":"<p>Hi</p>"}]`
	jsonl := "{\"text\":\"one\"}\n\n{\"text\":\"two\",\"lang\":\"fr\"}\n"
	tests := []struct {
		name   string
		token  string
		auth   string
		body   string
		nilIng bool
		status int
		docs   int
	}{
		{"no token configured", "", "Bearer x", body, false, 401, 0},
		{"no auth header", "s3cret", "", body, false, 401, 0},
		{"wrong token", "s3cret", "Bearer nope", body, false, 401, 0},
		{"wrong scheme", "s3cret", "Basic s3cret", body, false, 401, 0},
		{"ok array", "s3cret", "Bearer s3cret", body, false, 200, 2},
		{"ok jsonl", "s3cret", "Bearer s3cret", jsonl, false, 200, 2},
		{"scheme in lower case", "s3cret", "bearer s3cret", body, false, 200, 2},
		{"scheme alone", "s3cret", "bearer", body, false, 401, 0},
		{"no text", "s3cret", "Bearer s3cret", `[{"title":"x"}]`, false, 400, 0},
		{"javascript url", "s3cret", "Bearer s3cret", `[{"url":"javascript:alert(1)","text":"x"}]`, false, 400, 0},
		{"relative url", "s3cret", "Bearer s3cret", `[{"url":"/a/b","text":"x"}]`, false, 400, 0},
		{"unknown field", "s3cret", "Bearer s3cret", `[{"text":"x","body":"y"}]`, false, 400, 0},
		{"bad json", "s3cret", "Bearer s3cret", `[{"text":`, false, 400, 0},
		{"empty", "s3cret", "Bearer s3cret", ``, false, 400, 0},
		{"no pipeline", "s3cret", "Bearer s3cret", body, true, 501, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			opts := Options{Token: tt.token, Ingest: ingest}
			if tt.nilIng {
				opts.Ingest = nil
			}
			srv, _ := newTestServer(t, opts)
			req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(tt.body))
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, b)
			}
			if len(got) != tt.docs {
				t.Fatalf("ingest got %d docs, want %d", len(got), tt.docs)
			}
			if tt.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	// The array's documents carry their fields; html goes as html.
	srv, _ := newTestServer(t, Options{Token: "t", Ingest: ingest})
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got[0].URL != "https://example.org/a" || got[0].Format != "text" || string(got[0].Body) != "Some text." || got[0].Published != "2025-01-02" {
		t.Errorf("doc 0: %+v", got[0])
	}
	if got[1].Format != "html" || got[1].URI != "api#2" {
		t.Errorf("doc 1: %+v", got[1])
	}
}

type fakeActors struct{}

func (fakeActors) Search(q string, limit int) []dyad.Actor {
	if strings.Contains("pham thanh binh", strings.ToLower(q)) {
		return []dyad.Actor{{ID: "pham-thanh-binh", Name: "Pham Thanh Binh", Code: "VNMGOV"}}
	}
	return nil
}

func (fakeActors) Actor(id string) (dyad.Actor, bool) {
	if id == "pham-thanh-binh" {
		return dyad.Actor{ID: id, Name: "Pham Thanh Binh", Type: dyad.TypePerson, Country: "VNM", Code: "VNMGOV",
			Roles: []dyad.Role{{Title: "Ambassador", Org: "Embassy in China", Country: "VNM", From: "2024"}}}, true
	}
	return dyad.Actor{}, false
}

func TestActorsWithDictionary(t *testing.T) {
	srv, _ := newTestServer(t, Options{Actors: fakeActors{}})
	_, body, _ := get(t, srv.URL+"/api/actors?q=binh")
	if !strings.Contains(body, "pham-thanh-binh") {
		t.Errorf("search: %s", body)
	}
	_, body, _ = get(t, srv.URL+"/api/actors/pham-thanh-binh")
	var ap ActorPage
	if err := json.Unmarshal([]byte(body), &ap); err != nil {
		t.Fatal(err)
	}
	if !ap.Known || len(ap.Actor.Roles) != 1 || len(ap.Events) != 1 || ap.Events[0].Key != "2025-02" || len(ap.AsSource) != 0 {
		t.Errorf("actor page: %+v", ap)
	}
}

func TestDashboardServed(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	status, body, h := get(t, srv.URL+"/")
	if status != 200 || !strings.Contains(body, "<title>dyad</title>") {
		t.Fatalf("index: %d %.200s", status, body)
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	for _, p := range []string{"/app.js", "/app.css"} {
		if status, _, _ := get(t, srv.URL+p); status != 200 {
			t.Errorf("%s: %d", p, status)
		}
	}
	if status, _, _ := get(t, srv.URL+"/vendor/README.md"); status != 404 {
		t.Errorf("vendor README served: %d", status)
	}
	for _, f := range VendorFiles() {
		if status, _, _ := get(t, srv.URL+"/vendor/"+f); status != 200 {
			t.Errorf("vendor %s: %d", f, status)
		}
	}
}

func TestParseArticles(t *testing.T) {
	tests := []struct {
		in      string
		n       int
		wantErr string
	}{
		{`[{"text":"a"}]`, 1, ""},
		{"\xef\xbb\xbf" + `{"text":"a"}` + "\n" + `{"html":"<p>b</p>"}`, 2, ""},
		{`[]`, 0, "no articles"},
		{`[{"text":"a"}] x`, 0, "after the array"},
		{"{\"text\":\"a\"}\n{\"text\":\"\"}", 0, "line 2: neither text nor html"},
		{"{\"text\":\"a\"} {}", 0, "line 1: data after"},
		{`"hello"`, 0, "line 1"},
	}
	for _, tt := range tests {
		got, err := ParseArticles([]byte(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || len(got) != tt.n {
			t.Errorf("%q: %d, %v", tt.in, len(got), err)
		}
	}
}

func FuzzParseArticles(f *testing.F) {
	f.Add([]byte(`[{"text":"a","lang":"en"}]`))
	f.Add([]byte("{\"html\":\"<p>x</p>\"}\n{\"text\":\"y\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		arts, err := ParseArticles(b)
		if err == nil {
			for _, a := range arts {
				if a.check() != nil {
					t.Fatalf("accepted an article with no text: %+v", a)
				}
			}
		}
	})
}

func TestCache(t *testing.T) {
	c := newCache(time.Hour, 2)
	c.put("a", cacheEntry{v: 1, at: time.Now().Add(-time.Minute)})
	c.put("b", cacheEntry{v: 2, at: time.Now()})
	c.put("c", cacheEntry{v: 3, at: time.Now()}) // over max: the oldest (a) goes
	if _, ok, _ := c.get("a"); ok {
		t.Error("a survived the overflow")
	}
	if e, ok, fresh := c.get("c"); !ok || !fresh || e.v.(int) != 3 {
		t.Error("c lost")
	}
	old := newCache(time.Millisecond, 2)
	old.put("a", cacheEntry{v: 1, at: time.Now().Add(-time.Second)})
	if _, ok, fresh := old.get("a"); !ok || fresh {
		t.Errorf("stale entry: ok %v fresh %v", ok, fresh)
	}
	off := newCache(-1, 2)
	off.put("a", cacheEntry{v: 1, at: time.Now()})
	if _, ok, _ := off.get("a"); ok {
		t.Error("disabled cache kept a value")
	}
}

// TestCacheFollowsStore checks that a cached count is recomputed once the store's totals change, and kept
// while they do not.
func TestCacheFollowsStore(t *testing.T) {
	st := newFakeStore()
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{CacheTTL: time.Nanosecond}))
	defer srv.Close()
	_, before, _ := get(t, srv.URL+"/api/counts?by=code")
	st.countErr = errors.New("store asked again")
	time.Sleep(1100 * time.Millisecond) // past the totals' one-second memo
	if status, body, _ := get(t, srv.URL+"/api/counts?by=code"); status != 200 || body != before {
		t.Fatalf("unchanged store: %d %s", status, body)
	}
	st.countErr = nil
	rec := fixtureRecords(t)[2]
	rec.Article.ID = "art-new"
	rec.Events[0].ID, rec.Events[0].Code = "ev-new", "190"
	if _, err := st.Save(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if _, body, _ := get(t, srv.URL+"/api/counts?by=code"); !strings.Contains(body, `"key":"190"`) {
		t.Fatalf("changed store, stale counts: %s", body)
	}
}

func TestWarm(t *testing.T) {
	st := newFakeStore()
	fill(t, st)
	s := New(st, Options{Warm: true}).(*server)
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.cache.mu.Lock()
		n := len(s.cache.m)
		s.cache.mu.Unlock()
		if n == len(overviewPaths) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d cache entries after warming, want %d", n, len(overviewPaths))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestOpenAPIDocument(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for _, route := range []string{"GET /api/articles", "POST /api/articles", "GET /api/articles/{id}", "GET /api/events",
		"GET /api/events/{id}", "GET /api/statements", "GET /api/claims", "GET /api/claims/{id}", "GET /api/actors",
		"GET /api/actors/{id}", "GET /api/search", "GET /api/counts", "GET /api/places", "GET /api/stats", "GET /api/openapi.json"} {
		method, path, _ := strings.Cut(route, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json lacks %s", route)
		}
	}
	// Every $ref points at a defined schema or response.
	var comps struct {
		Components map[string]map[string]json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(openapiJSON, &comps); err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`"\$ref": "#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(string(openapiJSON), -1)
	if len(refs) < 20 {
		t.Fatalf("only %d $refs found", len(refs))
	}
	for _, r := range refs {
		if _, ok := comps.Components[r[1]][r[2]]; !ok {
			t.Errorf("dangling $ref %s/%s", r[1], r[2])
		}
	}
	// The counts groupings the document lists are the ones the server accepts.
	var by []string
	var counts struct {
		Parameters []struct {
			Name   string `json:"name"`
			Schema struct {
				Enum []string `json:"enum"`
			} `json:"schema"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(doc.Paths["/api/counts"]["get"], &counts); err != nil {
		t.Fatal(err)
	}
	for _, p := range counts.Parameters {
		if p.Name == "by" {
			by = p.Schema.Enum
		}
	}
	slices.Sort(by)
	if strings.Join(by, ",") != strings.Join(countsByNames, ",") {
		t.Errorf("openapi by %v, server %v", by, countsByNames)
	}
}

// slowStore counts the Counts calls and makes each wait, to test that concurrent requests share one.
type slowStore struct {
	*fakeStore
	mu    sync.Mutex
	calls int
}

func (s *slowStore) Counts(ctx context.Context, q dyad.CountQuery) ([]dyad.Count, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	time.Sleep(50 * time.Millisecond)
	return s.fakeStore.Counts(ctx, q)
}

func TestAggregateSingleFlightAndStale(t *testing.T) {
	st := &slowStore{fakeStore: newFakeStore()}
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{CacheTTL: time.Nanosecond, Warm: false}))
	defer srv.Close()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if status, body, _ := get(t, srv.URL+"/api/counts?by=code"); status != 200 {
				t.Errorf("%d %s", status, body)
			}
		})
	}
	wg.Wait()
	if st.calls != 1 {
		t.Errorf("8 concurrent requests made %d store calls, want 1", st.calls)
	}

	// With Warm, a changed store's old answer is served at once and replaced in the background.
	st2 := &slowStore{fakeStore: newFakeStore()}
	fill(t, st2)
	h := New(st2, Options{CacheTTL: time.Nanosecond, Warm: true}).(*server)
	srv2 := httptest.NewServer(h)
	defer srv2.Close()
	h.warm()
	_, before, _ := get(t, srv2.URL+"/api/counts?by=quad")
	rec := fixtureRecords(t)[2]
	rec.Article.ID, rec.Events[0].ID, rec.Events[0].QuadClass = "art-new", "ev-new", 4
	if _, err := st2.Save(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	h.statsMu.Lock()
	h.statsAt = time.Time{}
	h.statsMu.Unlock()
	if _, body, _ := get(t, srv2.URL+"/api/counts?by=quad"); body != before {
		t.Errorf("stale answer not served: %s", body)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		_, body, _ := get(t, srv2.URL+"/api/counts?by=quad")
		if strings.Contains(body, `"key":"4"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("answer never refreshed: %s", body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestIngestThenServe posts an article through the API and checks that the aggregates, cached before, show
// it right after.
func TestIngestThenServe(t *testing.T) {
	st := newFakeStore()
	fill(t, st)
	ingest := func(ctx context.Context, docs []dyad.Document) (IngestSummary, error) {
		sum := IngestSummary{Read: len(docs)}
		for i, d := range docs {
			rec := &dyad.Record{
				Article: dyad.Article{ID: fmt.Sprintf("posted-%d", i), URI: d.URI, Title: d.Title, Lang: d.Lang, Text: string(d.Body)},
				Events: []dyad.Event{{ID: fmt.Sprintf("posted-ev-%d", i), Date: "2025-04-01", Code: "057", Root: "05", QuadClass: 1,
					Source: dyad.EventActor{Code: "USA", Country: "USA"}, Target: dyad.EventActor{Code: "CAN", Country: "CAN"},
					Mentions: []dyad.EventMention{{ArticleID: fmt.Sprintf("posted-%d", i), Lang: d.Lang, Sentence: string(d.Body), End: len(d.Body)}}}},
			}
			ok, err := st.Save(ctx, rec)
			if err != nil {
				return sum, err
			}
			if ok {
				sum.Stored++
			}
		}
		return sum, nil
	}
	srv := httptest.NewServer(New(st, Options{Token: "tok", Ingest: ingest}))
	defer srv.Close()
	if _, body, _ := get(t, srv.URL+"/api/counts?by=dyad"); strings.Contains(body, "USA:CAN") {
		t.Fatalf("USA:CAN before the ingest: %s", body)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(`{"title":"Accord","text":"The two signed an accord.","lang":"en"}`+"\n"))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var sum IngestSummary
	if err := json.NewDecoder(resp.Body).Decode(&sum); err != nil || sum.Read != 1 || sum.Stored != 1 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	resp.Body.Close()
	if _, body, _ := get(t, srv.URL+"/api/counts?by=dyad"); !strings.Contains(body, `"key":"USA:CAN"`) {
		t.Errorf("USA:CAN missing after the ingest: %s", body)
	}
	if _, body, _ := get(t, srv.URL+"/api/stats"); !strings.Contains(body, `"articles":4`) {
		t.Errorf("stats after the ingest: %s", body)
	}
}

// /api/events/{id} finds an event by an id it had before a mention with a smaller content id renamed it
// (the store's aliases): a link made to the old id keeps working, and the answer carries the current id.
func TestEventByOldID(t *testing.T) {
	st := openBrowserStore(t)
	ctx := context.Background()
	rec := func(art, ev string) *dyad.Record {
		text := "The defence ministers of Japan and Australia met in Tokyo, report " + art + "."
		return &dyad.Record{
			Article: dyad.Article{ID: art, URI: art + ".txt", Lang: "en", Text: text, Published: "2025-06-11"},
			Events: []dyad.Event{{ID: ev, Key: "04|AUS|JPN", Date: "2025-06-11", DatePrecision: "day", Code: "040", Root: "04", QuadClass: 1,
				Source: dyad.EventActor{Code: "JPNGOV", Country: "JPN", Sector: "GOV"}, Target: dyad.EventActor{Code: "AUSGOV", Country: "AUS", Sector: "GOV"},
				Mentions: []dyad.EventMention{{ArticleID: art, Lang: "en", Sentence: text, End: len(text), Date: "2025-06-11", Confidence: 0.8}}}},
		}
	}
	renamer := rec("art-2", "ev-new")
	renamer.Merge = []dyad.EventMerge{{Into: "ev-new", From: []string{"ev-old"}}}
	for _, r := range []*dyad.Record{rec("art-1", "ev-old"), renamer} {
		if ok, err := st.Save(ctx, r); err != nil || !ok {
			t.Fatalf("Save(%s) = %v, %v", r.Article.ID, ok, err)
		}
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	code, body, _ := get(t, srv.URL+"/api/events/ev-old")
	if code != 200 || !strings.Contains(body, `"id":"ev-new"`) || !strings.Contains(body, `"num_mentions":2`) {
		t.Errorf("GET /api/events/ev-old = %d %s; want the renamed event ev-new with both mentions", code, body)
	}
	if code, _, _ := get(t, srv.URL+"/api/events/ev-never"); code != 404 {
		t.Errorf("GET /api/events/ev-never = %d; want 404", code)
	}
}

// releaseStore records that the server asked it to hand back its caches' memory.
type releaseStore struct {
	*fakeStore
	released chan struct{}
}

func (s *releaseStore) ReleaseMemory(context.Context) error {
	s.released <- struct{}{}
	return nil
}

// After a large POST the server asks the store to hand back its caches' memory (sqlite: the writer's page
// cache, full of the document's pages) and returns the garbage to the system; after a small one it does not.
func TestLargeIngestReleasesMemory(t *testing.T) {
	st := &releaseStore{fakeStore: newFakeStore(), released: make(chan struct{}, 4)}
	ingest := func(ctx context.Context, docs []dyad.Document) (IngestSummary, error) {
		return IngestSummary{Read: len(docs), Stored: len(docs)}, nil
	}
	srv := httptest.NewServer(New(st, Options{Token: "tok", Ingest: ingest}))
	defer srv.Close()
	post := func(text string) {
		body, _ := json.Marshal(map[string]string{"title": "Talks", "text": text, "lang": "en"})
		req, _ := http.NewRequest("POST", srv.URL+"/api/articles", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("POST of %d bytes: %d", len(body), resp.StatusCode)
		}
	}
	post("The two foreign ministers met in Hanoi.")
	select {
	case <-st.released:
		t.Error("memory released after a small POST")
	case <-time.After(200 * time.Millisecond):
	}
	post(strings.Repeat("The two foreign ministers met in Hanoi. ", 5<<20/40))
	select {
	case <-st.released:
	case <-time.After(10 * time.Second):
		t.Error("no memory released after a 5 MB POST")
	}
}

// A POST body is read into one buffer of its announced length (io.ReadAll's doubling left as much garbage
// as the body is long); a body without a length is read whole too.
func TestReadBodyOneBuffer(t *testing.T) {
	text := strings.Repeat("The two foreign ministers met in Hanoi. ", 5<<20/40)
	for _, announced := range []bool{true, false} {
		r := httptest.NewRequest("POST", "/api/articles", strings.NewReader(text))
		if !announced {
			r.ContentLength = -1
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		body, err := readBody(httptest.NewRecorder(), r)
		runtime.ReadMemStats(&after)
		if err != nil || string(body) != text {
			t.Fatalf("announced %v: %d bytes, %v; want the %d of the body", announced, len(body), err, len(text))
		}
		if n := after.TotalAlloc - before.TotalAlloc; announced && n > uint64(len(text))*11/10 {
			t.Errorf("reading a body of %d bytes allocated %d", len(text), n)
		}
	}
}
