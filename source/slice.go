package source

import (
	"bytes"
	"context"
	"iter"
	"strconv"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Documents returns a dyad.Source over documents already in memory (an HTTP upload, a test). Each document
// goes through the checks of files: an empty or binary body, or one that is not UTF-8, yields an InputError
// naming its URI ("memory#N" when it has none).
func Documents(docs []dyad.Document) dyad.Source { return memory(docs) }

type memory []dyad.Document

// Documents yields the documents in order.
func (m memory) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		for i := range m {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			d := m[i]
			if d.URI == "" {
				d.URI = "memory#" + strconv.Itoa(i+1)
			}
			var err error
			switch {
			case len(bytes.TrimSpace(d.Body)) == 0:
				err = ErrEmpty
			case isBinary(d.Body[:min(len(d.Body), sniffLen)]):
				err = ErrBinary
			case !utf8.Valid(d.Body):
				err = invalidAt(d.Body)
			case int64(len(d.Body)) > MaxSize:
				err = ErrTooLarge
			}
			if err != nil {
				if !yield(nil, inputErr(d.URI, err)) {
					return
				}
				continue
			}
			if !yield(&d, nil) {
				return
			}
		}
	}
}
