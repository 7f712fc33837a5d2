package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/dyad-events/dyad/text"
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
	// forms keeps, by language and form (the text with every ASCII digit written 0), what go-dateparser's
	// answers for that form follow: where its year, month and day lie, or that it reads no text of the form
	// (byForm). A byline's date and a page's metadata repeat a few forms with other numbers.
	forms map[[2]string]*formState
	calls atomic.Int64 // go-dateparser's calls, for the benchmarks
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
		out = d.byForm(s, lang)
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
	d.calls.Add(1)
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

// dateForm is what go-dateparser's answers for the texts of one form follow (a form: a text with every
// ASCII digit written 0).
type dateForm struct {
	kind formKind
	// for formDate: the indexes of the form's digit runs that hold the year and the day, and the month's run
	// (-1 when a word names the month, then month)
	yearRun, dayRun, monthRun int
	month                     time.Month
}

type formKind uint8

const (
	formAsk  formKind = iota // ask go-dateparser for each text of the form
	formDate                 // a year, month and day read from the digit runs
	formNone                 // go-dateparser reads no text of the form
)

// formState is what is known of a form from go-dateparser's readings of its texts (reading) and probes
// (formProbe), until it settles: two date readings with one layout that name dates on different weekdays
// settle it as formDate (a form that holds a weekday word, which go-dateparser reads only with a date on
// that weekday, cannot give two); two texts not read, formNone; readings that disagree, formAsk.
type formState struct {
	f            dateForm
	dates, nones int
	wd           time.Weekday // the weekday of the first date read
	wdDiffer     bool         // a date read on another weekday
	read         bool         // a text read whose reading does not tell
	none         string       // the first text not read
	met, probes  int
	settled      bool
}

// add counts go-dateparser's answer out for s, a text or probe of the form.
func (st *formState) add(s, out string) {
	if st.settled {
		return
	}
	r, tells := reading(s, out)
	ask := func() { st.f, st.settled = dateForm{}, true }
	switch {
	case !tells && out != "":
		// read, with numbers that may tell nothing of the layout: a form read as dates must read them so
		st.read = true
		if st.nones > 0 {
			ask()
		} else if st.dates > 0 {
			if got, ok := st.f.dateAt(s); ok && got != out {
				ask()
			}
		}
	case !tells:
		// not read, with numbers that may make no date: a form read as dates must not read a date in them
		if st.dates > 0 {
			if _, ok := st.f.dateAt(s); ok {
				ask()
			}
		}
	case r.kind == formDate:
		if st.nones > 0 || st.dates > 0 && r != st.f {
			ask()
			return
		}
		if st.dates == 0 {
			st.f, st.wd = r, weekday(out)
		} else if weekday(out) != st.wd {
			st.wdDiffer = true
		}
		st.dates++
		st.settled = st.dates >= 2 && st.wdDiffer
	default:
		if st.dates > 0 || st.read {
			ask()
			return
		}
		if st.nones > 0 && s == st.none {
			return
		}
		if st.nones == 0 {
			st.f, st.none = r, strings.Clone(s)
		}
		st.nones++
		st.settled = st.nones >= 2
	}
}

// formProbe is form with its digit runs filled by the numbers of probe p (0 or 1): every four-digit run a
// year (2013, 2019), the others 3 and 11 (3 and 9 in one digit) in turn, swapped between the two probes, so
// that the day, the month and the year of an answer each name one run, and every reading of the shorter
// runs as a day or a month makes a date. ok is false for a run of three or more than four digits.
func formProbe(form string, runs [][2]int, p int) (s string, ok bool) {
	b := []byte(form)
	small := 0
	for _, r := range runs {
		var v int
		switch n := r[1] - r[0]; n {
		case 4:
			v = []int{2013, 2019}[p]
		case 1, 2:
			vs := []int{3, 11}
			if n == 1 {
				vs = []int{3, 9}
			}
			v = vs[(p+small)%2]
			small++
		default:
			return "", false
		}
		copy(b[r[0]:r[1]], fmt.Sprintf("%0*d", r[1]-r[0], v))
	}
	return string(b), true
}

