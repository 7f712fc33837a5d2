package extract

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/packs"
)

// agencies knows the news agencies of extract/agencies and finds their signatures in a text.
type agencies struct {
	byAlias map[string]string // folded alias -> name
}

// loadAgencies reads extract/agencies: NAME | ALIAS | ALIAS ... (the name is an alias too).
func loadAgencies(s *packs.Set) (*agencies, []error) {
	a := &agencies{byAlias: map[string]string{}}
	files, err := s.Files("extract/agencies")
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	where := map[string]string{}
	for _, f := range files {
		for l := range f.Lines() {
			name := l.Fields[0]
			if name == "" {
				errs = append(errs, l.Errorf("empty agency name"))
				continue
			}
			for _, al := range l.Fields {
				if al == "" {
					errs = append(errs, l.Errorf("empty alias"))
					continue
				}
				k := fold(al)
				if old, ok := a.byAlias[k]; ok && old != name {
					errs = append(errs, l.Errorf("alias %q is already agency %q (%s)", al, old, where[k]))
					continue
				}
				a.byAlias[k] = name
				where[k] = fmt.Sprintf("%s:%d", l.File, l.N)
			}
		}
	}
	return a, errs
}

// name returns the agency an alias names, or "".
func (a *agencies) name(alias string) string {
	alias = strings.TrimSpace(alias)
	if alias == "" || len(alias) > 60 {
		return ""
	}
	return a.byAlias[fold(alias)]
}

// maxSig is how far, in bytes, a signature may lie from the edge of its paragraph or bracket.
const maxSig = 40

// find returns the source agency from the signatures in paras (the cleaned paragraphs), the lines removed
// as bylines, and the text after credit words ("Source: ..."): an agency in brackets in a dateline or byline
// ("(Xinhua)", "Xinhua) 10:22"), a lead-in ("VOV.VN - "), a signature line or a dash signature at the end
// ("VNA/CVN", "... — VNS"), then the credit.
func (a *agencies) find(paras, bylines, credits []string) string {
	head := paras[:min(len(paras), 3)]
	for _, p := range bylines {
		if n := a.inBrackets(p, false); n != "" {
			return n
		}
	}
	for _, p := range head {
		// A dateline's agency comes within its first words, before a dash: "RIO DE JANEIRO, 12 mar (EFE) -".
		if n := a.inBrackets(p[:min(len(p), 2*maxSig)], true); n != "" {
			return n
		}
	}
	for _, p := range head {
		if n := a.leadIn(p); n != "" {
			return n
		}
	}
	if len(paras) > 1 {
		last := paras[len(paras)-1]
		if sig := a.signature(last); sig != "" {
			return sig
		}
		if n := a.dashTail(last); n != "" {
			return n
		}
	}
	return creditSource(a, credits)
}

// inBrackets finds "(Agency)" in p, or "Agency)" at its start (a byline cut by the crawler). With dash, the
// bracket must be followed by a dash, as in a dateline.
func (a *agencies) inBrackets(p string, dash bool) string {
	for j := 0; j < len(p); j++ {
		if p[j] != ')' {
			continue
		}
		if dash {
			rest := strings.TrimLeft(strings.TrimPrefix(p[j+1:], "."), " ")
			if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") {
				continue
			}
		}
		k := strings.LastIndexByte(p[:j], '(')
		if k >= 0 && j-k <= maxSig {
			if n := a.named(p[k+1 : j]); n != "" {
				return n
			}
			continue
		}
		if k < 0 && j <= maxSig {
			if n := a.name(p[:j]); n != "" {
				return n
			}
		}
	}
	return ""
}

var dashes = []string{" - ", " – ", " — ", " -- ", ": "}

// leadIn finds "Agency - " at the start of p.
func (a *agencies) leadIn(p string) string {
	head := p[:min(len(p), maxSig+4)]
	for _, d := range dashes {
		if i := strings.Index(head, d); i > 0 {
			if n := a.name(head[:i]); n != "" {
				return n
			}
		}
	}
	return ""
}

// dashTail finds "— Agency" at the end of p.
func (a *agencies) dashTail(p string) string {
	tail := p[max(0, len(p)-maxSig):]
	for _, d := range []string{"—", "–", "-"} {
		if i := strings.LastIndex(tail, d); i >= 0 {
			if n := a.name(strings.TrimRight(tail[i+len(d):], ". ")); n != "" {
				return n
			}
		}
	}
	return ""
}

// signature reads a last line made of agency names alone: "VNA" gives the agency's name, "VNA/CVN" is kept
// as written.
func (a *agencies) signature(line string) string {
	if len(line) > 40 {
		return ""
	}
	parts := strings.Split(line, "/")
	if a.name(parts[0]) == "" {
		return ""
	}
	if len(parts) == 1 {
		return a.name(parts[0])
	}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if p == "" || strings.ContainsFunc(p, unicode.IsSpace) {
			return ""
		}
	}
	return strings.TrimSpace(line)
}

