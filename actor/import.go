package actor

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// Import formats.
const (
	FormatPetrarchActors   = "petrarch-actors"
	FormatPetrarchAgents   = "petrarch-agents"
	FormatPetrarchDiscards = "petrarch-discards"
)

// ImportOptions tell the importer what it needs to know of our own data. DefaultImportOptions reads it from
// the embedded packs.
type ImportOptions struct {
	// Source names the input in problems and in the output's header.
	Source string
	// Codes maps the CAMEO codes that may open an actor code to what they are: a country's CAMEO code to
	// its alpha-3 code, and the codes of actors/codes. With Codes nil, any three letters are accepted and
	// taken as an alpha-3 code.
	Codes map[string]CodeInfo
	// Screen maps folded names that must not become actor names to the reason (a stop word of one of our
	// languages, a news agency's name).
	Screen map[string]string
	// MaxLine is the longest line read (in bytes); a longer one is a problem. Default 64 KiB.
	MaxLine int
	// Lang is the language of an agents dictionary, for the regular plurals PETRARCH makes ("en", "es").
	Lang string
	// Sectors, when not empty, screens an agents dictionary to the lines whose sector opens with one of
	// these codes (the state and group sectors the coder uses: GOV, MIL, COP, ...).
	Sectors []string
	// PluralOnly screens an agents dictionary's forms to those whose head noun is plural: "soldiers",
	// "riot police officers" are groups in news, while a singular is more often a bare noun of a person ("a
	// scholar") or a thing ("an aircraft carrier") than an actor.
	PluralOnly bool
}

// CodeInfo is what a CAMEO code that opens an actor code stands for.
type CodeInfo struct {
	Kind    string // country, international, regional, historical, variant or sector
	Country string // the alpha-3 code of a country or of a variant
}

// ImportReport is what an import wrote and every line it could not read or chose to leave out.
type ImportReport struct {
	Problems []error // lines that could not be read (file:line: reason); their content is not converted
	Screened []error // names, codes and entries left out on purpose (file:line: reason)
	Entries  int     // actors, agent lines or discard phrases written
	Names    int     // names and forms written
	Roles    int     // dated roles written
}

// Import reads a dictionary in a PETRARCH/TABARI/Phoenix format and writes it in ours, with the options of
// DefaultImportOptions: see ImportWith. The error joins every problem (each naming its line); whatever could
// be read is written all the same.
func Import(r io.Reader, format string, w io.Writer) error {
	rep, err := ImportWith(r, format, w, DefaultImportOptions())
	if err != nil {
		return err
	}
	return errors.Join(rep.Problems...)
}

// DefaultImportOptions reads the country codes, the CAMEO codes of actors/codes, the stop words of every
// language and the news agencies' names from our embedded packs (the third-party layer left out).
func DefaultImportOptions() ImportOptions {
	defaultOptsOnce.Do(func() { defaultOpts, _ = ImportOptionsFrom(packs.Embedded(false)) })
	return defaultOpts // the maps are only read
}

var (
	defaultOptsOnce sync.Once
	defaultOpts     ImportOptions
)

// ImportOptionsFrom reads the options from a set of packs: actors/countries and actors/codes for the codes,
// <lang>/stopwords and extract/agencies for the names to screen.
func ImportOptionsFrom(s *packs.Set) (ImportOptions, error) {
	o := ImportOptions{Codes: map[string]CodeInfo{}, Screen: map[string]string{}}
	var errs []error
	glob := func(p string) []packs.File {
		f, err := s.Glob(p)
		if err != nil {
			errs = append(errs, err)
		}
		return f
	}
	for _, f := range glob("actors/countries") {
		for l := range f.Lines() {
			if len(l.Fields) < 3 {
				continue
			}
			// a territory coded as another country (GLP | GP | FRA) never takes that country's code; its own
			// alpha-3 still reads as itself (Phoenix's "GLPREB")
			if ci, ok := o.Codes[l.Fields[2]]; !ok || ci.Country != l.Fields[2] {
				o.Codes[l.Fields[2]] = CodeInfo{Kind: "country", Country: l.Fields[0]}
			}
			if _, ok := o.Codes[l.Fields[0]]; !ok {
				o.Codes[l.Fields[0]] = CodeInfo{Kind: "country", Country: l.Fields[0]}
			}
		}
	}
	for _, f := range glob("actors/codes") {
		for l := range f.Lines() {
			if len(l.Fields) < 3 {
				errs = append(errs, l.Errorf("want code | kind | alpha-3 | name"))
				continue
			}
			o.Codes[l.Fields[0]] = CodeInfo{Kind: l.Fields[1], Country: l.Fields[2]}
		}
	}
	// the same screening lists as the alias check (guard.go): stop words of every language, agency names
	rw := loadRiskWords(glob("*/stopwords"), glob("extract/agencies"))
	for w, langs := range rw.common {
		if w != "" {
			o.Screen[w] = "a stop word of " + langs[0]
		}
	}
	for w := range rw.agency {
		if w != "" {
			o.Screen[w] = "a news agency's name"
		}
	}
	return o, errors.Join(errs...)
}

