package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/packs"
)

// Rule kinds of boilerplate files.
const (
	kindDrop     = "drop"     // the line is removed
	kindCut      = "cut"      // the line and everything after it are removed
	kindCredit   = "credit"   // the line credits a source ("Source: URL"); it is kept
	kindStrip    = "strip"    // the matched text is removed from inside lines
	kindDate     = "date"     // a header at the start of the text whose group 1 is the publication date; removed
	kindLabel    = "label"    // an upper-case word that opens a paragraph like a dateline but is no place
	kindDateline = "dateline" // a dateline of a shape the built-in ones miss; groups place and agency
	kindByline   = "byline"   // words that open a timestamp line ("Published", "Publié le")
)

// maxPhraseLine is the longest line, in bytes, that phrase rules look at: noise lines are short, and folding
// long paragraphs would cost time for nothing.
const maxPhraseLine = 300

// rule is one line of a boilerplate file.
type rule struct {
	kind   string
	phrase string         // normalized phrase without wildcards, for exact lookups
	prefix string         // normalized literal text before the first wildcard
	re     *regexp.Regexp // wildcard phrases (over the normalized line) and re: rules (over the raw line)
	raw    bool           // re applies to the line as written
	where  string         // file:line, for "which rule fired"
}

// cleaner holds every boilerplate rule of every language: noise of one language often shows up in pages of
// another (a Vietnamese follow-us prompt under an English article).
type cleaner struct {
	exact     map[string]*rule // normalized line -> drop/cut rule
	wild      []*rule          // phrases with wildcards
	raw       []*rule          // re: drop/cut rules
	strips    []*rule
	dates     []*rule
	datelines []*rule
	bylines   [][]string       // normalized words of byline labels, longest first
	credits   map[string]*rule // normalized credit word ("bron") -> rule
	labels    map[string]bool  // normalized labels ("breaking", "update") that are not datelines
}

const (
	wildAny = '\uE000' // "*" in a phrase
	wildNum = '\uE001' // "{n}" in a phrase
)

// normalize folds a line for phrase matching: lower case, no diacritics, inner spaces collapsed, spaces and
// punctuation trimmed at both ends.
func normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		s = strings.ToLower(s)
	} else {
		s = fold(s)
	}
	s = strings.TrimFunc(s, trimmable)
	// (ContainsAny would look each rune of s up in its set: a tenth of extract's own time)
	if strings.Contains(s, "  ") || strings.IndexByte(s, '\t') >= 0 || strings.Contains(s, "\u00a0") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// loadCleaner reads <lang>/boilerplate of every language and extract/boilerplate. It returns every problem.
