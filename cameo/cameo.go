// Package cameo holds the CAMEO event codebook (every code of CAMEO 1.1b3 with its name, root, quad class and
// Goldstein weight) and the map from CAMEO codes to PLOVER event types, both read from the packs' cameo/
// folder: cameo/codebook and cameo/plover. Their line formats are described at the top of each file.
package cameo

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/packs"
)

// Paths of the data files inside a pack set.
const (
	CodebookPath = "cameo/codebook"
	PloverPath   = "cameo/plover"
)

// Quad classes of CAMEO roots.
const (
	VerbalCooperation   = 1 // roots 01-05
	MaterialCooperation = 2 // roots 06-08
	VerbalConflict      = 3 // roots 09-13
	MaterialConflict    = 4 // roots 14-20
)

// Code is one CAMEO event code.
type Code struct {
	Code      string  `json:"code"`       // "042"
	Name      string  `json:"name"`       // "Make a visit"
	Root      string  `json:"root"`       // "04"
	QuadClass int     `json:"quad_class"` // 1-4
	Goldstein float64 `json:"goldstein"`  // -10..10
	Plover    string  `json:"plover"`     // PLOVER event type, "" when none
}

// PloverType is a PLOVER event type and its description.
type PloverType struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Codebook is the loaded CAMEO codebook with the PLOVER map applied.
type Codebook struct {
	codes  map[string]Code
	order  []string
	plover []PloverType
}

func init() {
	packs.RegisterChecker("cameo", func(s *packs.Set) []error {
		_, errs := load(s)
		return errs
	})
}

// Load reads cameo/codebook and cameo/plover from p and validates them: codes are 2-4 digits under a root
// 01-20, every code's parent is defined, names are present, weights lie in [-10, 10], every PLOVER prefix is a
// known code and every PLOVER type is defined. Errors name file:line; all problems found are joined.
func Load(p *packs.Set) (*Codebook, error) {
	cb, errs := load(p)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return cb, nil
}

// MustDefault loads the codebook of the embedded packs. It is meant for tests and tools whose embedded data
// is checked by this package's own tests; it panics only if that data is broken.
func MustDefault() *Codebook {
	cb, err := Load(packs.Default())
	if err != nil {
		panic(fmt.Sprintf("cameo: embedded codebook: %v", err))
	}
	return cb
}

