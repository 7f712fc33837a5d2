package synth

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func testCorpus(t testing.TB) *Corpus {
	t.Helper()
	m, err := LoadMaterial(os.DirFS("../sample"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCorpus(m, CorpusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCorpus(t *testing.T) {
	c := testCorpus(t)
	if got := len(c.Langs()); got != 10 {
		t.Errorf("%d languages %v, want the sample's 10", got, c.Langs())
	}
	const n = 2000
	formats := map[string]int{}
	langs := map[string]int{}
	bodies := map[string]int{}
	size := 0
	var first []string
	for d, err := range c.Source(n, 1).Documents(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		formats[d.Format]++
		if d.Lang != "" {
			langs[d.Lang]++
		}
		bodies[string(d.Body)]++
		size += len(d.Body)
		if len(first) < 5 {
			first = append(first, string(d.Body))
		}
		if os.Getenv("DYAD_SYNTH_SHOW") != "" && len(first) <= 5 {
			t.Logf("%s %s %s\n%s", d.URI, d.Format, d.Published, d.Body)
		}
	}
	for _, f := range []string{"text", "html", "markdown"} {
		if formats[f] < n/20 {
			t.Errorf("%d %s documents of %d", formats[f], f, n)
		}
	}
	if avg := size / n; avg < 2000 || avg > 12000 {
		t.Errorf("average document %d bytes", avg)
	}
	// The same seed gives the same documents.
	i := 0
	for d := range c.Source(5, 1).Documents(context.Background()) {
		if !bytes.Equal(d.Body, []byte(first[i])) {
			t.Fatalf("document %d differs on a second run", i)
		}
		i++
	}
	if strings.Contains(first[0], "{") && strings.Contains(first[0], "}") && !strings.Contains(first[0], "<") {
		t.Logf("braces in text: %.200s", first[0])
	}
}

// The shares the corpus promises: reprints, stories told in several articles, languages.
func TestCorpusShares(t *testing.T) {
	c := testCorpus(t)
	g := c.generator(7)
	const n = 20000
	tellings := map[int]int{}
	langs := map[string]bool{}
	reprints := 0
	for range n {
		d := g.next()
		if g.last.story == 0 {
			reprints++
		} else {
			tellings[g.last.story]++
		}
		if len(d.Body) == 0 {
			t.Fatalf("%s: empty", d.URI)
		}
		langs[g.last.lang] = true
	}
	multi := 0
	for _, k := range tellings {
		if k > 1 {
			multi++
		}
	}
	t.Logf("%d stories, %d told several times, %d reprints", len(tellings), multi, reprints)
	if share := float64(reprints) / n; share < 0.04 || share > 0.06 {
		t.Errorf("reprints %.3f of articles, want 0.05", share)
	}
	if share := float64(multi) / float64(len(tellings)); share < 0.25 || share > 0.35 {
		t.Errorf("%.3f of stories told by several articles, want 0.3", share)
	}
	if len(langs) != 10 {
		t.Errorf("%d languages", len(langs))
	}
}

func TestLoadMaterialEmpty(t *testing.T) {
	if _, err := LoadMaterial(os.DirFS(t.TempDir())); err == nil {
		t.Error("no error for a folder without articles")
	}
}
