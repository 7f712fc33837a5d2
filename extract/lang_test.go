package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type labeled struct{ lang, text string }

// langSamples returns our fixture sentences (testdata/lang/<lang>.txt), one sample a line, and the whole files,
// plus the seed articles and their long lines when present.
func langSamples(t testing.TB) (docs, lines []labeled) {
	files, _ := filepath.Glob("testdata/lang/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(filepath.Base(f), ".txt")
		docs = append(docs, labeled{lang, string(b)})
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			lines = append(lines, labeled{lang, l})
		}
	}
	seedLangs := []string{"fr", "nl", "en", "en", "en"}
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	for i, f := range seeds {
		if i >= len(seedLangs) {
			break
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, labeled{seedLangs[i], string(b)})
		for _, l := range strings.Split(string(b), "\n") {
			// Long lines only: the seeds' short lines are crawl noise in another language.
			if len(l) >= 80 && !strings.HasPrefix(l, "|") && !strings.Contains(l, "://") {
				lines = append(lines, labeled{seedLangs[i], l})
			}
		}
	}
	return docs, lines
}

func TestLanguage(t *testing.T) {
	x := extractor(t)
	docs, lines := langSamples(t)
	for _, set := range [][]labeled{docs, lines} {
		for _, s := range set {
			if got, conf := x.lang.detect(s.text); got != s.lang || conf <= 0 || conf > 1 {
				t.Errorf("detect(%.60q) = %s %.2f, want %s", s.text, got, conf, s.lang)
			}
		}
	}
}

// TestLanguageMeasure compares the stop-word vote with lingua alone (go test -run LanguageMeasure -v).
func TestLanguageMeasure(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement")
	}
	x := extractor(t)
	docs, lines := langSamples(t)
	var short []labeled // the first five words of each line: headline-sized
	for _, l := range lines {
		if f := strings.Fields(l.text); len(f) > 5 && l.lang != "zh" {
			short = append(short, labeled{l.lang, strings.Join(f[:5], " ")})
		}
	}
	sure := 0
	for _, set := range [][]labeled{docs, lines, short} {
		for _, s := range set {
			sample := s.text[:min(len(s.text), 4*langSample)]
			if c, _ := x.lang.byScript(sample); len(c) == 1 {
				sure++
			} else if _, _, ok := x.lang.stopVote(sample, c); ok {
				sure++
			}
		}
	}
	t.Logf("decided without lingua: %d/%d samples", sure, len(docs)+len(lines)+len(short))
	modes := []struct {
		name string
		f    func(string) string
	}{
		{"combined", func(s string) string { l, _ := x.lang.detect(s); return l }},
		{"stopwords", func(s string) string {
			sample := s[:min(len(s), 4*langSample)]
			if c, _ := x.lang.byScript(sample); len(c) == 1 {
				return x.lang.langs[c[0]]
			}
			l, _, _ := x.lang.stopVote(sample, nil)
			return l
		}},
		{"lingua", func(s string) string { l, _ := x.lang.ask(s[:min(len(s), 4*langSample)], nil); return l }},
	}
	for _, m := range modes {
		var out []string
		for _, set := range []struct {
			name string
			s    []labeled
		}{{"docs", docs}, {"lines", lines}, {"5 words", short}} {
			ok := 0
			start := time.Now()
			for _, s := range set.s {
				if m.f(s.text) == s.lang {
					ok++
				}
			}
			out = append(out, fmt.Sprintf("%s %d/%d (%v/sample)", set.name, ok, len(set.s), time.Since(start)/time.Duration(len(set.s))))
		}
		t.Logf("%-8s %s", m.name, strings.Join(out, ", "))
	}
}

// One Extractor serves every pipeline goroutine: the backup detector is asked from several at once (under
// -race this found shopspring/decimal's shared factorial cache, fixed by its v1.6.0).
func TestLanguageConcurrent(t *testing.T) {
	x := extractor(t)
	// Whole documents: lingua falls back to decimal arithmetic when a long text's probabilities underflow.
	docs, _ := langSamples(t)
	var short []labeled
	for _, d := range docs {
		short = append(short, labeled{d.lang, d.text[:min(len(d.text), 4*langSample)]})
	}
	// The models load on a short text (no decimal arithmetic); then in parallel, where the shared caches fill.
	x.lang.ask("une phrase courte", nil)
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = make([]string, len(short))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range short {
				got[g][i], _ = x.lang.ask(s.text, nil)
			}
		}()
	}
	wg.Wait()
	for i, s := range short {
		want, _ := x.lang.ask(s.text, nil)
		for g := range got {
			if got[g][i] != want {
				t.Errorf("ask(%q) = %s in parallel, %s alone", s.text, got[g][i], want)
			}
		}
	}
}