// ImportWith reads a dictionary in a PETRARCH/TABARI/Phoenix format and writes it in ours:
//
//   - "petrarch-actors": NAME_ [CODE] entries with +SYNONYM lines, codes on their own indented lines and
//     date-bounded codes ([CHNGOV 130316-221230], [USAELI >170120], [VNMGOV <110803], two- or eight-digit
//     years) become an actors/ file: an actor line per entry and a role line per dated code.
//   - "petrarch-agents": TITLE_ {PLURAL} [~GOV] lines and !SET! = A, B substitution sets become an agents file.
//   - "petrarch-discards": phrases that void a sentence (+ for a whole story) become a discards file.
//
// Every line that cannot be read is a problem of the report (file:line: reason) and the rest is converted;
// names screened out by the options' rules are listed in the report too. The error is for a failed write or
// an unknown format only.
func ImportWith(r io.Reader, format string, w io.Writer, o ImportOptions) (*ImportReport, error) {
	if o.MaxLine <= 0 {
		o.MaxLine = 64 << 10
	}
	if o.Source == "" {
		o.Source = "input"
	}
	im := &importer{o: o, rep: &ImportReport{}}
	var err error
	switch format {
	case FormatPetrarchActors:
		err = im.actors(r, w)
	case FormatPetrarchAgents:
		err = im.agents(r, w)
	case FormatPetrarchDiscards:
		err = im.discards(r, w)
	default:
		return nil, fmt.Errorf("import: unknown format %q (want %s, %s or %s)", format,
			FormatPetrarchActors, FormatPetrarchAgents, FormatPetrarchDiscards)
	}
	return im.rep, err
}

type importer struct {
	o   ImportOptions
	rep *ImportReport
}

func (im *importer) problem(n int, format string, args ...any) {
	im.rep.Problems = append(im.rep.Problems, &packs.Error{File: im.o.Source, Line: n, Err: fmt.Errorf(format, args...)})
}

func (im *importer) screen(n int, format string, args ...any) {
	im.rep.Screened = append(im.rep.Screened, &packs.Error{File: im.o.Source, Line: n, Err: fmt.Errorf(format, args...)})
}

// lines calls fn with each readable line of r and its number, comments cut off. Lines that are too long,
// not UTF-8 or hold control characters (a binary file) are problems: bad, when not nil, is told of them.
func (im *importer) lines(r io.Reader, fn func(n int, line string), bad func(n int)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for {
		raw, tooLong, err := readLine(br, im.o.MaxLine)
		if len(raw) == 0 && !tooLong && err != nil {
			if err == io.EOF {
				return nil
			}
			return fmt.Errorf("%s: line %d: %w", im.o.Source, n+1, err)
		}
		n++
		why := ""
		switch {
		case tooLong:
			why = fmt.Sprintf("line longer than %d bytes", im.o.MaxLine)
		case !utf8.Valid(raw):
			why = "not UTF-8 text"
		case bytes.ContainsFunc(raw, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }):
			why = "control characters (a binary file, or a character lost)"
		}
		if why != "" {
			im.problem(n, "%s", why)
			if bad != nil {
				bad(n)
			}
		} else {
			s := string(raw)
			if k := strings.IndexByte(s, '#'); k >= 0 {
				s = s[:k]
			}
			if strings.TrimSpace(s) != "" {
				fn(n, s)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", im.o.Source, n, err)
		}
	}
}

