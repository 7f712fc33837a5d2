package actor

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Import formats.
const (
	FormatPetrarchActors = "petrarch-actors"
	FormatPetrarchAgents = "petrarch-agents"
)

// Import reads a dictionary in a PETRARCH/TABARI/Phoenix format and writes it in ours: "petrarch-actors"
// (NAME_ [CODE] entries with +ALIAS lines and date-restricted codes such as [CHNGOV 130316-221230]) becomes
// an actors/ file with role lines; "petrarch-agents" (TITLE_ {PLURAL} [~GOV] lines and !SET! = A, B
// substitution sets) becomes an agents file. Errors name the input line.
func Import(r io.Reader, format string, w io.Writer) error {
	switch format {
	case FormatPetrarchActors:
		return importActors(r, w)
	case FormatPetrarchAgents:
		return importAgents(r, w)
	}
	return fmt.Errorf("import: unknown format %q (want %s or %s)", format, FormatPetrarchActors, FormatPetrarchAgents)
}

type petrarchCode struct {
	code     string
	from, to string
}

type petrarchActor struct {
	line  int
	names []string
	codes []petrarchCode
}

func importActors(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var entries []*petrarchActor
	var cur *petrarchActor
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "+"):
			if cur == nil {
				return fmt.Errorf("import: line %d: alias before any actor", n)
			}
			name, codes, err := splitCodes(trimmed[1:])
			if err != nil {
				return fmt.Errorf("import: line %d: %w", n, err)
			}
			if name != "" {
				cur.names = append(cur.names, name)
			}
			cur.codes = append(cur.codes, codes...)
		case strings.HasPrefix(trimmed, "[") && unicode.IsSpace(rune(line[0])):
			if cur == nil {
				return fmt.Errorf("import: line %d: code before any actor", n)
			}
			_, codes, err := splitCodes(trimmed)
			if err != nil {
				return fmt.Errorf("import: line %d: %w", n, err)
			}
			cur.codes = append(cur.codes, codes...)
		default:
			name, codes, err := splitCodes(trimmed)
			if err != nil {
				return fmt.Errorf("import: line %d: %w", n, err)
			}
			if name == "" {
				return fmt.Errorf("import: line %d: no name", n)
			}
			cur = &petrarchActor{line: n, names: []string{name}, codes: codes}
			entries = append(entries, cur)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("import: line %d: %w", n, err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Imported from a PETRARCH actors dictionary. Format: id | type | country | sector | code | name | alias ...")
	fmt.Fprintln(bw, "#   role | | CAMEO code | from | to | sector     (a date-restricted code)")
	seen := map[string]int{}
	for _, e := range entries {
		var base petrarchCode
		var dated []petrarchCode
		for _, c := range e.codes {
			if c.from != "" || c.to != "" {
				dated = append(dated, c)
			} else if base.code == "" {
				base = c
			}
		}
		if base.code == "" && len(dated) > 0 {
			base = petrarchCode{code: dated[len(dated)-1].code}
		}
		if base.code == "" {
			continue // an entry with no code ([---]) names nothing we can code
		}
		typ := "organization"
		switch {
		case strings.HasPrefix(base.code, "IGO"):
			typ = "igo"
		case len(dated) > 0:
			typ = "person"
		}
		country, sector := splitCAMEO(base.code)
		id := slug(e.names[0])
		if k := seen[id]; k > 0 {
			seen[id]++
			id = fmt.Sprintf("%s-%d", id, k+1)
		} else {
			seen[id] = 1
		}
		fields := []string{id, typ, country, sector, base.code}
		fields = append(fields, e.names...)
		fmt.Fprintln(bw, strings.Join(fields, " | "))
		for _, c := range dated {
			_, s := splitCAMEO(c.code)
			if s == "" {
				s = "ELI" // CAMEO's code for an actor with no other affiliation
			}
			fmt.Fprintf(bw, "role | | %s | %s | %s | %s\n", c.code, c.from, c.to, s[:3])
		}
	}
	return bw.Flush()
}

// splitCAMEO splits an actor code into its country and first agent: CHNGOVAGR -> CHN, GOV.
func splitCAMEO(code string) (country, sector string) {
	if strings.HasPrefix(code, "IGO") {
		return "", "IGO"
	}
	if len(code) >= 6 {
		return code[:3], code[3:6]
	}
	return code, ""
}

// splitCodes splits "NAME_ [CODE date] [CODE]" into the name and its codes.
func splitCodes(s string) (string, []petrarchCode, error) {
	name := s
	var codes []petrarchCode
	if k := strings.IndexByte(s, '['); k >= 0 {
		name = s[:k]
		rest := s[k:]
		for rest != "" {
			rest = strings.TrimSpace(rest)
			if rest == "" {
				break
			}
			if rest[0] != '[' {
				return "", nil, fmt.Errorf("unexpected %q after a code", rest)
			}
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return "", nil, fmt.Errorf("unclosed [ in %q", rest)
			}
			c, err := parseCode(rest[1:end])
			if err != nil {
				return "", nil, err
			}
			if c.code != "" {
				codes = append(codes, c)
			}
			rest = rest[end+1:]
		}
	}
	if k := strings.IndexByte(name, '{'); k >= 0 {
		name = name[:k]
	}
	return petrarchName(name), codes, nil
}

