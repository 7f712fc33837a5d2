package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapHeadroom is how far the Go runtime's memory may grow beyond the heap live when the pipeline starts
// before the collector runs more often than GOGC says. By GOGC alone the heap grew to twice what is live
// (the language data, about 300 MB once every language's patterns are loaded, then the records in flight),
// 600–700 MB of the 800–950 MB the process held at 10,000–30,000 articles. With the live heap at start
// (about 155 MB, before most languages' data loads) plus this, 5,000 articles peaked 50 MB lower for 7%
// of the CPU in collection where it was 6% (docs/benchmarks.md); a tighter bound (320 MB) cost 12%.
const heapHeadroom = 448 << 20

var limitOnce sync.Once

// limitMemory sets the Go runtime's soft memory limit (debug.SetMemoryLimit), once, for the commands that run
// the pipeline, to the heap live now plus heapHeadroom. A GOMEMLIMIT the user set is left alone. The limit is
// soft: past it the collector runs more often (at most half the CPU, the runtime's own bound), and the heap
// still grows when that much is live.
func limitMemory() {
	limitOnce.Do(func() {
		if _, set := os.LookupEnv("GOMEMLIMIT"); set {
			return
		}
		runtime.GC()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		debug.SetMemoryLimit(int64(s[0].Value.Uint64()) + heapHeadroom)
	})
}
