package main

import (
	"runtime"
	"strings"
	"testing"
)

var gcSink [][]byte

// TestGCStats: what is allocated between two readings, and a collection forced between them, show in their
// difference, and the line tells them per 1,000 articles.
func TestGCStats(t *testing.T) {
	before := readGCStats()
	for range 100 {
		gcSink = append(gcSink, make([]byte, 100<<10))
	}
	runtime.GC()
	d := readGCStats().since(before)
	gcSink = nil
	if d.allocated < 100*100<<10 {
		t.Errorf("allocated %d bytes, want at least %d", d.allocated, 100*100<<10)
	}
	if d.cycles < 1 {
		t.Errorf("cycles %d, want at least 1 (runtime.GC ran)", d.cycles)
	}
	line := gcStats{cycles: 3, allocated: 2500e6}.line(2000)
	if want := "collector: 3 cycles, 2500 MB allocated (1250 MB per 1,000 articles)"; line != want {
		t.Errorf("line = %q, want %q", line, want)
	}
	if !strings.HasPrefix(gcStats{}.line(0), "collector: 0 cycles") {
		t.Errorf("no articles: %q", gcStats{}.line(0))
	}
}
