package actor

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// syntheticDir writes a user dictionary of n synthetic people with two names each.
func syntheticDir(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	var sb strings.Builder
	syl := []string{"an", "bo", "chi", "dan", "el", "fu", "gao", "hin", "ik", "jo", "ka", "lu", "min", "no", "pa", "qi", "ro", "su", "ta", "vu"}
	word := func(k int) string {
		w := ""
		for range 3 {
			w += syl[k%len(syl)]
			k /= len(syl)
		}
		return strings.ToUpper(w[:1]) + w[1:]
	}
	for i := range n {
		fmt.Fprintf(&sb, "syn-%d | person | VNM | GOV | | %s %s %s | %s %s\n", i, word(i), word(i/7+13), word(i*31+5), word(i*17+3), word(i))
	}
	if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "actors", "synthetic"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad100k compiles our dictionary plus 40,000 synthetic people (two names each): over 100,000
// names in the matcher. It reports the heap the dictionary holds after a GC.
func BenchmarkLoad100k(b *testing.B) {
	dir := syntheticDir(b, 40000)
	set, err := packs.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	var d *Dictionary
	var before, after runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		d = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err = Load(set)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(d.Len()), "names")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "heap-bytes")
	runtime.KeepAlive(d)
}

// newsText is our own news-like English text, repeated to about 1 MB.
func newsText() string {
	para := "HANOI, March 3 (Agency) -- Vietnamese Prime Minister Pham Minh Chinh met visiting Chinese Foreign Minister " +
		"Wang Yi on Monday, and the two sides agreed to expand trade, rail links and cooperation at sea. Wang said Beijing " +
		"valued its ties with Hanoi. Chinh welcomed the visit and called on both countries to settle disputes peacefully, " +
		"in line with international law. The United Nations and ASEAN welcomed the talks, while the US State Department " +
		"said it was watching closely. Officials of the two Communist Parties will meet again in May, a ministry spokesperson said.\n\n"
	return strings.Repeat(para, 1<<20/len(para))
}

func BenchmarkRecognize(b *testing.B) {
	d := testDict(b)
	a := &dyad.Article{Text: newsText(), Lang: "en", Published: "2024-03-03"}
	b.SetBytes(int64(len(a.Text)))
	b.ResetTimer()
	for b.Loop() {
		d.Recognize(a)
	}
}

func BenchmarkRecognizeFrench(b *testing.B) {
	d := testDict(b)
	para := "Le ministre chinois des Affaires étrangères Wang Yi a reçu l'ambassadeur du Vietnam en Chine, Phạm Thanh Bình. " +
		"Les deux parties ont salué les relations entre le Parti communiste chinois et le Parti communiste vietnamien.\n\n"
	a := &dyad.Article{Text: strings.Repeat(para, 1<<20/len(para)), Lang: "fr", Published: "2025-03-03"}
	b.SetBytes(int64(len(a.Text)))
	b.ResetTimer()
	for b.Loop() {
		d.Recognize(a)
	}
}

// BenchmarkLoadThirdParty compiles the shipped dictionary with the third-party layer on (every imported
// name) and reports the names in the matcher and the heap the dictionary holds after a GC.
func BenchmarkLoadThirdParty(b *testing.B) {
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("thirdparty=%v", on), func(b *testing.B) {
			set := packs.Embedded(on)
			var d *Dictionary
			var err error
			var before, after runtime.MemStats
			var cpu time.Duration
			for b.Loop() {
				d = nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				c0 := cpuTime()
				if d, err = Load(set); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - c0
				runtime.GC()
				runtime.ReadMemStats(&after)
			}
			// CPU seconds of the process per load: the wall time of a shared machine says little
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(d.Len()), "names")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "heap-bytes")
			runtime.KeepAlive(d)
		})
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
