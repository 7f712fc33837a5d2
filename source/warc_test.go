package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// warcWriter writes WARC records, plain or one gzip member per record, for the tests.
type warcWriter struct {
	out     bytes.Buffer
	gz      bool
	n       int
	members []int // offset of each record (each gzip member) in out
}

// record writes one record; extra holds more header fields as "Name: value".
func (w *warcWriter) record(typ, uri, ctype string, block []byte, extra ...string) {
	w.n++
	var r bytes.Buffer
	fmt.Fprintf(&r, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"+
		"WARC-Date: 2024-09-02T08:00:00Z\r\n", typ, w.n)
	if uri != "" {
		fmt.Fprintf(&r, "WARC-Target-URI: %s\r\n", uri)
	}
	if ctype != "" {
		fmt.Fprintf(&r, "Content-Type: %s\r\n", ctype)
	}
	for _, e := range extra {
		r.WriteString(e + "\r\n")
	}
	fmt.Fprintf(&r, "Content-Length: %d\r\n\r\n", len(block))
	r.Write(block)
	r.WriteString("\r\n\r\n")
	w.members = append(w.members, w.out.Len())
	if !w.gz {
		w.out.Write(r.Bytes())
		return
	}
	zw := gzip.NewWriter(&w.out)
	zw.Write(r.Bytes())
	zw.Close()
}

