// Package source reads raw news documents from files, folders, globs and stdin, and yields them as
// dyad.Documents for the extract stage. Each input format (plain text and Markdown, HTML, JSON and JSONL) is
// its own small file that registers itself in the format registry; a new format (WARC, feeds) is a new file.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad"
)

// MaxSize is the largest input file, in bytes, that a Source reads. A larger file is an InputError, read no
// further than MaxSize+1 bytes, so a huge file never fills memory.
var MaxSize int64 = 32 << 20

// Stdin is the URI of documents read from standard input.
const Stdin = "stdin"

// Errors that name the reason an input was refused; each is wrapped in a *dyad.InputError with the URI.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file (NUL bytes), not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8 and no safe charset found")
	ErrTooLarge    = errors.New("file too large")
	ErrNoMatch     = errors.New("no file matches the pattern")
)

// Open returns a dyad.Source over paths: files, folders (recursive), glob patterns, and "-" for stdin, which
// is read from in. Paths are read in the order given; a folder's files in lexical order, hidden ones
// (names starting with '.') skipped.
func Open(paths []string, in io.Reader) dyad.Source {
	return &files{paths: paths, in: in}
}

type files struct {
	paths []string
	in    io.Reader
}

// Documents yields every document of every path. A bad input yields (nil, *dyad.InputError) and the
// iteration goes on; a cancelled context is yielded last.
func (s *files) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		for _, p := range s.paths {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !s.path(ctx, p, yield) {
				return
			}
		}
	}
}

type yieldFunc = func(*dyad.Document, error) bool

func inputErr(uri string, err error) error { return &dyad.InputError{URI: uri, Err: err} }

// path yields the documents of one argument; it returns false when the consumer stopped.
func (s *files) path(ctx context.Context, p string, yield yieldFunc) bool {
	if p == "-" {
		if s.in == nil {
			return yield(nil, inputErr(Stdin, errors.New("no standard input")))
		}
		b, err := readLimited(s.in)
		if err != nil {
			return yield(nil, inputErr(Stdin, err))
		}
		return emit(Stdin, "", b, yield)
	}
	if strings.ContainsAny(p, "*?[") {
		if _, err := os.Lstat(p); err != nil { // a real file name with '[' is not a pattern
			m, gerr := filepath.Glob(p)
			if gerr != nil {
				return yield(nil, inputErr(p, fmt.Errorf("bad glob pattern: %w", gerr)))
			}
			if len(m) == 0 {
				return yield(nil, inputErr(p, ErrNoMatch))
			}
			for _, q := range m {
				if !s.path(ctx, q, yield) {
					return false
				}
			}
			return true
		}
	}
	st, err := os.Stat(p)
	if err != nil {
		return yield(nil, inputErr(p, statReason(err)))
	}
	if !st.IsDir() {
		return s.file(p, yield)
	}
	cont := true
	werr := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(nil, inputErr(q, statReason(err))) {
				cont = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 { // follow links to files, not to folders (no loops)
			if st, err := os.Stat(q); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			cont = yield(nil, cerr) && false
			return filepath.SkipAll
		}
		if !s.file(q, yield) {
			cont = false
			return filepath.SkipAll
		}
		return nil
	})
	if werr != nil && cont {
		return yield(nil, inputErr(p, werr))
	}
	return cont
}

func statReason(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no such file or directory: %w", err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("permission denied: %w", err)
	}
	return err
}

// file reads one file and yields its documents.
func (s *files) file(p string, yield yieldFunc) bool {
	b, err := readFile(p)
	if err != nil {
		return yield(nil, inputErr(p, err))
	}
	return emit(p, p, b, yield)
}

func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, statReason(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d (source.MaxSize)", ErrTooLarge, st.Size(), MaxSize)
	}
	return readLimited(f)
}

// readLimited reads at most MaxSize bytes and fails when there are more.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > MaxSize {
		return nil, fmt.Errorf("%w: more than %d bytes (source.MaxSize)", ErrTooLarge, MaxSize)
	}
	return b, nil
}

// emit checks the content of one input, picks its format and yields its documents.
func emit(uri, name string, b []byte, yield yieldFunc) bool {
	f, err := Sniff(name, b)
	if err != nil {
		return yield(nil, inputErr(uri, err))
	}
	for doc, err := range f.Parse(uri, b) {
		if !yield(doc, err) {
			return false
		}
	}
	return true
}
