package extract

import (
	"regexp"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// layouts are the machine formats of metadata dates, tried before go-dateparser (which is much slower).
var layouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02T15:04", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2006/01/02", time.ANSIC, "20060102"}

var yearRe = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:\D|$)`)

// dates parses dates with go-dateparser. Its Parser serialises calls, so a pool keeps Extract concurrent.
type dates struct {
	pool sync.Pool
	// memo keeps go-dateparser's answers (about 0.2 ms a call) by language and text: the pages of a site
	// and of a day repeat their bylines' dates. "" for a text it does not read.
	mu   sync.Mutex
	memo map[[2]string]string
}

// datesMemoSize bounds the answers dates keeps: past it, the memo starts afresh.
const datesMemoSize = 1 << 14

func newDates() *dates {
	return &dates{pool: sync.Pool{New: func() any { return &dps.Parser{} }}}
}

// parse reads s, a date in any format and language (lang first, then English), as YYYY-MM-DD. It accepts
// only dates with an explicit year, day and month, and a year written in s.
func (d *dates) parse(s, lang string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return "", false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	if lang == "" || lang == "und" {
		lang = "en"
	}
	k := [2]string{lang, s}
	d.mu.Lock()
	out, ok := d.memo[k]
	d.mu.Unlock()
	if !ok {
		out = d.parseWith(s, lang)
		k[1] = strings.Clone(s) // not a slice of the page, which the memo would keep alive
		d.mu.Lock()
		if d.memo == nil || len(d.memo) >= datesMemoSize {
			d.memo = make(map[[2]string]string)
		}
		d.memo[k] = out
		d.mu.Unlock()
	}
	if out == "" || out[:4] != m[1] {
		return "", false
	}
	return out, true
}

// parseWith is go-dateparser's reading of s as YYYY-MM-DD in lang (then English), "" if it reads none.
func (d *dates) parseWith(s, lang string) string {
	langs := []string{"en"}
	if lang != "en" {
		langs = []string{lang, "en"}
	}
	p := d.pool.Get().(*dps.Parser)
	defer d.pool.Put(p)
	cfg := &dps.Configuration{Languages: langs, UseGivenOrder: true, StrictParsing: true,
		CurrentTime: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}
	dt, err := p.Parse(cfg, s)
	if err != nil || dt.IsZero() {
		return ""
	}
	return dt.Time.Format("2006-01-02")
}

var (
	clockRe   = regexp.MustCompile(`\b\d{1,2}[:h]\d{2}\b`)
	numDateRe = regexp.MustCompile(`\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b`)
)

// byline reads a byline such as "Xinhua) 10:22, December 04, 2023", "Cập nhật: 10:22, 04/12/2023" or
// "Publié le 19/02/2025 à 10h12": a short paragraph with a year that is not a sentence (or holds a clock
// time). labels is the number of words of a byline label ("Publié le", from the boilerplate files) that opens
// it, 0 if none. The date may follow such a label, a word ending in ':', ')', ',' or a dash, or make the
// whole paragraph; it may be followed by up to three words when it opens with a digit ("2023年12月04日
// 10:22 来源：新华社"). So "Summit on 12 March 2024", a heading, is no byline.
func (d *dates) byline(p, lang string, label int) (string, bool) {
	if len(p) > 120 || !yearRe.MatchString(p) {
		return "", false
	}
	words := strings.Fields(p)
	if len(words) > 14 {
		return "", false
	}
	last := p[len(p)-1]
	if (last == '.' || last == '!' || last == '?') && !clockRe.MatchString(p) && !numDateRe.MatchString(p) {
		return "", false
	}
	digit := func(w string) bool { return w[0] >= '0' && w[0] <= '9' }
	for i := 0; i < len(words) && i < 6; i++ {
		switch {
		case i == 0 && (len(words) <= 4 || digit(words[0])):
		case i > 0 && i == label:
		case i > 0 && strings.ContainsAny(words[i-1][len(words[i-1])-1:], ":)|,-—–"):
		default:
			continue
		}
		if out, ok := d.parse(strings.Join(words[i:], " "), lang); ok {
			return out, true
		}
	}
	if digit(words[0]) {
		for j := len(words) - 1; j > 0 && j >= len(words)-3; j-- {
			if out, ok := d.parse(strings.Join(words[:j], " "), lang); ok {
				return out, true
			}
		}
	}
	return "", false
}