// readLine returns the next line without its end (\n or \r\n); a line longer than max is skipped to its end
// and reported as too long.
func readLine(br *bufio.Reader, max int) ([]byte, bool, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if tooLong {
			return nil, true, err
		}
		return line, false, err
	}
}

// ---- actors ----

type petrarchCode struct {
	code     string
	from, to string
	line     int
}

type petrarchActor struct {
	line  int
	names []petrarchName
	codes []petrarchCode
}

type petrarchName struct {
	raw  string // as written, '_' between words
	line int
}

func (im *importer) actors(r io.Reader, w io.Writer) error {
	var entries []*petrarchActor
	var group []*petrarchActor // entries read since the last code line: the next codes are theirs
	coded := false
	void := 0 // the unreadable line whose synonyms and codes follow, if any
	err := im.lines(r, func(n int, line string) {
		t := strings.TrimSpace(line)
		name, codes, bracket := im.splitCodes(n, t)
		switch {
		case (strings.HasPrefix(t, "+") || strings.HasPrefix(t, "[")) && void > 0:
			im.screen(n, "a synonym or code of the unreadable line %d", void)
			return
		case strings.HasPrefix(t, "+"):
			if len(group) == 0 {
				im.problem(n, "synonym before any actor")
				return
			}
			cur := group[len(group)-1]
			for _, nm := range strings.Split(strings.TrimSpace(name[1:]), "+") {
				if strings.Trim(nm, "_ ") != "" {
					cur.names = append(cur.names, petrarchName{raw: nm, line: n})
				}
			}
		case strings.HasPrefix(t, "["):
			if len(group) == 0 {
				im.problem(n, "code before any actor")
				return
			}
		default:
			void = 0
			if coded {
				group, coded = nil, false
			}
			e := &petrarchActor{line: n}
			for _, nm := range strings.Split(name, "+") {
				if strings.Trim(nm, "_ ") != "" {
					e.names = append(e.names, petrarchName{raw: nm, line: n})
				}
			}
			if len(e.names) == 0 {
				im.problem(n, "no name")
				return
			}
			entries = append(entries, e)
			group = append(group, e)
		}
		if bracket {
			// codes, or [---] (no code): either way the names before them are done
			for _, e := range group {
				e.codes = append(e.codes, codes...)
			}
			coded = true
		}
	}, func(n int) {
		// A name line that cannot be read must not lend its codes to the actor before it.
		group, coded, void = nil, false, n
	})
	if err != nil {
		return err
	}
	return im.writeActors(entries, w)
}

