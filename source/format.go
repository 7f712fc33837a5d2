package source

import (
	"bytes"
	"fmt"
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
	// input in URIs and errors. b has passed the common checks (not empty, not binary).
	Parse func(uri string, b []byte) iter.Seq2[*dyad.Document, error]
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
// the extension of name, then plain text.
func Sniff(name string, b []byte) (*Format, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	head := b[:min(len(b), sniffLen)]
	if isBinary(head) {
		return nil, ErrBinary
	}
	regMu.RLock()
	defer regMu.RUnlock()
	for _, f := range formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f, nil
		}
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	for _, f := range formats {
		if f.Name == "text" {
			return f, nil
		}
	}
	return nil, fmt.Errorf("no format for %q", name)
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
