package main

import (
	"fmt"
	"runtime/metrics"
)

// gcStats is what the Go runtime counts of its collector and allocator since the process started: the
// ingest's share is the difference of two readings (dyad bench's "collector" line). Both counts are the
// same on a loaded machine and an idle one, where the runtime's own estimate of the collector's CPU
// (/cpu/classes/gc) is not: it counts its workers' wall time, which the other load stretches.
type gcStats struct {
	cycles    uint64 // collections completed
	allocated uint64 // bytes allocated on the heap
}

var gcMetrics = []string{"/gc/cycles/total:gc-cycles", "/gc/heap/allocs:bytes"}

// readGCStats reads gcStats from runtime/metrics; a metric this runtime lacks reads as zero.
func readGCStats() gcStats {
	s := make([]metrics.Sample, len(gcMetrics))
	for k, name := range gcMetrics {
		s[k].Name = name
	}
	metrics.Read(s)
	u := func(k int) uint64 {
		if s[k].Value.Kind() == metrics.KindUint64 {
			return s[k].Value.Uint64()
		}
		return 0
	}
	return gcStats{cycles: u(0), allocated: u(1)}
}

// since is what the runtime counted between an earlier reading and g.
func (g gcStats) since(earlier gcStats) gcStats {
	return gcStats{cycles: g.cycles - earlier.cycles, allocated: g.allocated - earlier.allocated}
}

// line is the collector line of dyad bench for n articles.
func (g gcStats) line(n int) string {
	perK := 0.0
	if n > 0 {
		perK = float64(g.allocated) / 1e6 * 1000 / float64(n)
	}
	return fmt.Sprintf("collector: %d cycles, %.0f MB allocated (%.0f MB per 1,000 articles)", g.cycles, float64(g.allocated)/1e6, perK)
}
