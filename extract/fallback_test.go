package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/synth"
)

func TestTextBound(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"   \n\t", 0},
		{"a", 2},
		{" two  words ", 10},
		{"déjà vu", 8},
		{"越南\u00a0中国", 6}, // a no-break space separates words, as in strings.Fields
	} {
		if got := textBound(c.s); got != c.want {
			t.Errorf("textBound(%q) = %d, want %d", c.s, got, c.want)
		}
		// never below the length of the text's words joined by single spaces, go-trafilatura's trim
		if got, joined := textBound(c.s), utf8.RuneCountInString(strings.Join(strings.Fields(c.s), " ")); got < joined {
			t.Errorf("textBound(%q) = %d, below %d", c.s, got, joined)
		}
	}
}

func TestPageText(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<html><head><title>T t</title></head><body><nav>Home</nav>` +
		`<p>One <b>two</b></p><div>three</div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	maxText, paraText := pageText(root)
	// words: T, t, Home, One, two, three; non-space: 1+1+4+3+3+5
	if maxText != 6+17 || paraText != 2+6 {
		t.Errorf("pageText = %d, %d; want 23, 8", maxText, paraText)
	}
}

// TestTrafilaturaMainSame checks that trafilaturaMain gives what go-trafilatura's ExtractDocument gives
// (text, tree and metadata) on the HTML pages among dyad bench's first 600 documents and, when
// $DYAD_HTML_PAGES names a folder, on its UTF-8 pages (go-trafilatura's comparison pages: see
// TestPagesScore).
func TestTrafilaturaMainSame(t *testing.T) {
	m, err := synth.LoadMaterial(os.DirFS("../sample"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := synth.NewCorpus(m, synth.CorpusOptions{Packs: packs.Default()})
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		name string
		url  string
		body []byte
	}
	var pages []page
	for d, err := range c.Source(600, 1).Documents(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if d.Format == "html" {
			pages = append(pages, page{d.URI, d.URL, d.Body})
		}
	}
	if dir := os.Getenv("DYAD_HTML_PAGES"); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil && utf8.Valid(b) {
				pages = append(pages, page{f, "", b})
			}
		}
	}
	for _, p := range pages {
		opts := trafilaturaOptions(p.url)
		want, werr := extractDocument(p.body, opts)
		got, gerr := extractDocument(p.body, opts, trafilaturaMain)
		if (werr == nil) != (gerr == nil) {
			t.Errorf("%s: error %v, want %v", p.name, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		if got.ContentText != want.ContentText || nodeText(got.ContentNode) != nodeText(want.ContentNode) {
			t.Errorf("%s: text differs", p.name)
		}
		if got.Metadata.Title != want.Metadata.Title || !got.Metadata.Date.Equal(want.Metadata.Date) ||
			got.Metadata.Sitename != want.Metadata.Sitename || got.Metadata.URL != want.Metadata.URL {
			t.Errorf("%s: metadata differs", p.name)
		}
	}
	t.Logf("%d pages", len(pages))
}

// extractDocument parses body and extracts it with go-trafilatura, or with main when given.
func extractDocument(body []byte, opts trafilatura.Options,
	main ...func(*html.Node, []byte, trafilatura.Options) (*trafilatura.ExtractResult, error)) (*trafilatura.ExtractResult, error) {
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if len(main) > 0 {
		return main[0](root, body, opts)
	}
	return trafilatura.ExtractDocument(root, opts)
}