// splitCodes splits "NAME_ [CODE date] [CODE]" into the name and its codes, and reports whether the line
// has a bracket at all; unreadable codes are problems.
func (im *importer) splitCodes(n int, s string) (string, []petrarchCode, bool) {
	name := s
	var codes []petrarchCode
	k := strings.IndexByte(s, '[')
	if k >= 0 {
		name = s[:k]
		rest := s[k:]
		for {
			rest = strings.TrimSpace(rest)
			if rest == "" {
				break
			}
			if rest[0] != '[' {
				break // text after the codes is a comment ("\tNewspapers/Magazines\t$137,000,000")
			}
			end := strings.IndexAny(rest, "]}")
			if end < 0 {
				im.problem(n, "unclosed [ in %q", clip(rest))
				break
			}
			if c, ok := im.parseCode(n, rest[1:end]); ok && c.code != "" {
				codes = append(codes, c)
			}
			rest = rest[end+1:]
		}
	}
	if k := strings.IndexByte(name, '{'); k >= 0 {
		name = name[:k]
	}
	return strings.TrimSpace(name), codes, k >= 0
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func (im *importer) parseCode(n int, s string) (petrarchCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || strings.Trim(f[0], "-~") == "" {
		return petrarchCode{}, true // [---]: no code
	}
	c := petrarchCode{code: strings.Trim(f[0], "~"), line: n}
	if k := strings.IndexFunc(c.code, func(r rune) bool { return r >= '0' && r <= '9' }); k > 0 && k%3 == 0 &&
		strings.Trim(c.code[k:], "0123456789") == "" {
		im.screen(n, "code %s: the number %s after it left out", c.code, c.code[k:])
		c.code = c.code[:k]
	}
	if !isUpper(c.code, 3, 15) || len(c.code)%3 != 0 {
		im.problem(n, "code %q: want CAMEO codes of three capital letters each (up to five)", clip(f[0]))
		return c, false
	}
	if im.o.Codes != nil {
		if _, ok := im.o.Codes[c.code[:3]]; !ok {
			im.problem(n, "code %q: %s is no country code of actors/countries nor a code of actors/codes", c.code, c.code[:3])
			return c, false
		}
	}
	if len(f) == 1 {
		return c, true
	}
	d := strings.Join(f[1:], "")
	var err error
	switch {
	case strings.HasPrefix(d, ">"):
		c.from, err = petrarchDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.to, err = petrarchDate(d[1:])
	default:
		from, to, ok := strings.Cut(d, "-")
		if !ok {
			im.problem(n, "date range %q: want YYMMDD-YYMMDD, >YYMMDD or <YYMMDD", clip(d))
			return c, false
		}
		if c.from, err = petrarchDate(from); err == nil {
			c.to, err = petrarchDate(to)
		}
		if err == nil && c.from > c.to {
			err = fmt.Errorf("date range %q: %s is after %s", d, c.from, c.to)
		}
	}
	if err != nil {
		im.problem(n, "code %s: %v", c.code, err)
		return c, false
	}
	return c, true
}

// petrarchDate turns YYMMDD or YYYYMMDD into YYYY-MM-DD. A two-digit year above 30 is 19xx: the Phoenix
// dictionaries were compiled in 2014-2018, and their people were born from the 1890s on.
func petrarchDate(s string) (string, error) {
	if len(s) != 6 && len(s) != 8 {
		return "", fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", clip(s))
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", clip(s))
		}
	}
	if len(s) == 6 {
		if y, _ := strconv.Atoi(s[:2]); y > 30 {
			s = "19" + s
		} else {
			s = "20" + s
		}
	}
	out := s[:4] + "-" + s[4:6] + "-" + s[6:]
	if _, err := parseDate(out, false); err != nil {
		return "", err
	}
	return out, nil
}

// codeParts reads a CAMEO actor code as a country (alpha-3, or empty) and a sector: CHNGOVAGR -> CHN, GOV;
// IGOUNO -> "", IGO; USRGOV -> "", GOV; ELI -> "", ELI.
func (im *importer) codeParts(code string) (country, sector string) {
	head, rest := code[:3], code[3:]
	first := ""
	if len(rest) >= 3 {
		first = rest[:3]
	}
	if im.o.Codes == nil {
		return head, first
	}
	ci := im.o.Codes[head]
	switch ci.Kind {
	case "country", "variant":
		return ci.Country, first
	case "international", "religion":
		return "", head
	case "sector":
		return "", head
	}
	return "", first
}

func (im *importer) isCountryCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	if im.o.Codes == nil {
		return true
	}
	k := im.o.Codes[code].Kind
	return k == "country" || k == "variant"
}

