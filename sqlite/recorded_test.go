//go:build unix

package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/storetest"
)

// BenchmarkSaveRecorded saves the batches of the realistic corpus as the pipeline linked them (written by
// `dyad bench --articles N --records FILE`; DYAD_BENCH_RECORDS=FILE, skipped without) into a fresh file,
// and reports the process's CPU time per 1,000 articles (getrusage: the figure the other load of a shared
// machine inflates least) and the bytes the store wrote per article (the file and its WAL, checkpoints
// included), and the CPU time per 1,000 articles of the first and the last quarter of the batches, whose
// difference is what grows with the store, and the bytes written per article in those quarters.
// DYAD_BENCH_MERGE=K saves K recorded batches in one transaction; DYAD_BENCH_DROP names indexes (separated by spaces) to drop before the saves: what each costs a save;
// DYAD_BENCH_WAL=N checkpoints after every commit once the WAL holds N bytes (walCheckpointBytes).
func BenchmarkSaveRecorded(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_RECORDS")
	if path == "" {
		b.Skip("DYAD_BENCH_RECORDS not set")
	}
	batches, err := storetest.RecordedBatches(path)
	if err != nil {
		b.Fatal(err)
	}
	if k, err := strconv.Atoi(os.Getenv("DYAD_BENCH_MERGE")); err == nil && k > 1 {
		batches = mergeBatches(batches, k)
	}
	if v, err := strconv.ParseInt(os.Getenv("DYAD_BENCH_WAL"), 10, 64); err == nil {
		defer func(old int64) { walCheckpointBytes = old }(walCheckpointBytes)
		walCheckpointBytes = v
	}
	n := 0
	for _, batch := range batches {
		n += len(batch)
	}
	ctx := context.Background()
	var cpu, cpuFirst, cpuLast time.Duration
	var nFirst, nLast int
	var written, wFirst, wLast int64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		for _, ix := range strings.Fields(os.Getenv("DYAD_BENCH_DROP")) {
			if _, err := db.writer.Exec("DROP INDEX " + ix); err != nil {
				b.Fatal(err)
			}
		}
		w0 := writtenBytes()
		c0 := cpuTime()
		b.StartTimer()
		done := 0
		for _, batch := range batches {
			c, w := cpuTime(), writtenBytes()
			if _, err := db.SaveBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			// The first and the last quarter of the articles: what grows with the store shows between them.
			switch {
			case done < n/4:
				cpuFirst += cpuTime() - c
				wFirst += writtenBytes() - w
				nFirst += len(batch)
			case done >= n-n/4:
				cpuLast += cpuTime() - c
				wLast += writtenBytes() - w
				nLast += len(batch)
			}
			done += len(batch)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		written += writtenBytes() - w0
		var pages, ps int64
		if err := db.writer.QueryRow("SELECT page_count, page_size FROM pragma_page_count, pragma_page_size").Scan(&pages, &ps); err == nil {
			b.Logf("file %d MB", pages*ps>>20)
		}
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(n*b.N), "CPU-s/1k")
	b.ReportMetric(cpuFirst.Seconds()*1000/float64(max(nFirst, 1)), "CPU-s/1k-first-quarter")
	b.ReportMetric(cpuLast.Seconds()*1000/float64(max(nLast, 1)), "CPU-s/1k-last-quarter")
	b.ReportMetric(float64(written)/float64(n*b.N)/1e3, "kB-written/article")
	b.ReportMetric(float64(wFirst)/float64(max(nFirst, 1))/1e3, "kB-written/article-first-quarter")
	b.ReportMetric(float64(wLast)/float64(max(nLast, 1))/1e3, "kB-written/article-last-quarter")
	b.ReportMetric(float64(n), "articles")
}

// mergeBatches saves k recorded batches as one transaction: what larger transactions change.
func mergeBatches[T any](batches [][]T, k int) [][]T {
	var out [][]T
	for i := 0; i < len(batches); i += k {
		var m []T
		for _, b := range batches[i:min(i+k, len(batches))] {
			m = append(m, b...)
		}
		out = append(out, m)
	}
	return out
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writtenBytes is what this process has handed to write calls (Linux's /proc/self/io; 0 elsewhere).
func writtenBytes() int64 {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "wchar: "); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}