func load(p *packs.Set) (*Codebook, []error) {
	cb := &Codebook{codes: map[string]Code{}}
	var errs []error
	files, err := p.Files(CodebookPath)
	if err != nil {
		return nil, []error{fmt.Errorf("cameo codebook: %w", err)}
	}
	if len(files) == 0 {
		errs = append(errs, &packs.Error{File: CodebookPath, Err: errors.New("missing codebook file")})
	}
	for _, f := range files {
		for l := range f.Lines() {
			if err := cb.addCode(l); err != nil {
				errs = append(errs, err)
			}
		}
	}
	pfiles, err := p.Files(PloverPath)
	if err != nil {
		return nil, append(errs, fmt.Errorf("cameo plover map: %w", err))
	}
	prefixes := map[string]string{}
	types := map[string]bool{}
	for _, f := range pfiles {
		for l := range f.Lines() {
			if err := cb.addPlover(l, types, prefixes); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for code, c := range cb.codes {
		c.Plover = LongestPrefix(prefixes, code)
		cb.codes[code] = c
	}
	sort.Strings(cb.order)
	return cb, errs
}

func (cb *Codebook) addCode(l packs.Line) error {
	if len(l.Fields) != 3 {
		return l.Errorf("want 3 fields (code | name | goldstein), got %d", len(l.Fields))
	}
	code, name, w := l.Fields[0], l.Fields[1], l.Fields[2]
	if err := checkSyntax(code); err != nil {
		return l.Errorf("code %q: %w", code, err)
	}
	if name == "" {
		return l.Errorf("code %s: empty name", code)
	}
	g, err := strconv.ParseFloat(w, 64)
	if err != nil || math.IsNaN(g) {
		return l.Errorf("code %s: Goldstein weight %q is not a number", code, w)
	}
	if g < -10 || g > 10 {
		return l.Errorf("code %s: Goldstein weight %v outside [-10, 10]", code, g)
	}
	if len(code) > 2 {
		parent := code[:len(code)-1]
		if _, ok := cb.codes[parent]; !ok {
			return l.Errorf("code %s: parent %s is not defined above it", code, parent)
		}
	}
	if _, dup := cb.codes[code]; dup {
		return l.Errorf("code %s defined twice", code)
	}
	root := code[:2]
	cb.codes[code] = Code{Code: code, Name: name, Root: root, QuadClass: quadOf(root), Goldstein: g}
	cb.order = append(cb.order, code)
	return nil
}

func (cb *Codebook) addPlover(l packs.Line, types map[string]bool, prefixes map[string]string) error {
	if len(l.Fields) != 2 {
		return l.Errorf("want 2 fields (TYPE | description, or prefix | TYPE), got %d", len(l.Fields))
	}
	a, b := l.Fields[0], l.Fields[1]
	if isTypeName(a) {
		if b == "" {
			return l.Errorf("PLOVER type %s: empty description", a)
		}
		if types[a] {
			return l.Errorf("PLOVER type %s defined twice", a)
		}
		types[a] = true
		cb.plover = append(cb.plover, PloverType{Name: a, Description: b})
		return nil
	}
	if _, ok := cb.codes[a]; !ok {
		return l.Errorf("prefix %q is not a code of the codebook", a)
	}
	if b != "-" && !types[b] {
		return l.Errorf("prefix %s: PLOVER type %q is not defined above", a, b)
	}
	if _, dup := prefixes[a]; dup {
		return l.Errorf("prefix %s mapped twice", a)
	}
	if b == "-" {
		b = ""
	}
	prefixes[a] = b
	return nil
}

// LongestPrefix returns the value of the longest key of prefixes (2 digits or more) that begins code, "" when
// none does: the rule of every table of the packs keyed by a code or a prefix of one.
func LongestPrefix(prefixes map[string]string, code string) string {
	for n := len(code); n >= 2; n-- {
		if t, ok := prefixes[code[:n]]; ok {
			return t
		}
	}
	return ""
}

func isTypeName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// checkSyntax says why s is not a CAMEO event code: 2-4 digits whose first two form a root 01-20.
func checkSyntax(s string) error {
	if len(s) < 2 || len(s) > 4 {
		return errors.New("want 2 to 4 digits")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return errors.New("not all digits")
		}
	}
	if quadOf(s[:2]) == 0 {
		return fmt.Errorf("root %s is not 01-20", s[:2])
	}
	return nil
}

// ValidSyntax reports whether s has the form of a CAMEO event code (2-4 digits under a root 01-20), whether
// or not the codebook defines it.
func ValidSyntax(s string) bool { return checkSyntax(s) == nil }

// Root returns the two-digit root of a code ("0421" -> "04"), or "" when s is too short.
func Root(s string) string {
	if len(s) < 2 {
		return ""
	}
	return s[:2]
}

// QuadClass returns the quad class (1-4) of a code's root, or 0 when the root is not 01-20.
func QuadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	return quadOf(code[:2])
}

func quadOf(root string) int {
	n, err := strconv.Atoi(root)
	if err != nil || len(root) != 2 {
		return 0
	}
	switch {
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 8:
		return MaterialCooperation
	case n >= 9 && n <= 13:
		return VerbalConflict
	case n >= 14 && n <= 20:
		return MaterialConflict
	}
	return 0
}

// Lookup returns the code's entry; ok is false when the codebook does not define it.
func (c *Codebook) Lookup(code string) (Code, bool) {
	e, ok := c.codes[strings.TrimSpace(code)]
	return e, ok
}

// All returns every code, sorted by code (roots before their subcodes).
func (c *Codebook) All() []Code {
	out := make([]Code, 0, len(c.order))
	for _, k := range c.order {
		out = append(out, c.codes[k])
	}
	return out
}

// PloverTypes returns the PLOVER event types in the order the map file defines them.
func (c *Codebook) PloverTypes() []PloverType {
	return append([]PloverType(nil), c.plover...)
}
