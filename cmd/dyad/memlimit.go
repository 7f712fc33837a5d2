package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
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
// soft: past it the collector runs more often (at most half the CPU, the runtime's own bound). So that a run
// that keeps more live (many workers, large documents) does not collect all the time, the limit is raised
// whenever the live heap comes within half the headroom of it (raisedLimit, every few seconds).
func limitMemory() {
	limitOnce.Do(func() {
		if _, set := os.LookupEnv("GOMEMLIMIT"); set {
			return
		}
		runtime.GC()
		live, ok := liveHeap()
		if !ok {
			return
		}
		limit := live + heapHeadroom
		debug.SetMemoryLimit(limit)
		go func() {
			for range time.Tick(5 * time.Second) {
				if live, ok := liveHeap(); ok {
					if l := raisedLimit(live, limit); l != limit {
						limit = l
						debug.SetMemoryLimit(limit)
					}
				}
			}
		}()
	})
}

// raisedLimit is the memory limit for a live heap of live bytes under the limit now: the same, or live plus
// heapHeadroom once live is within half the headroom of it. The limit never falls.
func raisedLimit(live, limit int64) int64 {
	if live > limit-heapHeadroom/2 {
		return live + heapHeadroom
	}
	return limit
}

// liveHeap is the heap the last collection found live.
func liveHeap() (int64, bool) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0, false
	}
	return int64(s[0].Value.Uint64()), true
}
