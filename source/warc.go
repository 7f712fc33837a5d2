package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"iter"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// WARC files (.warc, and .warc.gz with one gzip member per record or any other split), read as a stream so a
// crawl file of any size can be read; MaxSize bounds each record. A document comes from a `response` record
// holding an HTTP response with status 2xx whose payload is HTML or plain text, and from a `resource` or
// `conversion` record (Common Crawl WET) with such content; its URI is path#N (N the record's position), its
// URL the WARC-Target-URI. Other response and resource records are skipped (dyad.ErrSkipped); warcinfo,
// request, metadata and revisit records are passed over silently. A WARC-Payload-Digest (sha1 or sha256,
// base32 or hex) is verified. A corrupt record is an InputError naming path#N; reading goes on with the next
// gzip member or the next line that starts a record.
func init() {
	Register(&Format{Name: "warc", Exts: []string{".warc", ".warc.gz"}, Priority: 30, Binary: true,
		Sniff: sniffWARC, Parse: parseWARC, Stream: streamWARC})
}

// Errors that name why a WARC record was refused.
var (
	ErrWARC   = errors.New("malformed WARC record")
	ErrDigest = errors.New("WARC-Payload-Digest does not match the payload")
)

const (
	maxWARCHeader = 256 << 10 // bytes of WARC header lines in one record
	partialHead   = 64 << 10  // bytes read of a record over MaxSize, to see what it holds
)

var warcMagic = []byte("WARC/")

func sniffWARC(head []byte) bool {
	if isGzip(head) {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		zr.Multistream(false)
		var b [16]byte
		n, _ := io.ReadFull(zr, b[:])
		return bytes.HasPrefix(bytes.TrimLeft(b[:n], "\r\n"), warcMagic)
	}
	return bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), warcMagic)
}

func isGzip(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

func parseWARC(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
	return streamWARC(context.Background(), uri, bytes.NewReader(b))
}

func streamWARC(ctx context.Context, uri string, r io.Reader) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		w := &warcReader{uri: uri, raw: bufio.NewReaderSize(r, 64<<10)}
		w.r = w.raw
		if head, _ := w.raw.Peek(3); isGzip(head) {
			w.zr, w.r, w.memberDone = new(gzip.Reader), bufio.NewReaderSize(nil, 64<<10), true
		}
		for ctx.Err() == nil {
			rec, err := w.next(yield)
			if err == io.EOF {
				return
			}
			if err != nil {
				if !yield(nil, inputErr(w.recURI(), err)) {
					return
				}
				continue
			}
			doc, err := rec.document(w.recURI())
			if doc == nil && err == nil {
				continue
			}
			if err != nil {
				err = inputErr(w.recURI(), err)
			}
			if !yield(doc, err) {
				return
			}
		}
	}
}

// warcReader reads records from a plain or gzipped WARC stream.
type warcReader struct {
	uri     string
	raw     *bufio.Reader // the input
	zr      *gzip.Reader  // nil for a plain WARC
	r       *bufio.Reader // the records: raw, or the current gzip member
	n       int           // records met so far
	pending []byte        // a version line found while looking for the next record

	memberDone bool // the current gzip member is read or abandoned: start the next one
}

func (w *warcReader) recURI() string { return w.uri + "#" + strconv.Itoa(w.n) }

// nextMember starts the next gzip member, looking past bytes that do not start one; it returns false at the
// end of the input or when the consumer stopped.
func (w *warcReader) nextMember(yield yieldFunc) bool {
	reported := false
	for {
		err := w.zr.Reset(w.raw)
		if err == nil {
			w.zr.Multistream(false)
			w.r.Reset(w.zr)
			return true
		}
		if err == io.EOF {
			return false
		}
		if !reported {
			reported = true
			w.n++
			if !yield(nil, inputErr(w.recURI(), fmt.Errorf("%w: not a gzip member (%v); looking for the next one", ErrWARC, err))) {
				return false
			}
		}
		if !seekGzip(w.raw) {
			return false
		}
	}
}

// seekGzip moves r to the next gzip member header past its current position.
func seekGzip(r *bufio.Reader) bool {
	if _, err := r.Discard(1); err != nil {
		return false
	}
	for {
		if p, _ := r.Peek(3); len(p) < 3 {
			return false
		} else if isGzip(p) {
			return true
		}
		if _, err := r.Discard(1); err != nil {
			return false
		}
	}
}

