// Package packs holds dyad's language knowledge as data files, embedded in the binary, and the loader that
// merges them with users' own dictionaries.
//
// The layout under data/ (and under any user directory given with --dict) is one folder per language,
// named by its ISO 639-1 code (en/, fr/, nl/ ...), holding files such as boilerplate, dates, sentences,
// agents, demonyms, verbs and speech, and language-independent folders: actors/ and cameo/. A user file
// with the same path as an embedded one extends it: its lines are read after the embedded ones.
//
// All files share one line syntax: UTF-8 text, blank lines and lines starting with '#' ignored, fields
// separated by '|' with the spaces around them trimmed. What the fields mean is up to each file; the
// package that reads a file documents it and registers a checker for `dyad dict check`.
package packs

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data
var embedded embed.FS

// thirdParty holds the dictionaries converted from other projects' open data (PETRARCH2's Phoenix
// dictionaries, UniversalPetrarch's Spanish ones), with their licenses and NOTICE beside them. It has the
// layout of data/ and is a layer of its own, read after ours, so that it can be turned off and measured apart.
//
//go:embed thirdparty
var thirdParty embed.FS

// ThirdPartyEnv is the environment variable that turns the third-party layer off when set to "off", "0" or
// "false" (the CLI's --third-party=false does the same).
const ThirdPartyEnv = "DYAD_THIRD_PARTY"

// File is one data file's content and the name to show in errors.
type File struct {
	Path string // path inside the pack, e.g. "en/verbs"
	Name string // what errors name: "packs/data/en/verbs" or the user's file path
	Data []byte
	// Layer is the file's layer in its set: 0 for our own data, then the third-party layer (when on) and
	// the user's directories, in the order they are read. Readers that let an earlier layer win use it.
	Layer int
}

// Set is the embedded packs plus any user directories, in that order.
type Set struct {
	layers []layer
}

type layer struct {
	fsys fs.FS
	name func(p string) string
}

// Default returns the embedded packs: ours, then the third-party layer unless ThirdPartyEnv turns it off.
func Default() *Set { return Embedded(ThirdPartyDefault()) }

// Embedded returns our embedded packs, followed by the third-party layer when thirdParty is true.
func Embedded(thirdParty bool) *Set {
	sub, _ := fs.Sub(embedded, "data")
	s := &Set{layers: []layer{{fsys: sub, name: func(p string) string { return "packs/data/" + p }}}}
	if thirdParty {
		s.layers = append(s.layers, ThirdPartyLayer().layers...)
	}
	return s
}

// ThirdPartyLayer returns the third-party layer alone (for measuring it, or checking it).
func ThirdPartyLayer() *Set {
	tp, _ := fs.Sub(thirdParty, "thirdparty")
	return &Set{layers: []layer{{fsys: tp, name: func(p string) string { return "packs/thirdparty/" + p }}}}
}

// ThirdPartyDefault reports whether the third-party layer is on by default: it is, unless ThirdPartyEnv
// says "off", "0", "false" or "no".
func ThirdPartyDefault() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(ThirdPartyEnv))) {
	case "off", "0", "false", "no":
		return false
	}
	return true
}

// Load returns the embedded packs (Default) extended by each of dirs. It fails when a directory cannot be read.
func Load(dirs ...string) (*Set, error) { return LoadWith(ThirdPartyDefault(), dirs...) }

// LoadWith is Load with the third-party layer on or off.
func LoadWith(thirdParty bool, dirs ...string) (*Set, error) {
	s := Embedded(thirdParty)
	for _, d := range dirs {
		if d == "" {
			continue
		}
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", d, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("dictionary %s: not a directory", d)
		}
		s.layers = append(s.layers, dirLayer(d))
	}
	return s, nil
}

// WholePack reports whether directory dir holds a whole pack: every top-level folder and file of our embedded
// packs (the directory they are built from, packs/data, or a copy of it). Merged over the embedded packs, such
// a directory would define everything twice; `dyad dict check` reads it in their place (Replacing).
func WholePack(dir string) bool {
	sub, _ := fs.Sub(embedded, "data")
	top, err := fs.ReadDir(sub, ".")
	if err != nil || len(top) == 0 {
		return false
	}
	for _, e := range top {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil || st.IsDir() != e.IsDir() {
			return false
		}
	}
	return true
}

