package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"
)

// TestQueueScaleOut is the scale-out benchmark of docs/benchmarks.md, run only with DYAD_BENCH_QUEUE=N (the
// number of corpus articles) and DATABASE_URL: for 1, 2 and 4 `dyad worker` processes (DYAD_BENCH_WORKERS,
// comma-separated, to choose), it writes N articles of the realistic corpus (`dyad bench --write`),
// publishes them to an embedded NATS JetStream server, lets the workers store them into a fresh PostgreSQL
// database and prints the wall time, the articles per second, and the CPU-seconds per 1,000 articles of the
// workers (their own rusage) and of PostgreSQL (the postmaster's children, when the server runs on this
// machine and its data directory can be read), as the difference between a run of N/4 articles and one of N.
// DYAD_BENCH_ORDERED=off runs the workers with --ordered=false.
func TestQueueScaleOut(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_BENCH_QUEUE"))
	if n <= 0 {
		t.Skip("DYAD_BENCH_QUEUE not set")
	}
	if os.Getenv("DATABASE_URL") == "" {
		t.Skip("DATABASE_URL not set")
	}
	counts := []int{1, 2, 4}
	if s := os.Getenv("DYAD_BENCH_WORKERS"); s != "" {
		counts = nil
		for _, f := range strings.Split(s, ",") {
			k, err := strconv.Atoi(f)
			if err != nil || k <= 0 {
				t.Fatalf("DYAD_BENCH_WORKERS: %q", s)
			}
			counts = append(counts, k)
		}
	}
	goroutines := os.Getenv("DYAD_BENCH_GOROUTINES")
	if goroutines == "" {
		goroutines = "4"
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// Two corpora, a quarter of N and N: the difference of the two runs is what the articles cost, without
	// what each worker process spends once (start-up, the packs, each language's verb patterns parsed on its
	// first article).
	sizes := []int{n / 4, n}
	corpora := make([]string, len(sizes))
	for i, size := range sizes {
		corpora[i] = filepath.Join(dir, fmt.Sprint("corpus", size))
		if out, err := exec.Command(bin, "bench", "--articles", fmt.Sprint(size), "--material", "../../sample", "--write", corpora[i]).CombinedOutput(); err != nil {
			t.Fatalf("bench --write: %v\n%s", err, out)
		}
	}
	pgCPU := postmasterCPU(t)
	type result struct {
		stored, events int
		wall, cpu, pg  time.Duration
	}
	run := func(k int, corpus string) result {
		db := freshDatabase(t)
		natsURL, stop := embeddedNATS(t)
		defer stop()
		if out, err := exec.Command(bin, "ingest", "--queue", natsURL, corpus).CombinedOutput(); err != nil {
			t.Fatalf("publish: %v\n%s", err, out)
		}
		pg0 := pgCPU()
		start := time.Now()
		cpu := runWorkers(t, bin, db, natsURL, k, goroutines)
		wall := time.Since(start)
		// The backends of the workers' connections are reaped by the postmaster once the workers are gone.
		time.Sleep(500 * time.Millisecond)
		r := result{wall: wall, cpu: cpu, pg: pgCPU() - pg0}
		conn, err := pgx.Connect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if err := conn.QueryRow(ctx, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").Scan(&r.stored, &r.events); err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Logf("corpus of %d and %d articles; %s goroutines per worker process; load average %s", sizes[0], sizes[1], goroutines, loadAverage())
	for _, k := range counts {
		small := run(k, corpora[0])
		big := run(k, corpora[1])
		d := float64(big.stored - small.stored)
		t.Logf("%d worker process(es): %d articles (%d events) in %.1f s = %.1f articles/s; the last %d articles: "+
			"%.1f articles/s, workers %.2f and PostgreSQL %.2f CPU-s per 1,000 articles (all %d: workers %.1f CPU-s, PostgreSQL %.1f); load average %s",
			k, big.stored, big.events, big.wall.Seconds(), float64(big.stored)/big.wall.Seconds(), int(d),
			d/(big.wall-small.wall).Seconds(), (big.cpu-small.cpu).Seconds()*1000/d, (big.pg-small.pg).Seconds()*1000/d,
			big.stored, big.cpu.Seconds(), big.pg.Seconds(), loadAverage())
	}
}

// embeddedNATS starts a JetStream server on loopback.
func embeddedNATS(t *testing.T) (string, func()) {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	return ns.ClientURL(), ns.Shutdown
}

// runWorkers runs k `dyad worker --drain` processes to the end and returns the CPU time they used.
func runWorkers(t *testing.T, bin, db, natsURL string, k int, goroutines string) time.Duration {
	t.Helper()
	var mu sync.Mutex
	var cpu time.Duration
	var wg sync.WaitGroup
	for range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []string{"worker", "--db", db, "--queue", natsURL, "--drain", "--workers", goroutines}
			if os.Getenv("DYAD_BENCH_ORDERED") == "off" {
				args = append(args, "--ordered=false") // to compare: link in the order the goroutines finish
			}
			cmd := exec.Command(bin, args...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("worker: %v\n%s", err, out)
			}

			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				mu.Lock()
				cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return cpu
}

// postmasterCPU returns a function that reads the CPU time of the PostgreSQL server of DATABASE_URL and of
// its finished children (the backends), or 0 when the server's process cannot be read from here.
func postmasterCPU(t *testing.T) func() time.Duration {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var dataDir string
	if err := conn.QueryRow(ctx, "SHOW data_directory").Scan(&dataDir); err != nil {
		return func() time.Duration { return 0 }
	}
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		t.Logf("PostgreSQL's CPU not measured: %v", err)
		return func() time.Duration { return 0 }
	}
	pid := strings.SplitN(string(b), "\n", 2)[0]
	return func() time.Duration {
		stat, err := os.ReadFile("/proc/" + pid + "/stat")
		if err != nil {
			return 0
		}
		s := string(stat)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		var ticks int64
		for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime (fields 14-17)
			v, _ := strconv.ParseInt(f[i], 10, 64)
			ticks += v
		}
		return time.Duration(ticks) * 10 * time.Millisecond // USER_HZ 100
	}
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
