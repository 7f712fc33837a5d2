package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/synth"
)

// benchStore opens the synthetic store of the benchmarks: DYAD_BENCH_DB (default /tmp/dyad-bench-<n>.db)
// with DYAD_BENCH_EVENTS events (default 1,000,000), generated on first use and kept for later runs.
// Generating 1M events takes minutes: run with -timeout 60m the first time.
func benchStore(b *testing.B) *sqlite.DB {
	b.Helper()
	n := 1_000_000
	if v := os.Getenv("DYAD_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("DYAD_BENCH_EVENTS: %v", err)
		}
	}
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = fmt.Sprintf("%s/dyad-bench-%d.db", os.TempDir(), n)
	}
	ctx := context.Background()
	_, statErr := os.Stat(path)
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if statErr == nil {
		return db
	}
	start := time.Now()
	last := time.Now()
	err = synth.Generate(ctx, db, n, 1, func(done int) {
		if time.Since(last) > 30*time.Second {
			last = time.Now()
			b.Logf("generated %d events in %s", done, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		os.Remove(path)
		b.Fatal(err)
	}
	st, _ := db.Stats(ctx)
	b.Logf("generated %s in %s: %+v", path, time.Since(start).Round(time.Second), st)
	return db
}

func percentile(ds []time.Duration, p float64) time.Duration {
	slices.Sort(ds)
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

// BenchmarkEventsQuery runs filtered event queries (one page of 50, as the API asks) over the synthetic
// store: dyads of the top 30 and random ones, with and without date ranges, actor, code and language filters.
func BenchmarkEventsQuery(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	dyads, err := db.Counts(ctx, dyad.CountQuery{By: "dyad", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 200}}})
	if err != nil || len(dyads) < 10 {
		b.Fatalf("dyads: %d, %v", len(dyads), err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	queries := make([]dyad.EventQuery, 200)
	for i := range queries {
		d := dyads[rng.IntN(min(30, len(dyads)))].Key
		if i%2 == 1 {
			d = dyads[rng.IntN(len(dyads))].Key
		}
		a, c, _ := cut(d)
		q := dyad.EventQuery{Dyad: [2]string{a, c}, Page: dyad.Page{Limit: 51}}
		switch i % 5 {
		case 1:
			y := 2016 + rng.IntN(10)
			q.From, q.To = fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)
		case 2:
			q = dyad.EventQuery{Actor: a, Code: fmt.Sprintf("%02d", 1+rng.IntN(20)), Page: dyad.Page{Limit: 51}}
		case 3:
			q.Code = "04"
			q.From = fmt.Sprintf("%d-06-01", 2016+rng.IntN(9))
		case 4:
			q = dyad.EventQuery{Source: a, Target: c, Lang: "fr", Page: dyad.Page{Limit: 51, Offset: 50}}
		}
		queries[i] = q
	}
	benchQueries(b, db, queries)
}

// BenchmarkPlaceQuery times the place filters (synth.PlaceQueries) over the benchmark store (half its events
// placed at random coordinates). It reports the p50, p95 and maximum of the whole mix and logs them for each
// kind and box size.
func BenchmarkPlaceQuery(b *testing.B) {
	db := benchStore(b)
	queries, kinds := synth.PlaceQueries()
	lat, cpu := benchQueries(b, db, queries)
	b.Log("wall time:")
	synth.LogByKind(b, kinds, lat)
	b.Log("CPU time of the querying thread:")
	synth.LogByKind(b, kinds, cpu)
}

func cut(d string) (string, string, bool) {
	for i := range d {
		if d[i] == ':' {
			return d[:i], d[i+1:], true
		}
	}
	return d, "", false
}

// overviewCalls are the API calls the overview page makes, in parallel, when it opens.
var overviewCalls = []string{"/api/stats", "/api/counts?by=month&split=quad", "/api/counts?by=dyad&limit=15",
	"/api/counts?by=lang&limit=20", "/api/counts?by=source&limit=15", "/api/counts?by=quad"}

// BenchmarkOverview times the overview page's API calls, made in parallel as the browser does: the time
// until the page has all its data. "cold" turns the answer cache off (every call scans the store); "warm" is
// a server started with Options.Warm, once its background warm-up is done, past the cache's TTL (so each
// call checks the store's totals).
func BenchmarkOverview(b *testing.B) {
	db := benchStore(b)
	b.Run("cold", func(b *testing.B) { overview(b, New(db, Options{CacheTTL: -1})) })
	b.Run("warm", func(b *testing.B) {
		h := New(db, Options{CacheTTL: time.Millisecond, Warm: true})
		t0 := time.Now()
		h.(*server).warm() // the same work New started in the background, done here to wait for it
		b.Logf("warm-up took %s", time.Since(t0).Round(time.Millisecond))
		overview(b, h)
	})
}

func overview(b *testing.B, h http.Handler) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	each := make(map[string][]time.Duration)
	var mu sync.Mutex
	for b.Loop() {
		var wg sync.WaitGroup
		for _, p := range overviewCalls {
			wg.Go(func() {
				t0 := time.Now()
				resp, err := http.Get(srv.URL + p)
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Errorf("%s: %d", p, resp.StatusCode)
				}
				mu.Lock()
				each[p] = append(each[p], time.Since(t0))
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	for _, p := range overviewCalls {
		b.Logf("%-40s median %s", p, percentile(each[p], 0.5).Round(time.Millisecond))
	}
}

// BenchmarkEventsAPI times GET /api/events with a dyad and a date range over the synthetic store, through
// the HTTP handler (JSON encoding included).
func BenchmarkEventsAPI(b *testing.B) {
	db := benchStore(b)
	h := New(db, Options{})
	dyads, err := db.Counts(context.Background(), dyad.CountQuery{By: "dyad", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 20}}})
	if err != nil || len(dyads) == 0 {
		b.Fatal(err)
	}
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("GET", "/api/events?dyad="+dyads[i%len(dyads)].Key+"&from=2020-01-01&to=2022-12-31", nil)
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, req)
		lat = append(lat, time.Since(t0))
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
	b.ReportMetric(float64(percentile(lat, 0.95).Microseconds())/1000, "p95-ms")
}

// BenchmarkSearchFlood is the flood of issue 13: 20 clients sending the costliest search the limits let
// through (four short-prefix wildcards in OR) and 20 clients reading /api/events, over loopback for
// DYAD_FLOOD_SECONDS (default 10) per iteration. It reports the events requests' latency: the target is a
// p95 under 100 ms however long the searches take.
func BenchmarkSearchFlood(b *testing.B) {
	db := benchStore(b)
	secs, searchers := 10, 20
	if v := os.Getenv("DYAD_FLOOD_SECONDS"); v != "" {
		secs, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("DYAD_FLOOD_SEARCHERS"); v != "" {
		searchers, _ = strconv.Atoi(v) // 0 gives the events' latency without the flood, to compare
	}
	srv := httptest.NewUnstartedServer(New(db, Options{CacheTTL: -1}))
	srv.Config = NewHTTPServer("", srv.Config.Handler)
	srv.Start()
	defer srv.Close()
	const worst = "/api/search?q=" + "sta*+OR+pre*+OR+min*+OR+gov*"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var mu sync.Mutex
	var evLat, seLat []time.Duration
	status := map[string]map[int]int{"events": {}, "search": {}}
	for b.Loop() {
		end := time.Now().Add(time.Duration(secs) * time.Second)
		var wg sync.WaitGroup
		for i := range 20 + searchers {
			kind, path := "events", "/api/events?limit=50&offset="
			if i >= 20 {
				kind, path = "search", worst+"&offset="
			}
			wg.Go(func() {
				for n := 0; time.Now().Before(end); n++ {
					t0 := time.Now()
					resp, err := client.Get(srv.URL + path + strconv.Itoa(n%4*50))
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					d := time.Since(t0)
					mu.Lock()
					status[kind][resp.StatusCode]++
					if kind == "events" {
						evLat = append(evLat, d)
					} else {
						seLat = append(seLat, d)
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	b.ReportMetric(float64(percentile(evLat, 0.5).Microseconds())/1000, "events-p50-ms")
	b.ReportMetric(float64(percentile(evLat, 0.95).Microseconds())/1000, "events-p95-ms")
	if len(seLat) > 0 {
		b.ReportMetric(float64(percentile(seLat, 0.5).Microseconds())/1000, "search-p50-ms")
		b.ReportMetric(float64(percentile(seLat, 0.95).Microseconds())/1000, "search-p95-ms")
	}
	b.Logf("statuses %v", status)
}

// benchQueries runs the queries in turn for b's iterations and reports the latency's p50, p95 and maximum,
// and the p50 and p95 of each query's CPU time (the thread's, Linux only), which the machine's other load
// inflates far less. It returns the latencies and CPU times in the order run (query i%len(queries) the i-th).
func benchQueries(b *testing.B, db *sqlite.DB, queries []dyad.EventQuery) (lat, cpu []time.Duration) {
	ctx := context.Background()
	runtime.LockOSThread() // the driver runs SQLite on the calling goroutine: its thread's CPU is the query's
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0, c0 := time.Now(), threadCPU()
		if _, err := db.Events(ctx, queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat, cpu = append(lat, time.Since(t0)), append(cpu, threadCPU()-c0)
	}
	run, runCPU := slices.Clone(lat), slices.Clone(cpu)
	b.ReportMetric(float64(percentile(lat, 0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(lat, 0.95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(percentile(lat, 1).Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(percentile(cpu, 0.5).Microseconds())/1000, "cpu-p50-ms")
	b.ReportMetric(float64(percentile(cpu, 0.95).Microseconds())/1000, "cpu-p95-ms")
	return run, runCPU
}