// Replacing returns directory dir in place of our embedded packs, followed by the third-party layer when
// thirdParty is true: a whole pack (WholePack) checked as the binary would embed it.
func Replacing(thirdParty bool, dir string) *Set {
	s := &Set{layers: []layer{dirLayer(dir)}}
	if thirdParty {
		s.layers = append(s.layers, ThirdPartyLayer().layers...)
	}
	return s
}

// Dir returns a set of one user directory alone, without the embedded packs (for `dyad dict check DIR`).
func Dir(dir string) *Set { return &Set{layers: []layer{dirLayer(dir)}} }

func dirLayer(d string) layer {
	return layer{fsys: os.DirFS(d), name: func(p string) string { return filepath.Join(d, filepath.FromSlash(p)) }}
}

// Files returns every layer's file at path p (such as "en/verbs"), embedded first. Missing files are skipped.
func (s *Set) Files(p string) ([]File, error) {
	var out []File
	for k, l := range s.layers {
		b, err := fs.ReadFile(l.fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.name(p), err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", l.name(p), invalidLine(b))
		}
		out = append(out, File{Path: p, Name: l.name(p), Data: b, Layer: k})
	}
	return out, nil
}

// Glob returns the files of every layer whose path matches pattern (path.Match syntax, e.g. "*/verbs" or
// "actors/*"), sorted by path, embedded first for the same path.
func (s *Set) Glob(pattern string) ([]File, error) {
	seen := map[string]bool{}
	var paths []string
	for _, l := range s.layers {
		m, err := fs.Glob(l.fsys, pattern)
		if err != nil {
			return nil, err
		}
		for _, p := range m {
			if st, err := fs.Stat(l.fsys, p); err == nil && !st.IsDir() && !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	sort.Strings(paths)
	var out []File
	for _, p := range paths {
		f, err := s.Files(p)
		if err != nil {
			return nil, err
		}
		out = append(out, f...)
	}
	return out, nil
}

// Langs returns the language codes that have a folder in any layer, sorted.
func (s *Set) Langs() []string {
	seen := map[string]bool{}
	for _, l := range s.layers {
		ents, _ := fs.ReadDir(l.fsys, ".")
		for _, e := range ents {
			if e.IsDir() && isLangCode(e.Name()) {
				seen[e.Name()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func isLangCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	return s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// Line is one non-blank, non-comment line of a data file.
type Line struct {
	File   string // the file's display name
	N      int    // 1-based line number
	Text   string // the whole line, trimmed
	Fields []string
}

// Errorf returns an error that names the line's file and number.
func (l Line) Errorf(format string, args ...any) error {
	return &Error{File: l.File, Line: l.N, Err: fmt.Errorf(format, args...)}
}

// Lines iterates over a file's lines, splitting each on '|'.
func (f File) Lines() iter.Seq[Line] {
	return func(yield func(Line) bool) {
		n := 0
		for raw := range strings.Lines(string(f.Data)) {
			n++
			t := strings.TrimSpace(raw)
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			parts := strings.Split(t, "|")
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			if !yield(Line{File: f.Name, N: n, Text: t, Fields: parts}) {
				return
			}
		}
	}
}

// Error is a data file error at a line.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}
func (e *Error) Unwrap() error { return e.Err }

// A Checker validates the data files it knows in a Set and returns every problem found.
type Checker func(s *Set) []error

var (
	checkMu  sync.Mutex
	checkers = map[string]Checker{}
)

// RegisterChecker adds a named checker run by Check. Packages that read pack files register one in init.
func RegisterChecker(name string, c Checker) {
	checkMu.Lock()
	defer checkMu.Unlock()
	checkers[name] = c
}

// Check runs every registered checker over s and returns all problems, sorted by checker name.
func Check(s *Set) []error {
	checkMu.Lock()
	names := make([]string, 0, len(checkers))
	for n := range checkers {
		names = append(names, n)
	}
	checkMu.Unlock()
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		errs = append(errs, checkers[n](s)...)
	}
	return errs
}

// Join is path.Join, for building pack paths such as Join(lang, "verbs").
func Join(elem ...string) string { return path.Join(elem...) }

// invalidLine returns the number of the first line of b that is not valid UTF-8 (1-based).
func invalidLine(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[n:]
	}
	return line
}
