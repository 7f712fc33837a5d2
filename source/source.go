// Package source reads raw news documents from files, folders, globs, URLs and stdin, and yields them as
// dyad.Documents for the extract stage. Each input format (plain text and Markdown, HTML, JSON and JSONL,
// RSS/Atom/JSON feeds, WARC) is its own small file that registers itself in the format registry; a new
// format is a new file.
package source

import (
	"bufio"
	"bytes"
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

// Open returns a dyad.Source over paths: files, folders (recursive), glob patterns, http:// and https:// URLs
// (a page or a feed, fetched with HTTPClient), and "-" for stdin, which is read from in. Paths are read in the
// order given; a folder's files in lexical order. While walking a folder (or expanding a glob), hidden names
// (starting with '.') and files of a kind dyad does not read (images, PDFs, archives other than WARC) yield
// an InputError wrapping dyad.ErrSkipped; a file named on its own is always read, and fails if it cannot be.
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
			if !s.path(ctx, p, false, yield) {
				return
			}
		}
	}
}

type yieldFunc = func(*dyad.Document, error) bool

func inputErr(uri string, err error) error { return &dyad.InputError{URI: uri, Err: err} }

// skipped is the error for an input passed over on purpose.
func skipped(uri, why string) error {
	return inputErr(uri, fmt.Errorf("%w: %s", dyad.ErrSkipped, why))
}

// path yields the documents of one argument; it returns false when the consumer stopped. found is true for
// a path found by a glob rather than named.
func (s *files) path(ctx context.Context, p string, found bool, yield yieldFunc) bool {
	if p == "-" {
		if s.in == nil {
			return yield(nil, inputErr(Stdin, errors.New("no standard input")))
		}
		return s.read(ctx, Stdin, "", s.in, -1, false, yield)
	}
	if isURL(p) {
		return fetch(ctx, p, yield)
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
				if !s.path(ctx, q, true, yield) {
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
		if found {
			if why := skipKind(p); why != "" {
				return yield(nil, skipped(p, why))
			}
			if !st.Mode().IsRegular() {
				// A named pipe would block the walk until something writes to it.
				return yield(nil, skipped(p, notRegular(st.Mode())))
			}
		}
		return s.file(ctx, p, found, yield)
	}
	// Links are followed only to files inside the folder: one out of it could read anything the user can.
	root, err := filepath.EvalSymlinks(p)
	if err != nil {
		return yield(nil, inputErr(p, statReason(err)))
	}
	if root, err = filepath.Abs(root); err != nil {
		return yield(nil, inputErr(p, err))
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
			why := "hidden file"
			if d.IsDir() {
				why = "hidden folder"
			}
			if !yield(nil, skipped(q, why)) {
				cont = false
				return filepath.SkipAll
			}
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if err := linkInside(q, root); err != nil {
				if !yield(nil, err) {
					cont = false
					return filepath.SkipAll
				}
				return nil
			}
		} else if d.IsDir() {
			return nil
		} else if !d.Type().IsRegular() {
			if !yield(nil, skipped(q, notRegular(d.Type()))) {
				cont = false
				return filepath.SkipAll
			}
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			cont = yield(nil, cerr) && false
			return filepath.SkipAll
		}
		var ok bool
		if why := skipKind(q); why != "" {
			ok = yield(nil, skipped(q, why))
		} else {
			ok = s.file(ctx, q, true, yield)
		}
		if !ok {
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

// openCtx opens p, giving up when ctx ends first: opening a named pipe (given by name) blocks until a
// writer comes, and Ctrl-C must still stop dyad.
func openCtx(ctx context.Context, p string) (*os.File, error) {
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return os.Open(p)
	}
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(p)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		return o.f, o.err
	case <-ctx.Done():
		go func() { // the open may still complete: close what it gives
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// notRegular names the kind of a file that is not a regular file, for the skip reason.
func notRegular(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO), not a regular file"
	case m&fs.ModeSocket != 0:
		return "socket, not a regular file"
	case m&fs.ModeDevice != 0:
		return "device, not a regular file"
	}
	return "not a regular file"
}

// linkInside checks a symbolic link met in a walk of the folder root (absolute, links resolved): nil when
// it leads to a regular file inside root, which is then read; otherwise the reason it is not followed. A link
// to a folder is skipped (the folder is walked itself when inside); a link out of the folder, a loop or a
// broken link is an error that names its target.
func linkInside(q, root string) error {
	target, err := filepath.EvalSymlinks(q)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return inputErr(q, fmt.Errorf("broken symbolic link: %w", err))
		}
		return inputErr(q, fmt.Errorf("symbolic link loop or unreadable link, not followed: %w", err))
	}
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return inputErr(q, fmt.Errorf("symbolic link out of the folder (to %s), not followed", target))
	}
	st, err := os.Stat(target)
	switch {
	case err != nil:
		return inputErr(q, statReason(err))
	case st.IsDir():
		return skipped(q, "symbolic link to a folder, not followed")
	case !st.Mode().IsRegular():
		return skipped(q, notRegular(st.Mode()))
	}
	return nil
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