// httpResponse is an HTTP/1.1 response message with the given status line, header lines and body.
func httpResponse(status string, body []byte, header ...string) []byte {
	var b bytes.Buffer
	b.WriteString(status + "\r\n")
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// digest is the WARC-Payload-Digest field of a payload.
func digest(payload []byte) string {
	s := sha1.Sum(payload)
	return "WARC-Payload-Digest: sha1:" + base32.StdEncoding.EncodeToString(s[:])
}

// respRecord writes a response record whose payload digest is right.
func (w *warcWriter) respRecord(uri string, msg []byte) {
	i := bytes.Index(msg, []byte("\r\n\r\n"))
	w.record("response", uri, "application/http; msgtype=response", msg, digest(msg[i+4:]))
}

func chunk(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 40)
		fmt.Fprintf(&out, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// writeNews writes the records of the news fixture: 13 records, 6 documents.
func writeNews(w *warcWriter) {
	w.record("warcinfo", "", "application/warc-fields", []byte("software: dyad test writer\r\nformat: WARC File Format 1.1\r\n"))
	w.record("request", "https://news.example.org/asia/defence-pact", "application/http; msgtype=request",
		[]byte("GET /asia/defence-pact HTTP/1.1\r\nHost: news.example.org\r\n\r\n"))
	w.respRecord("https://news.example.org/asia/defence-pact", httpResponse("HTTP/1.1 200 OK",
		[]byte("<html><head><title>Defence pact signed</title></head><body><article><p>CANBERRA - Indonesia and "+
			"Australia signed a defence cooperation agreement in Canberra on 29 August 2024.</p></article></body></html>"),
		"Content-Type: text/html; charset=utf-8", "Content-Language: en"))
	plain := []byte("NAIROBI - A first contingent of Kenyan police officers left for Haiti in June 2024 to lead a " +
		"multinational security mission.")
	msg := httpResponse("HTTP/1.1 200 OK", chunk(gzipped(plain)), "Content-Type: text/plain",
		"Transfer-Encoding: chunked", "Content-Encoding: gzip")
	w.respRecord("https://news.example.org/africa/haiti-mission", msg)
	w.respRecord("https://news.example.org/logo.png", httpResponse("HTTP/1.1 200 OK",
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), "Content-Type: image/png"))
	w.respRecord("https://news.example.org/gone", httpResponse("HTTP/1.1 404 Not Found",
		[]byte("<html><body><p>This page does not exist any more.</p></body></html>"), "Content-Type: text/html"))
	w.record("response", "https://news.example.org/tampered", "application/http; msgtype=response",
		httpResponse("HTTP/1.1 200 OK", []byte("<p>The text of this page was changed after the crawl.</p>"),
			"Content-Type: text/html"), digest([]byte("<p>The text of the page as it was crawled.</p>")))
	res := []byte("Sweden became the 32nd member of NATO on 7 March 2024, when it deposited its accession papers in Washington.")
	w.record("resource", "https://news.example.org/europe/sweden-nato.txt", "text/plain", res, digest(res))
	w.record("conversion", "https://nouvelles.example.fr/inde-ukraine", "text/plain",
		[]byte("Le Premier ministre indien s'est rendu à Kiev le 23 août 2024, une première visite de ce type."),
		"WARC-Identified-Content-Language: fra")
	w.respRecord("https://nouvelles.example.fr/senegal", httpResponse("HTTP/1.1 200 OK",
		[]byte("<html><body><p>Le pr\xe9sident du S\xe9n\xe9gal a pr\xeat\xe9 serment \xe0 Dakar le 2 avril 2024.</p></body></html>"),
		"Content-Type: text/html; charset=ISO-8859-1"))
	w.record("metadata", "https://news.example.org/asia/defence-pact", "application/warc-fields", []byte("fetchTimeMs: 120\r\n"))
	w.record("revisit", "https://news.example.org/asia/defence-pact", "application/http; msgtype=response",
		[]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")
	// An HTTP/2 status line, and no Content-Type in the WARC header.
	w.record("response", "https://news.example.org/europe/finland-nato", "", httpResponse("HTTP/2 200",
		[]byte("<html><body><p>Finland joined NATO in Brussels on 4 April 2023.</p></body></html>"), "content-type: text/html"))
}

// newsWant is what reading the news fixture gives, record by record.
var newsWant = []string{
	"#3 html https://news.example.org/asia/defence-pact en",
	"#4 text https://news.example.org/africa/haiti-mission ",
	"#5 error skipped: response record of content type \"image/png\"",
	"#6 error skipped: HTTP status 404 Not Found",
	"#7 error WARC-Payload-Digest does not match the payload",
	"#8 text https://news.example.org/europe/sweden-nato.txt ",
	"#9 text https://nouvelles.example.fr/inde-ukraine fr",
	"#10 html https://nouvelles.example.fr/senegal ",
	"#13 html https://news.example.org/europe/finland-nato ",
}

// readWARC renders what a WARC input yields, one line per document or error, the URI shortened to #N.
func readWARC(t testing.TB, b []byte) []string {
	t.Helper()
	var got []string
	for d, err := range parseWARC("x.warc", b) {
		if (d == nil) == (err == nil) {
			t.Fatalf("want exactly one of document and error: %v %v", d, err)
		}
		if err != nil {
			var ie *dyad.InputError
			if !errors.As(err, &ie) || !strings.HasPrefix(ie.URI, "x.warc#") {
				t.Fatalf("error %v is not an InputError naming x.warc#N", err)
			}
			got = append(got, strings.TrimPrefix(ie.URI, "x.warc")+" error "+ie.Err.Error())
			continue
		}
		if !utf8.Valid(d.Body) || len(bytes.TrimSpace(d.Body)) == 0 {
			t.Fatalf("%s: bad body %q", d.URI, d.Body)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s", strings.TrimPrefix(d.URI, "x.warc"), d.Format, d.URL, d.Lang))
	}
	return got
}

func match(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("result %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run("gzip="+strconv.FormatBool(gz), func(t *testing.T) {
			w := &warcWriter{gz: gz}
			writeNews(w)
			match(t, readWARC(t, w.out.Bytes()), newsWant)
		})
	}
	// The fields and bodies, once.
	w := &warcWriter{}
	writeNews(w)
	docs := map[string]*dyad.Document{}
	for d, err := range parseWARC("x.warc", w.out.Bytes()) {
		if err == nil {
			docs[d.URI] = d
		}
	}
	for uri, want := range map[string]string{
		"x.warc#3":  "Indonesia and Australia signed",
		"x.warc#4":  "A first contingent of Kenyan police officers", // de-chunked and gunzipped
		"x.warc#9":  "rendu à Kiev le 23 août 2024",
		"x.warc#10": "Le président du Sénégal a prêté serment à Dakar", // Latin-1 by the HTTP charset
		"x.warc#13": "Finland joined NATO",
	} {
		if d := docs[uri]; d == nil || !strings.Contains(string(d.Body), want) {
			t.Errorf("%s: body does not hold %q: %+v", uri, want, d)
		}
	}
	if d := docs["x.warc#3"]; d == nil || d.Published != "" || d.Title != "" {
		t.Errorf("a WARC record states no date or title: %+v", d)
	}
}

// TestWARCFixtures reads the generated files in testdata through Open, as the CLI does; -update rewrites them.
func TestWARCFixtures(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "testdata/warc/news.warc"
		if gz {
			name += ".gz"
		}
		w := &warcWriter{gz: gz}
		writeNews(w)
		if *update {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, w.out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := collect(t, []string{name}, "")
		if len(r.docs) != 6 || len(r.errs) != 3 {
			t.Fatalf("%s: docs %s errors %v; want 6 and 3 (go test -run WARCFixtures -update writes the files)", name, uris(r.docs), r.errs)
		}
		skips := 0
		for _, err := range r.errs {
			if errors.Is(err, dyad.ErrSkipped) {
				skips++
			}
		}
		if skips != 2 || r.docs[0].URI != name+"#3" {
			t.Errorf("%s: %d skips, first URI %s", name, skips, r.docs[0].URI)
		}
	}
}

// corruptions damage a WARC in one way each; the reader reports the damaged record and reads the rest.
func TestWARCCorrupt(t *testing.T) {
	three := func(gz bool) *warcWriter {
		w := &warcWriter{gz: gz}
		for i, city := range []string{"Hanoi", "Vientiane", "Phnom Penh"} {
			w.respRecord("https://news.example.org/"+strconv.Itoa(i+1), httpResponse("HTTP/1.1 200 OK",
				[]byte("<p>Ministers of the Mekong countries met in "+city+" on Monday.</p>"), "Content-Type: text/html"))
		}
		return w
	}
	ok := func(n int) string { return fmt.Sprintf("#%d html https://news.example.org/%d", n, n) }
	tests := []struct {
		name string
		gz   bool
		edit func(w *warcWriter) []byte
		want []string
	}{
		{"gzip: damaged member", true, func(w *warcWriter) []byte {
			b := bytes.Clone(w.out.Bytes())
			mid := (w.members[1] + w.members[2]) / 2
			for i := mid - 4; i < mid+4; i++ {
				b[i] ^= 0x55
			}
			return b
		}, []string{ok(1), "#2 error malformed WARC record", ok(3)}},
		{"gzip: garbage between members", true, func(w *warcWriter) []byte {
			b := w.out.Bytes()
			return append(append(bytes.Clone(b[:w.members[1]]), "some stray bytes\n"...), b[w.members[1]:]...)
		}, []string{ok(1), "#2 error malformed WARC record: not a gzip member", "#3 html https://news.example.org/2", "#4 html https://news.example.org/3"}},
		{"gzip: truncated", true, func(w *warcWriter) []byte {
			return w.out.Bytes()[:w.out.Len()-30]
		}, []string{ok(1), ok(2), "#3 error malformed WARC record: truncated"}},
		{"gzip: one member for all records", false, func(w *warcWriter) []byte {
			return gzipped(w.out.Bytes())
		}, []string{ok(1), ok(2), ok(3)}},
		{"plain: bad Content-Length", false, func(w *warcWriter) []byte {
			return bytes.Replace(w.out.Bytes(), []byte("Content-Length: "), []byte("Content-Length: x"), 2)
		}, []string{"#1 error malformed WARC record: bad Content-Length", "#2 error malformed WARC record: bad Content-Length", ok(3)}},
		{"plain: Content-Length too long", false, func(w *warcWriter) []byte {
			b := w.out.Bytes()
			i := bytes.Index(b, []byte("Content-Length: ")) + len("Content-Length: ")
			j := bytes.IndexByte(b[i:], '\r') + i
			n, _ := strconv.Atoi(string(b[i:j]))
			return append(append(bytes.Clone(b[:i]), strconv.Itoa(n+12)...), b[j:]...)
			// Record 1 eats the version line of record 2, whose rest is passed over.
		}, []string{"#1 error WARC-Payload-Digest does not match", "#2 error malformed WARC record: expected a WARC/1.x version line, found \"WARC-Type: response\"", "#3 html https://news.example.org/3"}},
		{"plain: garbage between records", false, func(w *warcWriter) []byte {
			b := w.out.Bytes()
			return append(append(bytes.Clone(b[:w.members[1]]), "<html>not a record</html>\r\nmore noise\r\n"...), b[w.members[1]:]...)
		}, []string{ok(1), "#2 error malformed WARC record: expected a WARC/1.x version line", "#3 html https://news.example.org/2", "#4 html https://news.example.org/3"}},
		{"plain: truncated", false, func(w *warcWriter) []byte {
			return w.out.Bytes()[:w.out.Len()-20]
		}, []string{ok(1), ok(2), "#3 error malformed WARC record: truncated"}},
		{"plain: header cut", false, func(w *warcWriter) []byte {
			return w.out.Bytes()[:w.members[2]+40]
		}, []string{ok(1), ok(2), "#3 error malformed WARC record: the input ends inside the header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match(t, readWARC(t, tt.edit(three(tt.gz))), tt.want)
		})
	}
}

func TestWARCTooLarge(t *testing.T) {
	defer func(m int64) { MaxSize = m }(MaxSize)
	MaxSize = 300
	w := &warcWriter{gz: true}
	w.respRecord("https://news.example.org/big", httpResponse("HTTP/1.1 200 OK",
		bytes.Repeat([]byte("<p>A long report on the summit. </p>"), 20), "Content-Type: text/html"))
	w.respRecord("https://news.example.org/photo.jpg", httpResponse("HTTP/1.1 200 OK",
		bytes.Repeat([]byte{0xFF, 0xD8, 0xFF, 0}, 200), "Content-Type: image/jpeg"))
	w.respRecord("https://news.example.org/small", httpResponse("HTTP/1.1 200 OK",
		[]byte("<p>A short note on the summit.</p>"), "Content-Type: text/html"))
	want := []string{"#1 error file too large: a block of 764 bytes, the limit is 300", "#2 error skipped: response record of content type \"image/jpeg\"",
		"#3 html https://news.example.org/small"}
	match(t, readWARC(t, w.out.Bytes()), want)

	// The file itself is over MaxSize: Open streams it.
	p := write(t, t.TempDir(), "crawl.warc.gz", w.out.Bytes())
	r := collect(t, []string{p}, "")
	if len(r.docs) != 1 || len(r.errs) != 2 || !errors.Is(r.errs[0], ErrTooLarge) {
		t.Fatalf("docs %s errors %v", uris(r.docs), r.errs)
	}
	// So does standard input.
	r = collect(t, []string{"-"}, w.out.String())
	if uris(r.docs) != "stdin#3:html" || len(r.errs) != 2 {
		t.Fatalf("stdin: docs %s errors %v", uris(r.docs), r.errs)
	}
}

func TestWARCDigestForms(t *testing.T) {
	p := []byte("<p>Payload</p>")
	s := sha1.Sum(p)
	tests := []struct {
		field string
		ok    bool
	}{
		{"", true},
		{"sha1:" + base32.StdEncoding.EncodeToString(s[:]), true},
		{"SHA1:" + strings.ToLower(base32.StdEncoding.EncodeToString(s[:])), true},
		{"sha1:" + fmt.Sprintf("%x", s), true},
		{"sha256:c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2", false},
		{"md5:whatever", true}, // not checked
		{"sha1:AAAA", false},
		{"sha1", false},
	}
	for _, tt := range tests {
		if err := verifyDigest(tt.field, p, nil, false); (err == nil) != tt.ok {
			t.Errorf("verifyDigest(%q) = %v, want ok=%v", tt.field, err, tt.ok)
		}
	}
}

func TestWARCCancel(t *testing.T) {
	w := &warcWriter{gz: true}
	writeNews(w)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for d := range streamWARC(ctx, "x", bytes.NewReader(w.out.Bytes())) {
		if d != nil {
			n++
			cancel()
		}
	}
	if n != 1 {
		t.Fatalf("%d documents after cancel, want 1", n)
	}
}

// FuzzWARC feeds any bytes to the WARC reader: it ends, and yields exactly one of a document (valid UTF-8,
// not empty) and an error, never a panic.
func FuzzWARC(f *testing.F) {
	for _, gz := range []bool{false, true} {
		w := &warcWriter{gz: gz}
		writeNews(w)
		f.Add(w.out.Bytes())
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		readWARC(t, b)
	})
}