func (im *importer) writeActors(entries []*petrarchActor, w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Converted by `dyad dict import --format %s` from %s (see NOTICE).\n", FormatPetrarchActors, im.o.Source)
	fmt.Fprintln(bw, "# Format: id | type | country | sector | CAMEO code | name | alias ... (docs/actors.md); role lines:")
	fmt.Fprintln(bw, "#   role | | CAMEO code | from | to | sector     (a date-bounded code). \"# L<n>\": the entry's source line.")
	ids := map[string]bool{}
	type out struct {
		e                           *petrarchActor
		id, typ, ctry, sector, code string
		names                       []string
		dated                       []petrarchCode
	}
	var outs []*out
	byKey := map[string]*out{}
	for _, e := range entries {
		var base petrarchCode
		var dated []petrarchCode
		undated := false
		for _, c := range e.codes {
			if c.from != "" || c.to != "" {
				dated = append(dated, c)
			} else if base.code == "" {
				base, undated = c, true
			}
		}
		if base.code == "" && len(dated) > 0 {
			// the open or latest range stands for the entry: [USRARM <900823] [ARM >911221] is Armenia
			last := dated[0]
			for _, c := range dated[1:] {
				if c.to == "" || (last.to != "" && c.to > last.to) {
					last = c
				}
			}
			base = petrarchCode{code: last.code}
		}
		if base.code == "" {
			im.screen(e.line, "%s: no code ([---] or none): names no actor", e.names[0].raw)
			continue
		}
		ctry, sector := im.codeParts(base.code)
		typ := "organization"
		switch {
		case im.isCountryCode(base.code):
			// Our countries' names are CLDR's in every language and our aliases; Phoenix's synonyms of a
			// country are spellings, cities and regions, which are places, not the state.
			im.screen(e.line, "%s: a country (%s): its %d names left to ours", e.names[0].raw, ctry, len(e.names))
			continue
		case strings.HasPrefix(base.code, "IGO"):
			typ = "igo"
		case sector == "REB" || sector == "INS" || strings.HasPrefix(base.code, "IMG") || strings.Contains(base.code[3:], "REB"):
			typ = "group" // armed groups, before persons: a group may hold power for a while
		case len(dated) > 0:
			typ = "person"
		}
		if typ == "person" && ctry == "" {
			// a person of an IGO or a former state: the country of a dated code
			for _, c := range slices.Backward(dated) {
				if k, _ := im.codeParts(c.code); k != "" {
					ctry = k
					break
				}
			}
		}
		if typ == "person" && (sector == "" || !undated) {
			// outside its dated codes a person is one of the country's elites, as CAMEO codes them
			sector = "ELI"
			if ctry != "" {
				base.code = ""
			}
		}
		var names []string
		for _, nm := range e.names {
			for _, n := range im.names(nm) {
				if why := oneWord(n, typ); why != "" {
					im.screen(nm.line, "%q: %s", n, why)
					continue
				}
				names = append(names, n)
			}
		}
		names = dedupFold(names)
		if len(names) == 0 {
			im.screen(e.line, "%s: every name screened out", e.names[0].raw)
			continue
		}
		// The same actor listed twice in one file (same first name and country) is one entry.
		key := text.Fold(names[0]) + "|" + ctry + "|" + typ
		if o := byKey[key]; o != nil {
			o.names = dedupFold(append(o.names, names...))
			o.dated = append(o.dated, dated...)
			continue
		}
		id := importID(names[0], ids)
		code := base.code
		if typ == "country" || (typ == "person" && code == "") {
			code = ""
		}
		o := &out{e: e, id: id, typ: typ, ctry: ctry, sector: sector, code: code, names: names, dated: dated}
		byKey[key] = o
		outs = append(outs, o)
	}
	for _, o := range outs {
		fmt.Fprintf(bw, "# L%d\n", o.e.line)
		fields := append([]string{o.id, o.typ, o.ctry, o.sector, o.code}, o.names...)
		fmt.Fprintln(bw, strings.Join(fields, " | "))
		im.rep.Entries++
		im.rep.Names += len(o.names)
		for _, c := range o.dated {
			_, s := im.codeParts(c.code)
			if s == "" {
				s = "ELI" // CAMEO's code for an actor with no other affiliation
			}
			fmt.Fprintf(bw, "role | | %s | %s | %s | %s\n", c.code, c.from, c.to, s)
			im.rep.Roles++
		}
	}
	return bw.Flush()
}

// oneWord says why a one-word name of an entry of type typ is left out, or "". A surname alone is too
// ambiguous among 27,000 people ("Conte", "Castro"); a one-word organisation name is kept as an acronym of
// up to five letters (matched in capitals) or when a hyphen, digit or dot marks it ("Al-Qaeda", "Coca-Cola");
// others are too often common words in some language ("Presidente", "Revolución").
func oneWord(n, typ string) string {
	if strings.ContainsRune(n, ' ') {
		return ""
	}
	if typ == "person" {
		return "a person's one-word name (a surname alone is ambiguous)"
	}
	if utf8.RuneCountInString(n) <= 5 || strings.ContainsAny(n, "-.0123456789") {
		return ""
	}
	return "a one-word name of six letters or more (too often a common word)"
}

