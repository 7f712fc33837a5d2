package coder

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// BenchmarkCode measures sentence splitting and coding (mentions given) on the seed articles, with every
// language's packs loaded.
func BenchmarkCode(b *testing.B) {
	c := newTestCoder(b)
	for _, lg := range c.langs {
		lg.ensure() // the third-party verbs are parsed on first use: not part of coding
	}
	actors := loadTestActors(b)
	var arts []*dyad.Article
	var ments [][]dyad.ActorMention
	var size int64
	for _, s := range seedExpect {
		a := loadSeedB(b, s.prefix)
		if a == nil {
			b.Skip("seeds not available")
		}
		a.Lang = s.lang
		arts = append(arts, a)
		ments = append(ments, handMentions(actors, a.Text))
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		for i, a := range arts {
			c.Code(a, ments[i])
		}
		n++
	}
	reportCPU(b, cpu, size*int64(n))
}

// cpuTime is the process's user and system CPU time: the machine may be shared, so throughput per core is
// reported per CPU second as well as per wall second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, bytes int64) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(bytes)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkCodeLong codes one long English article, dense with actors and events.
func BenchmarkCodeLong(b *testing.B) {
	c := newTestCoder(b)
	c.langs["en"].ensure()
	actors := loadTestActors(b)
	var sb strings.Builder
	for i := 0; i < 200; i++ {
		sb.WriteString("Wang Yi met with Le Hoai Trung in Hanoi and the two sides discussed trade. ")
		sb.WriteString("Vietnam and China agreed to deepen cooperation, Wang said, adding that relations were strong.\n")
		sb.WriteString("The weather was mild and markets were calm as traders waited for new figures from the central bank.\n")
	}
	a := &dyad.Article{ID: "b", Lang: "en", Text: sb.String(), Published: "2025-03-10"}
	ms := handMentions(actors, a.Text)
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		c.Code(a, ms)
		n++
	}
	reportCPU(b, cpu, int64(len(a.Text))*int64(n))
}

func loadSeedB(b *testing.B, prefix string) *dyad.Article {
	a, err := readSeed(prefix)
	if err != nil {
		return nil
	}
	return a
}

// BenchmarkLoad measures loading every language's coder data, the third-party layer included (its CPU
// time per load is the figure to read on a shared machine).
func BenchmarkLoad(b *testing.B) {
	cb := cameo.MustDefault()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		c, err := New(packs.Embedded(true), cb)
		if err != nil {
			b.Fatal(err)
		}
		for _, lg := range c.langs {
			lg.ensure() // everything, the third-party verbs included
		}
		n++
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(n), "cpu-s/op")
}

// BenchmarkHeldHeap measures what a coder with every language's patterns parsed holds on the heap after a
// collection (the bytes and objects every GC cycle marks for the life of the process), and the time one
// forced collection takes with it live.
func BenchmarkHeldHeap(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := newTestCoder(b)
	for _, lg := range c.langs {
		lg.ensure()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	for b.Loop() {
		runtime.GC()
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(after.HeapObjects-before.HeapObjects), "objects")
	runtime.KeepAlive(c)
}
