package source

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestWalkSkips(t *testing.T) {
	dir := t.TempDir()
	w := &warcWriter{gz: true}
	w.respRecord("https://news.example.org/1", httpResponse("HTTP/1.1 200 OK",
		[]byte("<p>Ministers met in Hanoi on Monday.</p>"), "Content-Type: text/html"))
	files := []struct {
		name string
		body []byte
		want string // "doc", "skip" or "fail"
	}{
		{"a.txt", []byte("Leaders met in Hanoi on Monday."), "doc"},
		{"notes.xyz", []byte("An unknown extension, but plain text about a visit."), "doc"},
		{"crawl.warc.gz", w.out.Bytes(), "doc"},
		{"photo.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), "skip"},
		{"scan.PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "skip"},
		{"report", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >>"), "skip"}, // by its signature
		{"dump.tar.gz", gzipped([]byte("not news")), "skip"},
		{"blob", []byte("\x00\x01\x02 raw bytes"), "skip"},
		{".env", []byte("KEY = value"), "skip"},
		{"sitemap.xml", []byte(`<?xml version="1.0"?><urlset><url><loc>https://x.org/</loc></url></urlset>`), "skip"},
		{"feed.xml", []byte(`<rss><channel><item><description>Talks resumed in Hanoi.</description></item></channel></rss>`), "doc"},
		{"broken.txt", []byte("text with a \x00 NUL byte"), "fail"}, // a text file that is broken, not of another kind
	}
	want := map[string][]string{}
	for _, f := range files {
		p := write(t, dir, f.name, f.body)
		want[f.want] = append(want[f.want], p)
	}
	got := map[string][]string{}
	for d, err := range Open([]string{dir}, nil).Documents(t.Context()) {
		var ie *dyad.InputError
		switch {
		case err == nil:
			got["doc"] = append(got["doc"], strings.SplitN(d.URI, "#", 2)[0])
		case !errors.As(err, &ie):
			t.Fatalf("error %v is not an InputError", err)
		case errors.Is(err, dyad.ErrSkipped):
			got["skip"] = append(got["skip"], ie.URI)
		default:
			got["fail"] = append(got["fail"], ie.URI)
		}
	}
	for _, k := range []string{"doc", "skip", "fail"} {
		sort.Strings(got[k])
		sort.Strings(want[k])
		if strings.Join(got[k], " ") != strings.Join(want[k], " ") {
			t.Errorf("%s:\n got %v\nwant %v", k, got[k], want[k])
		}
	}

	// Named on their own, files of other kinds fail with the reason; a glob match is skipped.
	tests := []struct {
		path, reason string
		skip         bool
	}{
		{filepath.Join(dir, "photo.jpg"), "binary file", false},
		{filepath.Join(dir, "report"), "binary file (PDF), not text", false},
		{filepath.Join(dir, "dump.tar.gz"), "binary file (gzip archive), not text", false},
		{filepath.Join(dir, ".env"), "", false},
		{filepath.Join(dir, "*.jpg"), "skipped: image file (.jpg)", true},
		{filepath.Join(dir, "rep*"), "skipped: binary file (PDF), not text", true},
	}
	for _, tt := range tests {
		r := collect(t, []string{tt.path}, "")
		if tt.reason == "" {
			if len(r.docs) != 1 {
				t.Errorf("%s: docs %v errors %v, want it read", tt.path, r.docs, r.errs)
			}
			continue
		}
		if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), tt.reason) || errors.Is(r.errs[0], dyad.ErrSkipped) != tt.skip ||
			!errors.Is(r.errs[0], ErrBinary) && !tt.skip {
			t.Errorf("%s: errors %v, want %q (skip %v)", tt.path, r.errs, tt.reason, tt.skip)
		}
	}
}