// importID makes an id of a name unique among used: folded, letters and digits joined by '-'.
func importID(name string, used map[string]bool) string {
	var b strings.Builder
	for _, r := range text.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	base := strings.TrimSuffix(b.String(), "-")
	if base == "" {
		base = "actor"
	}
	id := base
	for k := 2; used[id]; k++ {
		id = fmt.Sprintf("%s-%d", base, k)
	}
	used[id] = true
	return id
}

// names turns one Phoenix name into ours, screened by the options' rules: "XI_JINPING_" -> "Xi Jinping";
// "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> "Aden Abyan Islamic Army" and "AAIA" (an acronym in parentheses that
// spells the name's initials); a one-word name of up to four letters stays in capitals, so that it matches
// only in capitals ("NATO", "PLO"); a name under four letters written with a small letter is screened, and
// so are stop words and news agencies' names.
func (im *importer) names(nm petrarchName) []string {
	s := strings.ReplaceAll(nm.raw, "_", " ")
	var extra []string
	for {
		a := strings.IndexByte(s, '(')
		if a < 0 {
			break
		}
		b := strings.IndexByte(s[a:], ')')
		if b < 0 {
			s = s[:a]
			break
		}
		inner := strings.TrimSpace(s[a+1 : a+b])
		s = s[:a] + " " + s[a+b+1:]
		if isAcronymOf(inner, s) {
			extra = append(extra, inner)
		}
	}
	var out []string
	for _, n := range append([]string{s}, extra...) {
		words := strings.Fields(strings.Trim(n, " -,;:"))
		// "THE_UNITED_NATIONS", "THE_UN": a leading stop word (an article) is left out while two words
		// remain, or before an acronym ("EL_PAIS" stays)
		for len(words) >= 2 && im.o.Screen[text.Fold(words[0])] != "" &&
			(len(words) > 2 || utf8.RuneCountInString(words[1]) <= 4) {
			words = words[1:]
		}
		n = strings.Join(words, " ")
		if n == "" {
			continue
		}
		letters, lower := 0, false
		for _, r := range n {
			if unicode.IsLetter(r) {
				letters++
				lower = lower || unicode.IsLower(r)
			}
		}
		f := text.Fold(n)
		switch {
		case letters == 0:
			im.screen(nm.line, "%q: no letters", n)
			continue
		case strings.ContainsAny(n, "|[]{}"):
			im.problem(nm.line, "name %q: holds | [ ] { or }", clip(n))
			continue
		case im.o.Screen[f] != "":
			im.screen(nm.line, "%q: %s", n, im.o.Screen[f])
			continue
		case letters < 4 && lower:
			im.screen(nm.line, "%q: a name under four letters not written in capitals", n)
			continue
		}
		out = append(out, displayName(n))
	}
	return out
}

// isAcronymOf reports whether a spells the initials of the words of name, small words skipped or not.
func isAcronymOf(a, name string) bool {
	if !isUpper(a, 2, 10) {
		return false
	}
	for _, min := range []int{1, 3, 4} {
		var b strings.Builder
		for _, w := range strings.Fields(name) {
			if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) >= min {
				b.WriteRune(unicode.ToUpper(r))
			}
		}
		if a == b.String() {
			return true
		}
	}
	return false
}

// displayName writes a Phoenix name (in capitals) as a name is written: a one-word name of up to five
// letters, or one with dots ("U.N."), stays as written; other words are title-cased.
func displayName(s string) string {
	words := strings.Fields(s)
	if len(words) == 1 && (utf8.RuneCountInString(words[0]) <= 5 || strings.Contains(words[0], ".")) {
		return words[0]
	}
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 3 && strings.Contains(w, ".") {
			continue // "U.S." inside a name
		}
		words[i] = titleWord(w)
	}
	return strings.Join(words, " ")
}

func dedupFold(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		f := text.Fold(n)
		if seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, n)
	}
	return out
}