// warcRecord is one record: its header and content block.
type warcRecord struct {
	header  textproto.MIMEHeader
	block   []byte
	partial bool // block holds only the start of a record larger than MaxSize
}

// next reads the next record. It returns io.EOF at the end of the input (or when the consumer stopped while
// told of bytes that are not a gzip member), and an error for a record it cannot read, after which it has
// found where the next one starts.
func (w *warcReader) next(yield yieldFunc) (*warcRecord, error) {
	var line []byte
	var err error
	for {
		if w.zr != nil && w.memberDone {
			w.memberDone = false
			if !w.nextMember(yield) {
				return nil, io.EOF
			}
		}
		line, err = w.versionLine()
		if err == io.EOF && w.zr != nil { // the member ended between records: on to the next one
			w.memberDone = true
			continue
		}
		break
	}
	if err == io.EOF {
		return nil, io.EOF
	}
	w.n++
	if err != nil {
		return nil, w.lost(err)
	}
	if !bytes.HasPrefix(line, warcMagic) {
		return nil, w.lost(fmt.Errorf("%w: expected a WARC/1.x version line, found %q", ErrWARC, truncate(line, 40)))
	}
	hdr, err := w.header()
	if err != nil {
		return nil, w.lost(err)
	}
	cl, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || cl < 0 {
		return nil, w.lost(fmt.Errorf("%w: bad Content-Length %q", ErrWARC, hdr.Get("Content-Length")))
	}
	rec := &warcRecord{header: hdr}
	switch strings.ToLower(hdr.Get("WARC-Type")) {
	case "response", "resource", "conversion":
	default: // not a document: pass its block over without holding it
		if err := w.discard(cl); err != nil {
			return nil, err
		}
		return &warcRecord{header: hdr}, nil
	}
	keep := cl
	if cl > MaxSize {
		keep, rec.partial = min(cl, partialHead), true
	}
	// Read what is there rather than allocate what the header claims: a broken header may claim a lot.
	var err2 error
	if rec.block, err2 = io.ReadAll(io.LimitReader(w.r, keep)); err2 == nil && int64(len(rec.block)) < keep {
		err2 = io.ErrUnexpectedEOF
	}
	if err2 != nil {
		return nil, w.truncated(err2)
	}
	if err := w.discard(cl - keep); err != nil {
		return nil, err
	}
	return rec, w.endOfRecord()
}

// versionLine returns the first line that is not blank, without its line end.
func (w *warcReader) versionLine() ([]byte, error) {
	if w.pending != nil {
		l := w.pending
		w.pending = nil
		return l, nil
	}
	for {
		l, err := readLine(w.r, maxWARCHeader)
		if len(l) > 0 {
			return l, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readLine reads one line of at most limit bytes, without its line end. At the end of the input it returns
// the bytes read and io.EOF.
func readLine(r *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		frag, err := r.ReadSlice('\n')
		if len(line)+len(frag) > limit {
			return nil, fmt.Errorf("%w: a header line longer than %d bytes", ErrWARC, limit)
		}
		line = append(line, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || len(line) == 0) {
			return nil, err
		}
		return bytes.TrimRight(line, "\r\n"), nil
	}
}

// header reads the named fields up to the blank line and parses them with net/textproto.
func (w *warcReader) header() (textproto.MIMEHeader, error) {
	var block []byte
	for {
		l, err := readLine(w.r, maxWARCHeader)
		if err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return nil, fmt.Errorf("%w: the input ends inside the header", ErrWARC)
			}
			return nil, err
		}
		if len(l) == 0 {
			break
		}
		if len(block)+len(l) > maxWARCHeader {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrWARC, maxWARCHeader)
		}
		block = append(append(block, l...), '\r', '\n')
	}
	block = append(block, '\r', '\n')
	hdr, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(block))).ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("%w: bad header: %w", ErrWARC, err)
	}
	return hdr, nil
}

// discard skips n bytes of a block.
func (w *warcReader) discard(n int64) error {
	if n <= 0 {
		return w.endOfRecord()
	}
	if _, err := io.CopyN(io.Discard, w.r, n); err != nil {
		return w.truncated(err)
	}
	return w.endOfRecord()
}

