package extract

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/dyad-events/dyad"
)

// pageNote is go-trafilatura's annotation of one of its comparison pages: strings the main text must and
// must not hold.
type pageNote struct {
	file          string
	with, without []string
}

// pageNotes reads the annotations of go-trafilatura's comparison pages from the Go source that holds them
// (scripts/comparison/data.go in its module folder), so that no copy of them lives in this repository.
func pageNotes(path string) ([]pageNote, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	strs := func(e ast.Expr) []string {
		var out []string
		if c, ok := e.(*ast.CompositeLit); ok {
			for _, v := range c.Elts {
				if l, ok := v.(*ast.BasicLit); ok && l.Kind == token.STRING {
					if s, err := strconv.Unquote(l.Value); err == nil {
						out = append(out, s)
					}
				}
			}
		}
		return out
	}
	var notes []pageNote
	ast.Inspect(f, func(n ast.Node) bool {
		entry, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var note pageNote
		for _, e := range entry.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch k, _ := kv.Key.(*ast.Ident); {
			case k == nil:
			case k.Name == "File":
				if l, ok := kv.Value.(*ast.BasicLit); ok {
					note.file, _ = strconv.Unquote(l.Value)
				}
			case k.Name == "With":
				note.with = strs(kv.Value)
			case k.Name == "Without":
				note.without = strs(kv.Value)
			}
		}
		if note.file != "" {
			notes = append(notes, note)
			return false
		}
		return true
	})
	return notes, nil
}

// pagesFloorF is the lowest F1 TestPagesScore accepts: go-trafilatura v1.12.2 with our options and our
// cleaning scored .909 on its 856 annotated UTF-8 pages (2026-12-06).
const pagesFloorF = 0.90

// TestPagesScore scores Extract (title and text) against go-trafilatura's own annotations of its 1,000
// comparison pages: the folder $DYAD_HTML_PAGES names (test-files/comparison in its module folder:
// `go list -m -f '{{.Dir}}' github.com/markusmobius/go-trafilatura`), the annotations from
// $DYAD_HTML_NOTES, by default scripts/comparison/data.go two folders above it. A string of "with" found is
// a true positive, one not found a false negative; one of "without" found a false positive. Pages that are
// not UTF-8 are left out (the source package decodes them before extraction). Skipped when unset. It logs
// precision, recall, F1 and pages per CPU-second, and fails below pagesFloorF: any change to HTML
// extraction is scored here.
func TestPagesScore(t *testing.T) {
	dir := os.Getenv("DYAD_HTML_PAGES")
	if dir == "" {
		t.Skip("DYAD_HTML_PAGES names no folder of annotated pages")
	}
	notesPath := os.Getenv("DYAD_HTML_NOTES")
	if notesPath == "" {
		notesPath = filepath.Join(dir, "..", "..", "scripts", "comparison", "data.go")
	}
	notes, err := pageNotes(notesPath)
	if err != nil || len(notes) == 0 {
		t.Fatalf("no annotations in %s (%v)", notesPath, err)
	}
	x := extractor(t)
	var tp, fn, fp, pages int
	var cpu time.Duration
	for _, n := range notes {
		body, err := os.ReadFile(filepath.Join(dir, n.file))
		if err != nil || !utf8.Valid(body) {
			continue
		}
		pages++
		c0 := cpuTime()
		a, err := x.Extract(&dyad.Document{URI: n.file, Format: "html", Body: body})
		cpu += cpuTime() - c0
		got := ""
		if err == nil {
			got = a.Title + "\n" + a.Text
		}
		for _, s := range n.with {
			if got != "" && strings.Contains(got, s) {
				tp++
			} else {
				fn++
			}
		}
		for _, s := range n.without {
			if got != "" && strings.Contains(got, s) {
				fp++
			}
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	f := 2 * p * r / (p + r)
	t.Logf("%d pages: tp %d, fn %d, fp %d; P %.3f R %.3f F %.3f; %.1f pages per CPU-s", pages, tp, fn, fp, p, r, f,
		float64(pages)/cpu.Seconds())
	if f < pagesFloorF {
		t.Errorf("F1 %.3f below %.2f", f, pagesFloorF)
	}
}

// BenchmarkExtractHTMLParts splits the extraction of the HTML pages among dyad bench's first 2,000
// documents (synth.Corpus, seed 1) into what each part costs, in pages per CPU-second of the thread: the
// parse alone (parse), the parse and go-trafilatura's ExtractDocument with our options (trafilatura), and
// the whole of Extract (extract). extract's rate is the ceiling no change outside go-trafilatura can pass:
// trafilatura's rate.
func BenchmarkExtractHTMLParts(b *testing.B) {
	docs := corpusDocs(b, "html")
	x := extractor(b)
	parts := []struct {
		name string
		run  func(*dyad.Document) error
	}{
		{"parse", func(d *dyad.Document) error {
			_, err := html.Parse(bytes.NewReader(d.Body))
			return err
		}},
		{"trafilatura", func(d *dyad.Document) error {
			root, err := html.Parse(bytes.NewReader(d.Body))
			if err != nil {
				return err
			}
			_, err = trafilatura.ExtractDocument(root, trafilaturaOptions(d.URL))
			return err
		}},
		{"main", func(d *dyad.Document) error {
			root, err := html.Parse(bytes.NewReader(d.Body))
			if err != nil {
				return err
			}
			_, err = trafilaturaMain(root, d.Body, trafilaturaOptions(d.URL))
			return err
		}},
		{"extract", func(d *dyad.Document) error {
			_, err := x.Extract(d)
			return err
		}},
	}
	for _, part := range parts {
		b.Run(part.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var cpu time.Duration
			n := 0
			for b.Loop() {
				t0 := threadCPU()
				for _, d := range docs {
					if err := part.run(d); err != nil {
						b.Fatal(err)
					}
				}
				cpu += threadCPU() - t0
				n += len(docs)
			}
			b.ReportMetric(float64(n)/cpu.Seconds(), "pages/cpu-s")
		})
	}
}