// titleWord writes a word in capitals as a name: "KI-MOON" -> "Ki-Moon", "O'BRIEN" -> "O'Brien", but
// "CHILDREN'S" -> "Children's".
func titleWord(w string) string {
	rs := []rune(w)
	up := true
	for i, r := range rs {
		if up {
			rs[i] = unicode.ToUpper(r)
		} else {
			rs[i] = unicode.ToLower(r)
		}
		up = r == '-' || r == '.' || (isApostrophe(r) && len(rs)-i > 2)
	}
	return string(rs)
}

// ---- agents ----

func (im *importer) agents(r io.Reader, w io.Writer) error {
	sets := map[string][]string{}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Converted by `dyad dict import --format %s` from %s (see NOTICE).\n", FormatPetrarchAgents, im.o.Source)
	fmt.Fprintln(bw, "# Format: SECTOR | office | form | form ... (docs/actors.md). \"# L<n>\": the source line.")
	err := im.lines(r, func(n int, line string) {
		line = strings.TrimSpace(line)
		// "!PERSON! = MAN, MEN": a set; "!MINIST! FOR_COMMERCE [~GOV]" is an entry that uses one
		if name, vals, ok := strings.Cut(line, "="); ok && strings.HasPrefix(line, "!") && !strings.Contains(line, "[") {
			name = strings.Trim(name, "_ ")
			if !strings.HasPrefix(name, "!") || !strings.HasSuffix(name, "!") || len(name) < 3 || strings.ContainsAny(name, " _") {
				im.problem(n, "substitution set %q: want !NAME!", clip(name))
				return
			}
			for _, v := range strings.Split(vals, ",") {
				if v = strings.Trim(v, "_ "); v != "" && !slices.Contains(sets[name], v) {
					sets[name] = append(sets[name], v)
				}
			}
			return
		}
		k := strings.IndexByte(line, '[')
		end := strings.LastIndexAny(line, "]}")
		if k < 0 || end < k {
			im.problem(n, "no [~SECTOR] code")
			return
		}
		if strings.Count(line, "[") > 1 {
			im.problem(n, "two entries on one line")
			return
		}
		code := strings.Trim(strings.TrimSpace(line[k+1:end]), "~")
		if code == "" || !isSector(code) {
			im.problem(n, "sector %q: want a CAMEO agent code such as ~GOV", clip(line[k+1:end]))
			return
		}
		if len(im.o.Sectors) > 0 && !slices.ContainsFunc(im.o.Sectors, func(c string) bool { return strings.HasPrefix(code, c) }) {
			im.screen(n, "sector %s: not one of %s", code, strings.Join(im.o.Sectors, ", "))
			return
		}
		head := line[:k]
		var plurals []string
		explicit := false
		if b := strings.IndexByte(head, '{'); b >= 0 {
			explicit = true
			e := strings.IndexByte(head, '}')
			if e < b {
				im.problem(n, "unclosed {")
				return
			}
			plurals = append(plurals, strings.Fields(strings.ReplaceAll(head[b+1:e], ",", " "))...)
			head = head[:b]
		}
		forms, ok := expandSets(strings.TrimSpace(head), sets, 0)
		if !ok {
			im.problem(n, "substitution sets nested too deep or unknown in %q", clip(head))
			return
		}
		var out []string
		for _, f := range forms {
			f = agentForm(f)
			// "el presidente": a leading stop word (an article) is left out
			for w := strings.Fields(f); len(w) > 1 && im.o.Screen[text.Fold(w[0])] != ""; w = w[1:] {
				f = strings.Join(w[1:], " ")
			}
			if f == "" {
				continue
			}
			if why := im.o.Screen[text.Fold(f)]; why != "" {
				im.screen(n, "%q: %s", f, why)
				continue
			}
			out = append(out, f)
			if !explicit && !strings.Contains(f, " ") {
				if p := plural(f, im.o.Lang); p != "" {
					out = append(out, p)
				}
			}
		}
		for _, p := range plurals {
			if p = agentForm(p); p != "" {
				out = append(out, p)
			}
		}
		if im.o.PluralOnly {
			out = slices.DeleteFunc(out, func(f string) bool {
				if !pluralHead(f, im.o.Lang) {
					im.screen(n, "%q: not a plural", f)
					return true
				}
				return false
			})
		}
		out = dedupFold(out)
		if len(out) == 0 {
			im.screen(n, "no form left")
			return
		}
		fmt.Fprintf(bw, "# L%d\n%s | | %s\n", n, code, strings.Join(out, " | "))
		im.rep.Entries++
		im.rep.Names += len(out)
	}, nil)
	if err != nil {
		return err
	}
	return bw.Flush()
}