// endOfRecord reads the blank lines that close a record. In a gzip member whose last record this is, it
// also reads the member's end, so a failed checksum is charged to this record.
func (w *warcReader) endOfRecord() error {
	for {
		p, err := w.r.Peek(1)
		if len(p) == 1 && (p[0] == '\r' || p[0] == '\n') {
			w.r.Discard(1)
			continue
		}
		if err != nil && err != io.EOF {
			return w.truncated(err)
		}
		return nil
	}
}

// truncated is the error for a record cut short; what follows it is looked for.
func (w *warcReader) truncated(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = fmt.Errorf("%w: truncated (the input ends inside the record)", ErrWARC)
	} else {
		err = fmt.Errorf("%w: %w", ErrWARC, err)
	}
	return w.lost(err)
}

// lost finds where the next record starts after err: in a plain WARC (or a gzip member holding several
// records) the next line that starts with "WARC/"; else the next gzip member. It returns err.
func (w *warcReader) lost(err error) error {
	atStart := true
	for {
		frag, rerr := w.r.ReadSlice('\n')
		if atStart && rerr == nil && bytes.HasPrefix(frag, warcMagic) {
			w.pending = bytes.Clone(bytes.TrimRight(frag, "\r\n"))
			return err
		}
		atStart = rerr == nil
		if rerr != nil && rerr != bufio.ErrBufferFull {
			break
		}
	}
	if w.zr != nil {
		// The member ended or is broken: the next one starts where the gzip reader stopped, or further.
		w.memberDone = true
		if _, perr := w.raw.Peek(1); perr == nil && !w.atMember() {
			seekGzip(w.raw)
		}
	}
	return err
}

// atMember reports whether the input is at the start of a gzip member.
func (w *warcReader) atMember() bool {
	p, _ := w.raw.Peek(3)
	return isGzip(p)
}

// document makes the document of a record; a record that is not one gives (nil, nil) or a skip.
func (rec *warcRecord) document(uri string) (*dyad.Document, error) {
	h := rec.header
	typ := strings.ToLower(h.Get("WARC-Type"))
	wct, wcs := mediaType(h.Get("Content-Type"))
	d := &dyad.Document{URI: uri, URL: webURL(strings.Trim(strings.TrimSpace(h.Get("WARC-Target-URI")), "<>"))}
	var payload, body []byte
	var ct, charset string
	chunked := false
	switch typ {
	case "response":
		if !strings.HasPrefix(wct, "application/http") && (wct != "" || !bytes.HasPrefix(rec.block, []byte("HTTP/"))) {
			return nil, fmt.Errorf("%w: response record of content type %q", dyad.ErrSkipped, wct)
		}
		resp, hlen, err := readHTTP(rec.block)
		if err != nil {
			if rec.partial {
				return nil, tooLarge(rec)
			}
			return nil, err
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return nil, fmt.Errorf("%w: HTTP status %s", dyad.ErrSkipped, resp.Status)
		}
		ct, charset = mediaType(resp.Header.Get("Content-Type"))
		payload = rec.block[hlen:]
		body = payload
		if chunked = len(resp.TransferEncoding) > 0 && strings.EqualFold(resp.TransferEncoding[0], "chunked"); chunked && !rec.partial {
			if body, err = io.ReadAll(resp.Body); err != nil {
				return nil, fmt.Errorf("%w: chunked HTTP body: %w", ErrWARC, err)
			}
		}
		if ct == "" {
			ct, charset = mediaType(http.DetectContentType(body))
		}
		if ct == "text/html" || ct == "text/plain" || ct == "application/xhtml+xml" || ct == "text/markdown" {
			if rec.partial {
				return nil, tooLarge(rec)
			}
			if err := verifyDigest(h.Get("WARC-Payload-Digest"), payload, body, chunked); err != nil {
				return nil, err
			}
			if body, err = decodeContent(resp.Header.Get("Content-Encoding"), body); err != nil {
				return nil, err
			}
		}
		if l := resp.Header.Get("Content-Language"); !strings.Contains(l, ",") {
			d.Lang = normLang(l)
		}
	case "resource", "conversion":
		ct, charset = wct, wcs
		payload, body = rec.block, rec.block
	default:
		return nil, nil
	}
	switch ct {
	case "text/html", "application/xhtml+xml":
		d.Format = "html"
	case "text/plain":
		d.Format = "text"
	case "text/markdown":
		d.Format = "markdown"
	default:
		return nil, fmt.Errorf("%w: %s record of content type %q", dyad.ErrSkipped, typ, ct)
	}
	if rec.partial {
		return nil, tooLarge(rec)
	}
	if typ != "response" {
		if err := verifyDigest(h.Get("WARC-Payload-Digest"), payload, nil, false); err != nil {
			return nil, err
		}
	}
	if l := h.Get("WARC-Identified-Content-Language"); l != "" && !strings.Contains(l, ",") {
		d.Lang = normLang(l)
	}
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return nil, &reason{msg: "empty payload", err: ErrEmpty}
	case isBinary(body[:min(len(body), sniffLen)]):
		return nil, ErrBinary
	}
	if charset == "" && d.Format == "html" {
		if m := metaCharset.FindSubmatch(body[:min(len(body), 2048)]); m != nil {
			charset = string(m[1])
		}
	}
	var err error
	if d.Body, err = toUTF8(body, charset); err != nil {
		return nil, err
	}
	return d, nil
}