// file reads one file and yields its documents. found is true for a file met while walking a folder or
// expanding a glob: binary content that no format reads is then skipped, not failed.
func (s *files) file(ctx context.Context, p string, found bool, yield yieldFunc) bool {
	f, err := openCtx(ctx, p)
	if err != nil {
		if ctx.Err() != nil {
			return yield(nil, ctx.Err())
		}
		return yield(nil, inputErr(p, statReason(err)))
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return s.read(ctx, p, p, f, size, found, yield)
}

// read yields the documents of one input read from r: a format with Stream (WARC) reads it as it goes;
// any other input is read whole, up to MaxSize. size is the input's size when known, else -1.
func (s *files) read(ctx context.Context, uri, name string, r io.Reader, size int64, found bool, yield yieldFunc) bool {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(nil, inputErr(uri, fmt.Errorf("read: %w", statReason(err))))
	}
	if len(bytes.TrimSpace(head)) > 0 {
		if f := streamFormat(name, head); f != nil {
			for doc, err := range f.Stream(ctx, uri, br) {
				if !yield(doc, err) {
					return false
				}
			}
			if err := ctx.Err(); err != nil { // the stream stopped early
				yield(nil, err)
				return false
			}
			return true
		}
	}
	if size > MaxSize {
		return yield(nil, inputErr(uri, fmt.Errorf("%w: %d bytes, the limit is %d (source.MaxSize)", ErrTooLarge, size, MaxSize)))
	}
	b, err := readLimitedSize(br, size)
	if err != nil {
		return yield(nil, inputErr(uri, err))
	}
	if found {
		f, err := Sniff(name, b)
		switch {
		case errors.Is(err, ErrBinary) && !claimedExt(name):
			return yield(nil, skipped(uri, err.Error()))
		case err == nil && f.Name == "feed" && strings.EqualFold(filepath.Ext(name), ".xml") && !sniffFeed(b[:min(len(b), sniffLen)]):
			return yield(nil, skipped(uri, "XML file that is not a feed"))
		}
	}
	return emit(uri, name, b, yield)
}

// readLimited reads at most MaxSize bytes and fails when there are more.
func readLimited(r io.Reader) ([]byte, error) { return readLimitedSize(r, 0) }

// readLimitedSize is readLimited for an input whose size is known (0: unknown): the buffer is allocated
// once at that size, where io.ReadAll would grow it by copies to about twice the size of a large file.
func readLimitedSize(r io.Reader, size int64) ([]byte, error) {
	if size <= 0 || size > MaxSize {
		b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		if int64(len(b)) > MaxSize {
			return nil, fmt.Errorf("%w: more than %d bytes (source.MaxSize)", ErrTooLarge, MaxSize)
		}
		return b, nil
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead) // a file that grew meanwhile is still read whole, up to MaxSize
	_, err := buf.ReadFrom(io.LimitReader(r, MaxSize+1))
	b := buf.Bytes()
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