// reading is what go-dateparser's answer out for s says of s's form, and whether it tells: a date whose
// year is s's one four-digit run and whose day and month are its one or two shorter runs (the month a word
// names when there is one), or nothing read. It tells only when the answer cannot come from s's numbers
// rather than its form: every shorter run holds 1-12 and every four-digit run 1900-2099 (so that every
// reading of them as a day, a month or a year makes a date: a probe's numbers), except for a date with one
// shorter run, which no other reading of the numbers could give; and two shorter runs that hold the same
// number do not tell the day from the month.
func reading(s, out string) (dateForm, bool) {
	runs := text.DigitRuns(s)
	num := func(i int) int {
		n, _ := strconv.Atoi(s[runs[i][0]:runs[i][1]])
		return n
	}
	probeLike := true
	year := -1
	var small []int
	for i, r := range runs {
		switch n, v := r[1]-r[0], num(i); {
		case n == 4:
			if year < 0 {
				year = i
			} else {
				year = len(runs) // a second one: no date layout
			}
			probeLike = probeLike && v >= 1900 && v <= 2099
		case n <= 2:
			small = append(small, i)
			probeLike = probeLike && v >= 1 && v <= 12
		default:
			return dateForm{}, false
		}
	}
	if out == "" {
		return dateForm{kind: formNone}, probeLike
	}
	t, err := time.Parse("2006-01-02", out)
	if err != nil || year < 0 || year >= len(runs) || len(small) < 1 || len(small) > 2 || t.Year() != num(year) {
		return dateForm{}, false
	}
	f := dateForm{kind: formDate, yearRun: year, dayRun: small[0], monthRun: -1, month: t.Month()}
	if len(small) == 2 {
		if !probeLike || num(small[0]) == num(small[1]) {
			return dateForm{}, false
		}
		f.month, f.monthRun = 0, small[1]
		if t.Day() != num(small[0]) {
			f.dayRun, f.monthRun = small[1], small[0]
		}
		if int(t.Month()) != num(f.monthRun) {
			return dateForm{}, false
		}
	}
	if t.Day() != num(f.dayRun) {
		return dateForm{}, false
	}
	return f, true
}

// dateAt is the date of s, a text of a formDate form, as YYYY-MM-DD; false when its numbers make no date
// in 1900-2099 (go-dateparser is then asked).
func (f dateForm) dateAt(s string) (string, bool) {
	runs := text.DigitRuns(s)
	num := func(i int) int {
		n, _ := strconv.Atoi(s[runs[i][0]:runs[i][1]])
		return n
	}
	y, day := num(f.yearRun), num(f.dayRun)
	m := f.month
	if f.monthRun >= 0 {
		m = time.Month(num(f.monthRun))
	}
	if y < 1900 || y > 2099 || m < time.January || m > time.December || day < 1 {
		return "", false
	}
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	if t.Month() != m {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// weekday is the weekday of a date written YYYY-MM-DD.
func weekday(date string) time.Weekday {
	t, _ := time.Parse("2006-01-02", date)
	return t.Weekday()
}

// byForm is go-dateparser's reading of s in lang (parseWith), or, once s's form is settled (formState), what
// the form says: a date read from s's digit runs (when they make one), nothing, or go-dateparser's answer.
// A form not settled after two texts has a probe asked with each of its next two (formProbe).
func (d *dates) byForm(s, lang string) string {
	k := [2]string{lang, text.DigitForm(s)}
	d.mu.Lock()
	st := d.forms[k]
	if st == nil {
		if d.forms == nil || len(d.forms) >= datesMemoSize {
			d.forms = make(map[[2]string]*formState)
		}
		st = &formState{}
		d.forms[k] = st
	}
	settled, f := st.settled, st.f
	probe := -1
	if !settled {
		st.met++
		if st.met > 2 && st.probes < 2 {
			probe = st.probes
			st.probes++
		}
	}
	d.mu.Unlock()
	if settled {
		switch f.kind {
		case formDate:
			if out, ok := f.dateAt(s); ok {
				return out
			}
		case formNone:
			return ""
		}
		return d.parseWith(s, lang)
	}
	out := d.parseWith(s, lang)
	var ps, pout string
	if probe >= 0 {
		var ok bool
		if ps, ok = formProbe(k[1], text.DigitRuns(k[1]), probe); ok {
			pout = d.parseWith(ps, lang)
		}
	}
	d.mu.Lock()
	st.add(s, out)
	if ps != "" {
		st.add(ps, pout)
	}
	d.mu.Unlock()
	return out
}

var (
	clockRe   = regexp.MustCompile(`\b\d{1,2}[:h]\d{2}\b`)
	numDateRe = regexp.MustCompile(`\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b`)
)

// maxByline is the longest byline, in bytes.
const maxByline = 120

// byline reads a byline such as "Xinhua) 10:22, December 04, 2023", "Cập nhật: 10:22, 04/12/2023" or
// "Publié le 19/02/2025 à 10h12": a short paragraph with a year that is not a sentence (or holds a clock
// time). labels is the number of words of a byline label ("Publié le", from the boilerplate files) that opens
// it, 0 if none. The date may follow such a label, a word ending in ':', ')', ',' or a dash, or make the
// whole paragraph; it may be followed by up to three words when it opens with a digit ("2023年12月04日
// 10:22 来源：新华社"). So "Summit on 12 March 2024", a heading, is no byline.
func (d *dates) byline(p, lang string, label int) (string, bool) {
	if len(p) > maxByline || !yearRe.MatchString(p) {
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