func tooLarge(rec *warcRecord) error {
	return fmt.Errorf("%w: a block of %s bytes, the limit is %d (source.MaxSize)", ErrTooLarge,
		strings.TrimSpace(rec.header.Get("Content-Length")), MaxSize)
}

// readHTTP parses the HTTP response at the start of block; hlen is the length of its status line and header.
func readHTTP(block []byte) (*http.Response, int, error) {
	in, shift := block, 0
	// HTTP/2 and HTTP/3 status lines as some crawlers write them ("HTTP/2 200"), which ReadResponse refuses.
	for _, v := range []string{"HTTP/2 ", "HTTP/3 "} {
		if bytes.HasPrefix(block, []byte(v)) {
			in = append([]byte(v[:6]+".0 "), block[len(v):]...)
			shift = 2
		}
	}
	rd := bytes.NewReader(in)
	br := bufio.NewReader(rd)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: bad HTTP response: %w", ErrWARC, err)
	}
	return resp, len(in) - rd.Len() - br.Buffered() - shift, nil
}

// verifyDigest checks a WARC-Payload-Digest ("sha1:BASE32"; sha256 and hex too) against the payload, or
// against the de-chunked body when the payload was chunked (writers differ). An unknown algorithm is not
// checked.
func verifyDigest(field string, payload, dechunked []byte, chunked bool) error {
	field = strings.TrimSpace(field)
	if field == "" {
		return nil
	}
	alg, val, ok := strings.Cut(field, ":")
	if !ok {
		return fmt.Errorf("%w: bad WARC-Payload-Digest %q", ErrWARC, field)
	}
	var h func() hash.Hash
	switch strings.ToLower(strings.ReplaceAll(alg, "-", "")) {
	case "sha1":
		h = sha1.New
	case "sha256":
		h = sha256.New
	default:
		return nil
	}
	want, err := decodeDigest(val, h().Size())
	if err != nil {
		return fmt.Errorf("%w: bad WARC-Payload-Digest %q: %w", ErrWARC, field, err)
	}
	sum := func(b []byte) []byte { x := h(); x.Write(b); return x.Sum(nil) }
	got := sum(payload)
	if bytes.Equal(got, want) || (chunked && bytes.Equal(sum(dechunked), want)) {
		return nil
	}
	return fmt.Errorf("%w: header %s, payload %s:%s", ErrDigest, field, alg, base32.StdEncoding.EncodeToString(got))
}

func decodeDigest(v string, size int) ([]byte, error) {
	v = strings.TrimSpace(v)
	if len(v) == 2*size {
		if b, err := hex.DecodeString(v); err == nil {
			return b, nil
		}
	}
	b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(strings.TrimRight(v, "=")))
	if err != nil {
		return nil, err
	}
	if len(b) != size {
		return nil, fmt.Errorf("%d bytes, want %d", len(b), size)
	}
	return b, nil
}

// decodeContent undoes an HTTP Content-Encoding (gzip, deflate), within MaxSize.
func decodeContent(enc string, b []byte) ([]byte, error) {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "identity", "none":
		return b, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip content: %w", ErrWARC, err)
		}
		r = zr
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(b)); err == nil {
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(b))
		}
	default:
		return nil, fmt.Errorf("%w: content encoding %q is not supported", ErrWARC, enc)
	}
	out, err := readLimited(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %s content: %w", ErrWARC, enc, err)
	}
	return out, nil
}