// BenchmarkWARC reads a CC-NEWS-like crawl: 1,000 HTML responses of about 6 KB, each its own gzip member,
// with payload digests. The MB/s are of the file as stored.
func BenchmarkWARC(b *testing.B) {
	words := strings.Fields("the minister said on Monday that talks with the delegation of the neighbouring country " +
		"would resume in the capital next week after a summit on trade security and energy where leaders signed " +
		"an agreement to expand cooperation while protesters gathered outside parliament")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, gz := range []bool{true, false} {
		w := &warcWriter{gz: gz}
		raw := 0
		for i := range 1000 {
			var body strings.Builder
			body.WriteString("<html><head><title>Report</title></head><body><article>")
			for body.Len() < 6000 {
				body.WriteString("<p>")
				for range 40 {
					body.WriteString(words[rng.IntN(len(words))] + " ")
				}
				body.WriteString("</p>")
			}
			body.WriteString("</article></body></html>")
			msg := httpResponse("HTTP/1.1 200 OK", []byte(body.String()), "Content-Type: text/html; charset=utf-8")
			w.record("request", "https://news.example.org/"+strconv.Itoa(i), "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\n\r\n"))
			w.respRecord("https://news.example.org/"+strconv.Itoa(i), msg)
			raw += len(msg)
		}
		data := w.out.Bytes()
		b.Run("gzip="+strconv.FormatBool(gz), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				n := 0
				for d, err := range parseWARC("bench.warc", data) {
					if err != nil {
						b.Fatal(err)
					}
					if d != nil {
						n++
					}
				}
				if n != 1000 {
					b.Fatalf("%d documents", n)
				}
			}
			b.ReportMetric(float64(raw)*float64(b.N)/b.Elapsed().Seconds()/1e6, "payload-MB/s")
		})
	}
}