func loadCleaner(s *packs.Set) (*cleaner, []error) {
	c := &cleaner{exact: map[string]*rule{}, credits: map[string]*rule{}, labels: map[string]bool{}}
	var errs []error
	files, err := s.Glob("*/boilerplate")
	if err != nil {
		return nil, []error{fmt.Errorf("boilerplate files: %w", err)}
	}
	for _, f := range files {
		for l := range f.Lines() {
			if err := c.add(l); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return c, errs
}

func (c *cleaner) add(l packs.Line) error {
	if len(l.Fields) < 2 {
		return l.Errorf("want KIND | PATTERN, got %q", l.Text)
	}
	kind := l.Fields[0]
	pat := strings.Join(l.Fields[1:], "|") // a regular expression may hold '|'
	if pat == "" {
		return l.Errorf("empty pattern")
	}
	r := &rule{kind: kind, where: fmt.Sprintf("%s:%d", l.File, l.N)}
	if re, ok := strings.CutPrefix(pat, "re:"); ok {
		x, err := regexp.Compile(strings.TrimSpace(re))
		if err != nil {
			return l.Errorf("bad regular expression: %w", err)
		}
		r.re, r.raw = x, true
	}
	switch kind {
	case kindDrop, kindCut:
		if r.raw {
			c.raw = append(c.raw, r)
			return nil
		}
		return c.addPhrase(l, r, pat)
	case kindStrip:
		if !r.raw {
			return l.Errorf("strip needs a re: pattern")
		}
		c.strips = append(c.strips, r)
	case kindDate:
		if !r.raw || r.re.NumSubexp() < 1 {
			return l.Errorf("date needs a re: pattern with a group that holds the date")
		}
		c.dates = append(c.dates, r)
	case kindDateline:
		if !r.raw || r.re.SubexpIndex("place") < 0 {
			return l.Errorf("dateline needs a re: pattern with a group (?P<place>...)")
		}
		c.datelines = append(c.datelines, r)
	case kindByline:
		w := strings.Fields(normalize(pat))
		if r.raw || len(w) == 0 || strings.ContainsAny(pat, "*{") {
			return l.Errorf("byline takes plain words, got %q", pat)
		}
		c.bylines = append(c.bylines, w)
		sort.Slice(c.bylines, func(i, j int) bool { return len(c.bylines[i]) > len(c.bylines[j]) })
	case kindLabel:
		w := normalize(pat)
		if r.raw || w == "" || strings.ContainsAny(pat, "*{") {
			return l.Errorf("label takes a plain word, got %q", pat)
		}
		c.labels[w] = true
	case kindCredit:
		if r.raw {
			return l.Errorf("credit takes a word or phrase, not a re: pattern")
		}
		w := normalize(pat)
		if w == "" || strings.ContainsAny(pat, "*{") {
			return l.Errorf("credit needs a plain word, got %q", pat)
		}
		r.phrase = w
		c.credits[w] = r
	default:
		return l.Errorf("unknown kind %q (want drop, cut, credit, label, byline, dateline, strip or date)", kind)
	}
	return nil
}

// addPhrase compiles a phrase with "*" and "{n}" wildcards.
func (c *cleaner) addPhrase(l packs.Line, r *rule, pat string) error {
	p := strings.ReplaceAll(strings.ReplaceAll(pat, "{n}", string(wildNum)), "*", string(wildAny))
	p = normalize(p)
	if p == "" {
		return l.Errorf("phrase %q has no letters", pat)
	}
	i := strings.IndexAny(p, string(wildAny)+string(wildNum))
	if i < 0 {
		if old, dup := c.exact[p]; dup && old.kind != r.kind {
			return l.Errorf("phrase %q is already a %s rule at %s", pat, old.kind, old.where)
		}
		r.phrase = p
		c.exact[p] = r
		return nil
	}
	var b strings.Builder
	b.WriteString("^")
	for _, ch := range p {
		switch ch {
		case wildAny:
			b.WriteString(".*")
		case wildNum:
			b.WriteString(`[0-9][0-9.,]*`)
		default:
			b.WriteString(regexp.QuoteMeta(string(ch)))
		}
	}
	b.WriteString("$")
	x, err := regexp.Compile(b.String())
	if err != nil {
		return l.Errorf("phrase %q: %w", pat, err)
	}
	r.re, r.prefix = x, p[:i]
	c.wild = append(c.wild, r)
	return nil
}

// match returns the drop or cut rule that matches a line (trimmed, not empty), or nil. n is normalize(line)
// for lines up to maxPhraseLine bytes, "" for longer ones.
func (c *cleaner) match(line, n string) *rule {
	if n != "" {
		if r := c.exact[n]; r != nil {
			return r
		}
		for _, r := range c.wild {
			if strings.HasPrefix(n, r.prefix) && r.re.MatchString(n) {
				return r
			}
		}
	}
	for _, r := range c.raw {
		if r.re.MatchString(line) {
			return r
		}
	}
	return nil
}

// strip removes the strip rules' matches from a line.
func (c *cleaner) strip(line string) string {
	for _, r := range c.strips {
		if r.re.MatchString(line) {
			line = strings.TrimSpace(r.re.ReplaceAllString(line, ""))
		}
	}
	return line
}

// credit reports whether a line starts with a credit word ("Bron: https://...", "Theo VOV") and returns what
// follows it; colon tells whether a colon came after the word (without one, the caller should accept only
// a known agency or a URL).
func (c *cleaner) credit(line string) (rest string, colon, ok bool) {
	if i := firstColon(line); i > 0 && i <= 40 && c.credits[normalize(line[:i])] != nil {
		_, n := utf8.DecodeRuneInString(line[i:])
		return strings.TrimSpace(line[i+n:]), true, true
	}
	if i := strings.IndexByte(line, ' '); i > 0 && i <= 40 && c.credits[normalize(line[:i])] != nil {
		return strings.TrimSpace(line[i+1:]), false, true
	}
	return "", false, false
}

// firstColon is strings.IndexAny(line, ":：") where that is at most 40, else -1 or an index above 40: only the
// first 43 bytes are searched (a credit word is short; IndexAny would read a long paragraph rune by rune).
func firstColon(line string) int {
	head := line[:min(len(line), 40+len("："))]
	i, j := strings.IndexByte(head, ':'), strings.Index(head, "：")
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// headerDate removes a date header from the start of s and returns the date it states.
func (c *cleaner) headerDate(s string) (rest, date string) {
	for _, r := range c.dates {
		if m := r.re.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && m[2] >= 0 {
			return s[m[1]:], s[m[2]:m[3]]
		}
	}
	return s, ""
}

// clean removes noise lines and returns the lines kept and the tail a cut rule removed (where a signature or
// a credit line may still be found). lines are trimmed; empty strings mark paragraph breaks and are kept. A
// cut rule only applies once some body text is kept above it, so a page that starts with "Related" keeps
// its text. clean reuses the array of lines.
func (c *cleaner) clean(lines []string) (kept, tail []string) {
	out := lines[:0]
	seen := make(map[string]bool, len(lines))
	body := 0
	for i, l := range lines {
		if l == "" {
			out = append(out, l)
			continue
		}
		if len(c.strips) > 0 {
			if l = c.strip(l); l == "" {
				continue
			}
		}
		n, key := "", l
		if len(l) <= maxPhraseLine {
			n = normalize(l)
			key = n
		}
		if r := c.match(l, n); r != nil {
			if r.kind == kindCut && body >= minBodyBeforeCut {
				return out, lines[i+1:] // out only ever holds lines[:i]
			}
			continue
		}
		if seen[key] {
			continue // a duplicated line: teasers, repeated captions
		}
		seen[key] = true
		body += len(l)
		out = append(out, l)
	}
	return out, nil
}

// minBodyBeforeCut is how much text, in bytes, must be kept before a cut rule may end the article.
const minBodyBeforeCut = 100

// bylineLabel returns the number of words of the byline label that opens p ("Publié le 19/02/2025"), or 0.
func (c *cleaner) bylineLabel(p string) int {
	if len(c.bylines) == 0 {
		return 0
	}
	words := strings.Fields(p)
	for _, lw := range c.bylines {
		if len(lw) >= len(words) {
			continue
		}
		ok := true
		for i, w := range lw {
			if normalize(words[i]) != w {
				ok = false
				break
			}
		}
		if ok {
			return len(lw)
		}
	}
	return 0
}
