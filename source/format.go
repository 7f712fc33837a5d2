package source

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
)

// A Format reads one kind of input. Formats register themselves with Register in the file that implements
// them; Sniff picks one for each input.
type Format struct {
	// Name is the format's name, also used as dyad.Document.Format for single-document formats.
	Name string
	// Exts are the file name extensions, lower case with the dot (".html"), that select this format when no
	// format recognises the content.
	Exts []string
	// Priority orders content sniffing: higher first.
	Priority int
	// Sniff reports whether head, the first bytes of an input, are surely in this format. It may be nil.
	Sniff func(head []byte) bool
	// Parse yields the documents of one input of this format, or InputErrors for bad records. uri names the
	// input in URIs and errors. b has passed the common checks (not empty, not binary unless Binary is set).
	Parse func(uri string, b []byte) iter.Seq2[*dyad.Document, error]
	// Binary reports that inputs of this format may be compressed or hold NUL bytes (WARC): its Sniff and
	// Exts are tried before the check for binary content.
	Binary bool
	// Stream, when set on a Binary format, reads an input from r without holding it all in memory, so a file
	// larger than MaxSize can be read (MaxSize then bounds each record). It may be nil.
	Stream func(ctx context.Context, uri string, r io.Reader) iter.Seq2[*dyad.Document, error]
}

var (
	regMu   sync.RWMutex
	formats []*Format
)

// Register adds a format. It panics on a format without a name or Parse, a programming error.
func Register(f *Format) {
	if f.Name == "" || f.Parse == nil {
		panic("source: Register of a format without Name or Parse")
	}
	regMu.Lock()
	defer regMu.Unlock()
	formats = append(formats, f)
	sort.SliceStable(formats, func(i, j int) bool { return formats[i].Priority > formats[j].Priority })
}

// sniffLen is how much of an input content sniffing looks at.
const sniffLen = 4096

// Sniff checks an input's content (not empty, not binary) and returns its format: by content first, then by
// the extension of name, then plain text. Formats that read binary input (WARC) are tried first, by content
// and then by extension.
func Sniff(name string, b []byte) (*Format, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	head := b[:min(len(b), sniffLen)]
	regMu.RLock()
	defer regMu.RUnlock()
	if f := binaryFormat(name, head); f != nil {
		return f, nil
	}
	if kind := binaryKind(head); kind != "" {
		return nil, &reason{msg: "binary file (" + kind + "), not text", err: ErrBinary}
	}
	if isBinary(head) {
		return nil, ErrBinary
	}
	for _, f := range formats {
		if f.Sniff != nil && !f.Binary && f.Sniff(head) {
			return f, nil
		}
	}
	if f := byExt(name, false); f != nil {
		return f, nil
	}
	for _, f := range formats {
		if f.Name == "text" {
			return f, nil
		}
	}
	return nil, fmt.Errorf("no format for %q", name)
}

// binaryFormat returns the format with Binary set that claims head by content, else by the extension of
// name, or nil. The caller holds regMu.
func binaryFormat(name string, head []byte) *Format {
	for _, f := range formats {
		if f.Binary && f.Sniff != nil && f.Sniff(head) {
			return f
		}
	}
	return byExt(name, true)
}

// byExt returns the format whose extensions end name (".warc.gz" as well as ".html"), among those with
// Binary equal to binary, or nil. The caller holds regMu.
func byExt(name string, binary bool) *Format {
	lower := strings.ToLower(filepath.Base(name))
	for _, f := range formats {
		if f.Binary != binary {
			continue
		}
		for _, e := range f.Exts {
			if strings.HasSuffix(lower, e) && len(lower) > len(e) {
				return f
			}
		}
	}
	return nil
}

// claimedExt reports whether a registered format reads files named like name.
func claimedExt(name string) bool {
	regMu.RLock()
	defer regMu.RUnlock()
	return byExt(name, false) != nil || byExt(name, true) != nil
}

// streamFormat returns the format with Stream set that claims an input by its head or name, or nil.
func streamFormat(name string, head []byte) *Format {
	regMu.RLock()
	defer regMu.RUnlock()
	if f := binaryFormat(name, head); f != nil && f.Stream != nil {
		return f
	}
	return nil
}

// isBinary reports NUL bytes, the mark of binary files (and of UTF-16 without a BOM, which we do not read).
func isBinary(head []byte) bool {
	if hasUTF16BOM(head) {
		return false
	}
	return bytes.IndexByte(head, 0) >= 0
}

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
}

// skipSpaceBOM returns b without a leading UTF-8 BOM and white space.
func skipSpaceBOM(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	return bytes.TrimLeft(b, " \t\r\n")
}

// firstLine returns the first line of b, without its newline.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}