// plural makes the plural PETRARCH adds to a one-word agent noun, or "" when the word has none of its own
// (it is already plural, or uncountable). English follows the language's inflection (text.EnglishPlural:
// "deputy" deputies, "policeman" policemen; PETRARCH appends -s: "deputys"); Spanish adds -s after a vowel,
// -ces for a final z, -es otherwise, except to a word that already ends in -s.
func plural(w, lang string) string {
	if lang != "es" {
		return text.EnglishPlural(w)
	}
	if strings.HasSuffix(w, "s") {
		return ""
	}
	switch last := []rune(w)[utf8.RuneCountInString(w)-1]; {
	case strings.ContainsRune("aeiouáéó", last):
		return w + "s"
	case last == 'z':
		return strings.TrimSuffix(w, "z") + "ces"
	}
	return w + "es"
}

// pluralHead reports whether a form's head noun is plural: it ends in -s, as PETRARCH's plurals do, or, in
// English, it is an irregular plural by the language's inflection ("policemen", "spokesmen",
// text.IsEnglishPlural). The head is the last word in English ("riot police officers"), the first in
// Spanish ("policías antidisturbios").
func pluralHead(f, lang string) bool {
	w := strings.Fields(f)
	if len(w) == 0 {
		return false
	}
	h := w[len(w)-1]
	if lang == "es" {
		h = w[0]
	}
	return strings.HasSuffix(h, "s") || lang != "es" && text.IsEnglishPlural(h)
}

// expandSets replaces each !SET! in a form by each of its values; ok is false for an unknown set.
func expandSets(form string, sets map[string][]string, depth int) ([]string, bool) {
	a := strings.IndexByte(form, '!')
	if a < 0 {
		return []string{form}, true
	}
	b := strings.IndexByte(form[a+1:], '!')
	if b < 0 || depth > 4 {
		return nil, false
	}
	name := form[a : a+b+2]
	vals, ok := sets[name]
	if !ok {
		return nil, false
	}
	var out []string
	for _, v := range vals {
		more, ok := expandSets(form[:a]+v+form[a+b+2:], sets, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, more...)
	}
	return out, true
}

func agentForm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

// ---- discards ----

// discards converts PETRARCH's discard phrases: a line is a phrase that voids the sentence it is in, a
// leading '+' one that voids the whole story. Bare years ("1914") are left out: our coder dates events
// itself, and a year in a sentence says nothing of its topic.
func (im *importer) discards(r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Converted by `dyad dict import --format %s` from %s (see NOTICE).\n", FormatPetrarchDiscards, im.o.Source)
	fmt.Fprintln(bw, "# Phrases that void a sentence: a sentence that holds one (whole words, any case) yields no events.")
	fmt.Fprintln(bw, "# Format: sentence | phrase, or story | phrase (PETRARCH voids the whole story; we void its sentence).")
	seen := map[string]bool{}
	err := im.lines(r, func(n int, line string) {
		p := strings.TrimSpace(line)
		kind := "sentence"
		if strings.HasPrefix(p, "+") {
			kind, p = "story", strings.TrimSpace(p[1:])
		}
		p = strings.Join(strings.Fields(strings.ReplaceAll(p, "_", " ")), " ")
		if strings.ContainsAny(p, "|[]{}") {
			im.problem(n, "phrase %q: holds | [ ] { or }", clip(p))
			return
		}
		letters := 0
		for _, r := range p {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			im.screen(n, "%q: no letters (a bare year or number)", p)
			return
		}
		f := text.Fold(p)
		if seen[f] {
			return
		}
		seen[f] = true
		fmt.Fprintf(bw, "%s | %s\n", kind, strings.ToLower(p))
		im.rep.Entries++
	}, nil)
	if err != nil {
		return err
	}
	return bw.Flush()
}
