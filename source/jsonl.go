package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// JSON and JSONL records: a JSON object, a JSON array of objects, or one object per line. Each record is a
// document with the URI path#N (N the line in JSONL, the 1-based index in an array). The fields are url,
// title, text or html, date or published, source and lang; only text or html is required (text wins when
// both are given). A bad record is an InputError for that record alone.
func init() {
	Register(&Format{Name: "jsonl", Exts: []string{".jsonl", ".ndjson", ".json"}, Priority: 20,
		Sniff: sniffJSON, Parse: parseJSON})
}

// sniffJSON claims input whose first line is a JSON object, or which starts a JSON array or object that
// goes on over several lines.
func sniffJSON(head []byte) bool {
	h := skipSpaceBOM(head)
	if len(h) == 0 || (h[0] != '{' && h[0] != '[') {
		return false
	}
	l := bytes.TrimSpace(firstLine(h))
	if json.Valid(l) {
		return true
	}
	// A multi-line document: '{' or '[' followed by a JSON string key or a value.
	rest := bytes.TrimLeft(h[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '{' || rest[0] == ']' || rest[0] == '}')
}

// record is one JSON record as the input gives it.
type record struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Date      string `json:"date"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Lang      string `json:"lang"`
}

// ErrNoText is the reason for a record without text or html.
var ErrNoText = errors.New(`record has neither "text" nor "html"`)

func (r *record) document(uri string) (*dyad.Document, error) {
	d := &dyad.Document{URI: uri, URL: webURL(r.URL), Title: strings.TrimSpace(r.Title), Source: strings.TrimSpace(r.Source),
		Lang: strings.ToLower(strings.TrimSpace(r.Lang)), Published: strings.TrimSpace(r.Published)}
	if d.Published == "" {
		d.Published = strings.TrimSpace(r.Date)
	}
	switch {
	case strings.TrimSpace(r.Text) != "":
		d.Format, d.Body = "text", []byte(r.Text)
	case strings.TrimSpace(r.HTML) != "":
		d.Format, d.Body = "html", []byte(r.HTML)
	default:
		return nil, ErrNoText
	}
	return d, nil
}

func parseJSON(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		if hasUTF16BOM(b) {
			var err error
			if b, err = toUTF8(b, ""); err != nil {
				yield(nil, inputErr(uri, err))
				return
			}
		}
		t := skipSpaceBOM(b)
		switch {
		case len(t) > 0 && t[0] == '[':
			if !utf8.Valid(t) {
				yield(nil, inputErr(uri, invalidAt(t)))
				return
			}
			jsonArray(uri, t, yield)
		case len(t) > 0 && t[0] == '{' && json.Valid(t) && !json.Valid(bytes.TrimSpace(firstLine(t))):
			// One object over several lines.
			if !utf8.Valid(t) {
				yield(nil, inputErr(uri, invalidAt(t)))
				return
			}
			one(uri, t, yield)
		default:
			jsonLines(uri, bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), yield)
		}
	}
}

func one(uri string, b []byte, yield yieldFunc) bool {
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return yield(nil, inputErr(uri, jsonReason(err)))
	}
	d, err := r.document(uri)
	if err != nil {
		return yield(nil, inputErr(uri, err))
	}
	return yield(d, nil)
}

func jsonArray(uri string, b []byte, yield yieldFunc) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		yield(nil, inputErr(uri, jsonReason(err)))
		return
	}
	for n := 1; dec.More(); n++ {
		ruri := uri + "#" + strconv.Itoa(n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// A syntax error leaves the decoder lost: the rest of the array cannot be read.
			yield(nil, inputErr(ruri, fmt.Errorf("%w; the rest of the array is skipped", jsonReason(err))))
			return
		}
		if !one(ruri, raw, yield) {
			return
		}
	}
	if _, err := dec.Token(); err != nil {
		yield(nil, inputErr(uri, fmt.Errorf("end of array: %w", jsonReason(err))))
	}
}

func jsonLines(uri string, b []byte, yield yieldFunc) {
	n := 0
	for len(b) > 0 {
		n++
		var line []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			line, b = b, nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		ruri := uri + "#" + strconv.Itoa(n)
		if !utf8.Valid(line) {
			if !yield(nil, inputErr(ruri, invalidAt(line))) {
				return
			}
			continue
		}
		if line[0] != '{' {
			if !yield(nil, inputErr(ruri, fmt.Errorf("not a JSON object: starts with %q", truncate(line, 20)))) {
				return
			}
			continue
		}
		if !one(ruri, line, yield) {
			return
		}
	}
}

// jsonReason turns encoding/json errors into a short reason with the byte offset when known.
func jsonReason(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed JSON at byte %d: %w", se.Offset, err)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &reason{msg: fmt.Sprintf("field %q must be a %s, not %s", te.Field, te.Type, te.Value), err: err}
	}
	return fmt.Errorf("malformed JSON: %w", err)
}

// reason is an error with a message of our own that still unwraps to the library's error.
type reason struct {
	msg string
	err error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.err }

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
