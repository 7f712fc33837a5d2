package source

import (
	"bytes"
	"iter"

	"github.com/dyad-events/dyad"
)

// Plain text (.txt and anything no other format claims) and Markdown (.md, or text whose first line is a
// Markdown heading). Both are one document per input.
func init() {
	Register(&Format{Name: "text", Exts: []string{".txt", ".text"}, Priority: -100, Parse: parseText("text")})
	Register(&Format{Name: "markdown", Exts: []string{".md", ".markdown"}, Priority: -10,
		Sniff: sniffMarkdown, Parse: parseText("markdown")})
}

// sniffMarkdown claims text that starts with an ATX heading ("# Title").
func sniffMarkdown(head []byte) bool {
	l := firstLine(skipSpaceBOM(head))
	i := 0
	for i < len(l) && i < 6 && l[i] == '#' {
		i++
	}
	return i > 0 && i < len(l) && l[i] == ' ' && len(bytes.TrimSpace(l[i:])) > 0
}

func parseText(format string) func(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
	return func(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
		return func(yield func(*dyad.Document, error) bool) {
			body, err := toUTF8(b, "")
			if err != nil {
				yield(nil, inputErr(uri, err))
				return
			}
			yield(&dyad.Document{URI: uri, Format: format, Body: body}, nil)
		}
	}
}