// creditSource reads "Source: https://www.example.org/..." as "example.org", and "Source: Reuters" as the
// agency or the name as written.
func creditSource(a *agencies, credits []string) string {
	for i := len(credits) - 1; i >= 0; i-- {
		c := strings.TrimSpace(credits[i])
		if c == "" {
			continue
		}
		f := strings.Fields(c)[0]
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.") {
			if !strings.Contains(f, "://") {
				f = "http://" + f
			}
			if u, err := url.Parse(f); err == nil && u.Hostname() != "" {
				return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			}
			continue
		}
		if n := a.name(c); n != "" {
			return n
		}
		if utf8.RuneCountInString(c) <= 60 {
			return strings.TrimRight(c, ".")
		}
	}
	return ""
}

// Datelines at the start of a paragraph: an optional leading "(Agency) - ", a place, an optional region in
// brackets or second place after a slash, an optional date after a comma, an optional agency, and a dash
// ("BEIJING —", "HANOI, Dec. 2 (Xinhua) --", "PARIS (AFP) -", "LA HABANA, 21 Mar (EFE).-",
// "(ANSA) - ROMA, 23 MAR -") or a slashed agency and a full stop ("МИНСК, 12 февраля. /ТАСС/.").
// An upper-case place is always taken; a capitalised one ("Hà Nội, ngày 19/7/2019 -") only with a known
// agency or a date with a digit.
var (
	datelineUpper = regexp.MustCompile(`^(?:\((?P<lead>[^()\n]{1,40})\)\s*(?:-|–|—)\s*)?` +
		`(?P<place>\p{Lu}[\p{Lu}\p{M}'’]*(?:[ .\-]\p{Lu}[\p{Lu}\p{M}'’]*){0,4})` +
		`(?:\s*\((?P<region>[\p{Lu}\p{M} ]{2,30})\))?(?:/[\p{Lu}\p{M} ]{2,30})?` +
		`(?:,\s*(?P<date>[^()\n—–]{1,40}?))?\s*` +
		`(?:/(?P<slash>[^/\n]{1,40})/\.?\s|(?:\((?P<agency>[^()\n]{1,40})\))?\.?\s*(?:—|–|--|-\s))`)
	datelineTitle = regexp.MustCompile(`^(?:\((?P<lead>[^()\n]{1,40})\)\s*(?:-|–|—)\s*)?` +
		`(?P<place>\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}?\p{Ll}+){0,3})` +
		`(?:,\s*(?P<date>[^()\n—–]{1,40}?))?\s*` +
		`(?:\((?P<agency>[^()\n]{1,40})\))?\.?\s*(?:—|–|--|-\s)`)
)

// dateline returns the place of a dateline at the start of one of the first paragraphs and the agency it
// names, if any. labels are upper-case words that are not places ("BREAKING"); rules are the data-driven
// datelines of the boilerplate files (kind dateline), tried first.
func (a *agencies) dateline(paras []string, labels map[string]bool, rules []*rule) (place, agency, date string) {
	for _, p := range paras[:min(len(paras), 2)] {
		for _, r := range rules {
			m := r.re.FindStringSubmatch(p)
			if m == nil {
				continue
			}
			place = m[r.re.SubexpIndex("place")]
			if i := r.re.SubexpIndex("agency"); i > 0 {
				agency = a.named(m[i])
			}
			if i := r.re.SubexpIndex("date"); i > 0 {
				date = m[i]
			}
			return place, agency, date
		}
		if m := datelineUpper.FindStringSubmatch(p); m != nil {
			place = strings.Trim(m[datelineUpper.SubexpIndex("place")], ".-' ")
			if utf8.RuneCountInString(place) >= 3 && a.named(place) == "" && !strings.Contains(place, ".") && !labels[normalize(place)] {
				if i := datelineUpper.SubexpIndex("date"); i > 0 {
					date = m[i]
				}
				return place, a.agencyOf(m, datelineUpper), date
			}
		}
		if m := datelineTitle.FindStringSubmatch(p); m != nil {
			place = m[datelineTitle.SubexpIndex("place")]
			agency = a.agencyOf(m, datelineTitle)
			date := m[datelineTitle.SubexpIndex("date")]
			if a.named(place) == "" && !labels[normalize(place)] && (agency != "" || strings.ContainsAny(date, "0123456789")) {
				return place, agency, date
			}
		}
	}
	return "", "", ""
}

// agencyOf returns the known agency of a dateline match: in brackets, between slashes, or leading.
func (a *agencies) agencyOf(m []string, re *regexp.Regexp) string {
	for _, g := range []string{"agency", "slash", "region", "lead"} {
		if i := re.SubexpIndex(g); i > 0 {
			if n := a.named(m[i]); n != "" {
				return n
			}
		}
	}
	return ""
}

// named returns the agency an alias names, or a slashed list of agencies as written ("VNA/CVN",
// "ANP/Belga"), or "".
func (a *agencies) named(s string) string {
	if n := a.name(s); n != "" {
		return n
	}
	if strings.Contains(s, "/") {
		return a.signature(s)
	}
	return ""
}
