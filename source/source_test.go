package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/dyad-events/dyad"
)

type result struct {
	docs []*dyad.Document
	errs []error
}

func collect(t *testing.T, paths []string, in string) result {
	t.Helper()
	var r result
	for d, err := range Open(paths, strings.NewReader(in)).Documents(context.Background()) {
		if err != nil {
			var ie *dyad.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			r.errs = append(r.errs, err)
			continue
		}
		if !strings.Contains(string(d.Body), " ") {
			t.Errorf("%s: body %q looks wrong", d.URI, d.Body)
		}
		r.docs = append(r.docs, d)
	}
	return r
}

func uris(docs []*dyad.Document) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.URI+":"+d.Format)
	}
	return strings.Join(s, " ")
}

func TestOpenFolderRecursive(t *testing.T) {
	r := collect(t, []string{"testdata/tree"}, "")
	want := "testdata/tree/note.txt:text testdata/tree/sub/brief.md:markdown testdata/tree/sub/page.html:html"
	if got := uris(r.docs); got != want {
		t.Fatalf("got %s; want %s", got, want)
	}
	// The hidden folder is passed over as a whole, and counted as skipped.
	if len(r.errs) != 1 || !errors.Is(r.errs[0], dyad.ErrSkipped) || !strings.Contains(r.errs[0].Error(), "tree/.hidden: skipped: hidden folder") {
		t.Fatalf("errors %v, want one skip of the hidden folder", r.errs)
	}
}

func TestOpenGlobAndStdin(t *testing.T) {
	r := collect(t, []string{"testdata/tree/sub/*.md", "-"}, "A plain text from standard input, about a summit.")
	if got, want := uris(r.docs), "testdata/tree/sub/brief.md:markdown stdin:text"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	r = collect(t, []string{"testdata/nothing-*.txt"}, "")
	if len(r.errs) != 1 || !errors.Is(r.errs[0], ErrNoMatch) {
		t.Fatalf("glob without match: %v", r.errs)
	}
}

func TestJSONL(t *testing.T) {
	r := collect(t, []string{"testdata/records.jsonl"}, "")
	if got, want := uris(r.docs), "testdata/records.jsonl#1:text testdata/records.jsonl#3:html"; got != want {
		t.Fatalf("docs %s, want %s", got, want)
	}
	d := r.docs[0]
	if d.URL != "https://example.org/a" || d.Title != "Japan and Korea resume talks" || d.Published != "2024-03-01" ||
		d.Source != "Example Wire" || d.Lang != "en" {
		t.Errorf("fields not read: %+v", d)
	}
	if r.docs[1].Published != "3 mars 2024" {
		t.Errorf("published not read: %q", r.docs[1].Published)
	}
	wantErrs := []string{"records.jsonl#2: malformed JSON", "records.jsonl#4: record has neither",
		"records.jsonl#5: not a JSON object", `records.jsonl#6: field "text" must be a string`}
	if len(r.errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %d", r.errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.Contains(r.errs[i].Error(), w) {
			t.Errorf("error %d = %v, want it to contain %q", i, r.errs[i], w)
		}
	}
}

func TestJSONArrayAndObject(t *testing.T) {
	r := collect(t, []string{"testdata/array.json", "testdata/object.json"}, "")
	if got, want := uris(r.docs), "testdata/array.json#1:text testdata/array.json#2:text testdata/object.json:text"; got != want || len(r.errs) > 0 {
		t.Fatalf("got %s, errors %v; want %s", got, r.errs, want)
	}
	if r.docs[2].Published != "2024-06-05T08:00:00Z" || r.docs[2].Lang != "en" {
		t.Errorf("object fields: %+v", r.docs[2])
	}
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // a sparse 50 MB file: must be refused before reading
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path string
		want       error
		reason     string
	}{
		{"empty", write(t, dir, "empty.txt", []byte(" \n\t\n")), ErrEmpty, "empty file"},
		{"binary", write(t, dir, "img.txt", []byte("GIF89a\x00\x01\x02 some bytes")), ErrBinary, "binary"},
		{"invalid utf-8", write(t, dir, "bad.txt", []byte("Good start \xe2\x82 then \xff\xfe\xfd broken bytes \x80\x80")), ErrInvalidUTF8, "offset"},
		{"50 MB file", big, ErrTooLarge, "52428800 bytes"},
		{"missing path", filepath.Join(dir, "nope.txt"), os.ErrNotExist, "no such file"},
		{"glob without a match", filepath.Join(dir, "x*.none"), ErrNoMatch, "no file matches"},
		{"unreadable path", filepath.Join(dir, "empty.txt", "child.txt"), syscall.ENOTDIR, "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(t, []string{tt.path}, "")
			if len(r.docs) != 0 || len(r.errs) != 1 {
				t.Fatalf("docs %d errors %v, want one error", len(r.docs), r.errs)
			}
			err := r.errs[0]
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.reason) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("error %q, want %v naming %s and %q", err, tt.want, tt.path, tt.reason)
			}
		})
	}
}

func TestBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("First good article about a treaty."))
	write(t, dir, "b.txt", nil)
	write(t, dir, "c.txt", []byte{0, 1, 2, 3})
	write(t, dir, "d.txt", []byte("Second good article about a visit."))
	r := collect(t, []string{dir, filepath.Join(dir, "missing.txt")}, "")
	if len(r.docs) != 2 || len(r.errs) != 3 {
		t.Fatalf("docs %s errors %v; want 2 docs and 3 errors", uris(r.docs), r.errs)
	}
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", []byte("Some text about a meeting."))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	r := collect(t, []string{p}, "")
	if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), "permission denied") {
		t.Fatalf("errors %v", r.errs)
	}
}

func TestLatin1AndCharset(t *testing.T) {
	dir := t.TempDir()
	// "Le président a visité l'école" in Latin-1.
	p := write(t, dir, "latin1.txt", []byte("Le pr\xe9sident a visit\xe9 l'\xe9cole de la r\xe9gion."))
	r := collect(t, []string{p}, "")
	if len(r.docs) != 1 || string(r.docs[0].Body) != "Le président a visité l'école de la région." {
		t.Fatalf("latin-1: docs %v errors %v", r.docs, r.errs)
	}
	h := write(t, dir, "page.html", []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Caf`+"\xe9"+` au lait.</p></body></html>`))
	r = collect(t, []string{h}, "")
	if len(r.docs) != 1 || !strings.Contains(string(r.docs[0].Body), "Café au lait") {
		t.Fatalf("charset: docs %v errors %v", r.docs, r.errs)
	}
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var last error
	for _, err := range Open([]string{"testdata/tree"}, nil).Documents(ctx) {
		last = err
	}
	if !errors.Is(last, context.Canceled) {
		t.Fatalf("last error %v, want context.Canceled", last)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"a.txt", `{"text":"x y"}`, "jsonl"},
		{"a.txt", "<!DOCTYPE html><p>x</p>", "html"},
		{"a.txt", "# Heading\n\nbody", "markdown"},
		{"a.md", "plain body", "markdown"},
		{"a.html", "just words", "html"},
		{"a.txt", "{not json at all", "text"},
		{"noext", "words", "text"},
	}
	for _, tt := range tests {
		f, err := Sniff(tt.name, []byte(tt.body))
		if err != nil || f.Name != tt.want {
			t.Errorf("Sniff(%q, %q) = %v, %v; want %s", tt.name, tt.body, f, err, tt.want)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	for _, p := range []string{"testdata/records.jsonl", "testdata/array.json", "testdata/object.json"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`[{"text":"a"},{"text":`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for d, err := range parseJSON("fuzz", b) {
			if (d == nil) == (err == nil) {
				t.Fatalf("want exactly one of document and error: %v %v", d, err)
			}
			if d != nil && len(strings.TrimSpace(string(d.Body))) == 0 {
				t.Fatalf("empty body yielded")
			}
		}
	})
}

func TestDocumentsInMemory(t *testing.T) {
	docs := []dyad.Document{
		{URI: "upload#1", Body: []byte("A good text about a visit.")},
		{Body: []byte("  ")},
		{URI: "upload#3", Body: []byte("bad \xff bytes")},
		{URI: "upload#4", Format: "html", Body: []byte("<p>Fine page.</p>")},
	}
	var got []string
	for d, err := range Documents(docs).Documents(context.Background()) {
		if err != nil {
			got = append(got, "error "+err.Error())
			continue
		}
		got = append(got, d.URI)
	}
	want := "upload#1|error memory#2: empty file|error upload#3: invalid UTF-8 and no safe charset found (first bad byte 0xFF at offset 4)|upload#4"
	if strings.Join(got, "|") != want {
		t.Fatalf("got %q\nwant %q", strings.Join(got, "|"), want)
	}
}

func TestSymlinkAndUTF16(t *testing.T) {
	dir := t.TempDir()
	outside := write(t, t.TempDir(), "real.txt", []byte("A linked article about a summit in Lima."))
	if err := os.Symlink(outside, filepath.Join(dir, "out.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	inside := write(t, dir, "a.txt", []byte("An article about a summit in Quito."))
	must(t, os.Symlink(inside, filepath.Join(dir, "b-link.txt")))
	must(t, os.Symlink(dir, filepath.Join(dir, "folder")))
	must(t, os.Symlink(filepath.Join(dir, "loop2"), filepath.Join(dir, "loop1")))
	must(t, os.Symlink(filepath.Join(dir, "loop1"), filepath.Join(dir, "loop2")))
	must(t, os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "broken")))
	// "Hé" in UTF-16 little endian with a BOM.
	write(t, dir, "utf16.txt", []byte{0xFF, 0xFE, 'H', 0, 0xE9, 0, ' ', 0, 'o', 0, 'k', 0})
	r := collect(t, []string{dir}, "")
	if got := uris(r.docs); got != dir+"/a.txt:text "+dir+"/b-link.txt:text "+dir+"/utf16.txt:text" {
		t.Errorf("docs %s", got)
	}
	if string(r.docs[2].Body) != "Hé ok" {
		t.Errorf("utf-16 body %q", r.docs[2].Body)
	}
	reasons := map[string]string{}
	for _, err := range r.errs {
		var ie *dyad.InputError
		errors.As(err, &ie)
		reasons[filepath.Base(ie.URI)] = err.Error()
		if errors.Is(err, dyad.ErrSkipped) != (filepath.Base(ie.URI) == "folder") {
			t.Errorf("%v: skipped %v", err, errors.Is(err, dyad.ErrSkipped))
		}
	}
	for name, want := range map[string]string{"out.txt": "out of the folder", "folder": "link to a folder",
		"loop1": "loop", "loop2": "loop", "broken": "broken symbolic link"} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("%s: %q, want it to say %q", name, reasons[name], want)
		}
	}
	if len(r.errs) != 5 {
		t.Errorf("%d errors: %v", len(r.errs), r.errs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzSniff feeds any bytes through sniffing and the chosen format: documents come out as valid UTF-8, or
// an error comes out.
func FuzzSniff(f *testing.F) {
	f.Add("a.txt", []byte("Le pr\xe9sident"))
	f.Add("a.html", []byte(`<html><meta charset="windows-1252"><p>caf`+"\xe9</p>"))
	f.Add("a.md", []byte("# Title\n\nBody"))
	f.Add("a.json", []byte(`[{"text":"x"}]`))
	f.Add("a.txt", []byte{0xFF, 0xFE, 'H', 0})
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		ok := emit("fuzz", name, b, func(d *dyad.Document, err error) bool {
			if d != nil && !utf8.Valid(d.Body) {
				t.Fatalf("invalid UTF-8 body from %q", b)
			}
			return true
		})
		if !ok {
			t.Fatal("emit stopped by itself")
		}
	})
}

// Legacy-encoded news with no charset declared, which the safe Latin-1 rule alone refused: French in
// Latin-1 with "à" and "où" standing alone, English and French in Windows-1252 with € and em dashes.
func TestLegacyCharsetDetected(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"fr-latin1.txt": "Le président est arrivé à Hanoï, où il a été reçu à l'aéroport par le ministre. Il a déclaré à la presse qu'il était « très heureux » d'être là.",
		"en-1252.txt":   "The minister pledged €5 million — a record — to the fund. “We will not wait,” she said on Monday.",
		"fr-1252.txt":   "Le ministre — arrivé hier à Paris — a annoncé une aide de 50 millions d'€ à l'Ukraine.",
	}
	var paths []string
	for name, text := range texts {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if utf8.Valid(b) {
			t.Fatalf("%s: the legacy bytes are valid UTF-8", name)
		}
		paths = append(paths, write(t, dir, name, b))
	}
	r := collect(t, paths, "")
	if len(r.errs) != 0 || len(r.docs) != len(texts) {
		t.Fatalf("docs %s, errors %v", uris(r.docs), r.errs)
	}
	for _, d := range r.docs {
		if got, want := string(d.Body), texts[filepath.Base(d.URI)]; got != want {
			t.Errorf("%s: %q, want %q", d.URI, got, want)
		}
	}
	// Broken UTF-8 leaves runs of high bytes, which no detector guess turns into text.
	bad := write(t, dir, "bad.txt", []byte("Short \303\050 text \240\241 with broken \370\210 sequences everywhere \300\200\n"))
	if r := collect(t, []string{bad}, ""); len(r.docs) != 0 || len(r.errs) != 1 || !errors.Is(r.errs[0], ErrInvalidUTF8) {
		t.Errorf("broken UTF-8: docs %s, errors %v", uris(r.docs), r.errs)
	}
}