func parseCode(s string) (petrarchCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 || strings.Trim(f[0], "-~") == "" {
		return petrarchCode{}, nil
	}
	c := petrarchCode{code: strings.Trim(f[0], "~")}
	if !isUpper(c.code, 3, 30) {
		return c, fmt.Errorf("code %q: want upper-case letters", f[0])
	}
	if len(f) > 1 {
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
				return c, fmt.Errorf("date restriction %q: want YYMMDD-YYMMDD, >YYMMDD or <YYMMDD", d)
			}
			if c.from, err = petrarchDate(from); err == nil {
				c.to, err = petrarchDate(to)
			}
		}
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

// petrarchDate turns YYMMDD (or YYYYMMDD) into YYYY-MM-DD; two-digit years above 50 are 19xx.
func petrarchDate(s string) (string, error) {
	if _, err := strconv.Atoi(s); err != nil || (len(s) != 6 && len(s) != 8) {
		return "", fmt.Errorf("date %q: want YYMMDD", s)
	}
	if len(s) == 6 {
		y, _ := strconv.Atoi(s[:2])
		if y > 50 {
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

// petrarchName turns "XI_JINPING_" into "Xi Jinping"; a one-word name of up to five letters stays in
// capitals as an acronym ("NATO_" -> "NATO").
func petrarchName(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
	words := strings.Fields(s)
	if len(words) == 1 && len([]rune(words[0])) <= 5 {
		return words[0]
	}
	for i, w := range words {
		words[i] = titleWord(w)
	}
	return strings.Join(words, " ")
}

func titleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '.' || r == '\''
	}
	return b.String()
}

func stripComment(s string) string {
	if k := strings.IndexByte(s, '#'); k >= 0 {
		return s[:k]
	}
	return s
}

func importAgents(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sets := map[string][]string{}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Imported from a PETRARCH agents dictionary. Format: SECTOR | office | form | form ...")
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") {
			name, vals, ok := strings.Cut(line, "=")
			if !ok {
				return fmt.Errorf("import: line %d: substitution set without '='", n)
			}
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v != "" {
					sets[strings.TrimSpace(name)] = append(sets[strings.TrimSpace(name)], v)
				}
			}
			continue
		}
		k := strings.IndexByte(line, '[')
		end := strings.LastIndexByte(line, ']')
		if k < 0 || end < k {
			return fmt.Errorf("import: line %d: no [~SECTOR] code", n)
		}
		sector := strings.Trim(strings.TrimSpace(line[k+1:end]), "~")
		if sector == "" || !isSector(sector) {
			return fmt.Errorf("import: line %d: sector %q: want a CAMEO agent code such as ~GOV", n, line[k+1:end])
		}
		head := line[:k]
		var plurals []string
		explicit := false
		if b := strings.IndexByte(head, '{'); b >= 0 {
			explicit = true
			e := strings.IndexByte(head, '}')
			if e < b {
				return fmt.Errorf("import: line %d: unclosed {", n)
			}
			plurals = append(plurals, strings.Fields(strings.ReplaceAll(head[b+1:e], ",", " "))...)
			head = head[:b]
		}
		forms := expandSets(strings.TrimSpace(head), sets)
		var out []string
		for _, f := range forms {
			f = agentForm(f)
			if f == "" {
				continue
			}
			out = append(out, f)
			if !explicit && !strings.HasSuffix(f, "s") && !strings.Contains(f, " ") {
				out = append(out, f+"s")
			}
		}
		for _, p := range plurals {
			out = append(out, agentForm(p))
		}
		if len(out) == 0 {
			continue
		}
		fmt.Fprintf(bw, "%s | | %s\n", sector, strings.Join(out, " | "))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("import: line %d: %w", n, err)
	}
	return bw.Flush()
}

// expandSets replaces each !SET! in a form by each of its values.
func expandSets(form string, sets map[string][]string) []string {
	a := strings.IndexByte(form, '!')
	if a < 0 {
		return []string{form}
	}
	b := strings.IndexByte(form[a+1:], '!')
	if b < 0 {
		return []string{form}
	}
	name := form[a : a+b+2]
	vals, ok := sets[name]
	if !ok {
		return []string{strings.ReplaceAll(form, name, "")}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandSets(form[:a]+v+form[a+b+2:], sets)...)
	}
	return out
}

func agentForm(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.Trim(strings.ReplaceAll(s, "_", " "), " ")))
}
