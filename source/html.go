package source

import (
	"bytes"
	"iter"
	"regexp"

	"github.com/dyad-events/dyad"
)

// HTML pages: one document per page; the extract stage finds the main text. A page that is not UTF-8 is
// decoded by the charset its meta tag declares.
func init() {
	Register(&Format{Name: "html", Exts: []string{".html", ".htm", ".xhtml"}, Priority: 10,
		Sniff: sniffHTML, Parse: parseHTML})
}

var htmlStarts = [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<article"), []byte("<meta"), []byte("<title"), []byte("<div"), []byte("<p>"), []byte("<!--")}

func sniffHTML(head []byte) bool {
	h := bytes.ToLower(skipSpaceBOM(head)[:min(len(skipSpaceBOM(head)), 64)])
	for _, s := range htmlStarts {
		if bytes.HasPrefix(h, s) {
			return true
		}
	}
	return false
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)`)

func parseHTML(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		declared := ""
		if m := metaCharset.FindSubmatch(b[:min(len(b), 2048)]); m != nil {
			declared = string(m[1])
		}
		body, err := toUTF8(b, declared)
		if err != nil {
			yield(nil, inputErr(uri, err))
			return
		}
		yield(&dyad.Document{URI: uri, Format: "html", Body: body}, nil)
	}
}
