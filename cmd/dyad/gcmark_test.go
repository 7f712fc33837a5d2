package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/pipeline"
)

// BenchmarkLiveHeapMark measures what one collection costs with every pack loaded (each language's
// patterns read in by coding the corpus's first articles): a forced collection per op, so its time is the
// marking of what lives as long as the process, which each of the pipeline's cycles pays again (dyad
// bench's collector line counts them). DYAD_MARK_DROP names parts to let go of before measuring
// (a comma-separated list of extract, dict, coder, geo; the dictionary and the gazetteer are reachable from
// the coder, and the gazetteer from the dictionary), to see what each part's tables cost the collector.
func BenchmarkLiveHeapMark(b *testing.B) {
	c, err := (&env{}).components()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(b, c, 300)
	st := c.stages()
	for _, a := range arts {
		st.Code(a, st.Annotate(a))
	}
	arts, st = nil, pipeline.Stages{}
	for _, part := range strings.Split(os.Getenv("DYAD_MARK_DROP"), ",") {
		switch part {
		case "extract":
			c.extractor = nil
		case "dict":
			c.dict = nil
		case "coder":
			c.coder = nil
		case "geo":
			c.geo = nil
		}
	}
	runtime.GC()
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	b.ResetTimer()
	cpu0, _ := rusage()
	for b.Loop() {
		runtime.GC()
	}
	cpu1, _ := rusage()
	b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/collection") // the process's CPU: not stretched by the machine's other load
	b.ReportMetric(float64(s[0].Value.Uint64())/1e6, "live-MB")
	runtime.KeepAlive(c)
}
