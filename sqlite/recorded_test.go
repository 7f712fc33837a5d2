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
// difference is what grows with the store.
func BenchmarkSaveRecorded(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_RECORDS")
	if path == "" {
		b.Skip("DYAD_BENCH_RECORDS not set")
	}
	batches, err := storetest.RecordedBatches(path)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, batch := range batches {
		n += len(batch)
	}
	ctx := context.Background()
	var cpu, cpuFirst, cpuLast time.Duration
	var nFirst, nLast int
	var written int64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		w0 := writtenBytes()
		c0 := cpuTime()
		b.StartTimer()
		done := 0
		for _, batch := range batches {
			c := cpuTime()
			if _, err := db.SaveBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			// The first and the last quarter of the articles: what grows with the store shows between them.
			switch {
			case done < n/4:
				cpuFirst += cpuTime() - c
				nFirst += len(batch)
			case done >= n-n/4:
				cpuLast += cpuTime() - c
				nLast += len(batch)
			}
			done += len(batch)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		written += writtenBytes() - w0
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(n*b.N), "CPU-s/1k")
	b.ReportMetric(cpuFirst.Seconds()*1000/float64(max(nFirst, 1)), "CPU-s/1k-first-quarter")
	b.ReportMetric(cpuLast.Seconds()*1000/float64(max(nLast, 1)), "CPU-s/1k-last-quarter")
	b.ReportMetric(float64(written)/float64(n*b.N)/1e3, "kB-written/article")
	b.ReportMetric(float64(n), "articles")
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
