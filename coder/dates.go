package coder

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/dyad-events/dyad/text"
)

// when is a resolved date: YYYY-MM-DD, YYYY-MM or YYYY with its precision.
type when struct {
	date      string
	precision string // day, month, year
	inferred  bool
}

// dateCand is a date expression found in the text: its token range.
type dateCand struct {
	a, b     int // tokens, inclusive
	hasYear  bool
	yearOnly bool // a bare year: "in 1979", "en 2014", "1979年"
	shape    shapeKind
}

// shapeKind is what a date expression may be, by the words that make it: a weekday word alone, a day of a
// month without a year (a month word with digits, or digits after a day cue: "13 December", "27/2"), or a
// date with its year ("9 junho 2016", "julio de 2015", "19/7/2019"). dateMemo.byShape answers such an
// expression from its shape, once go-dateparser has shown what it says.
type shapeKind uint8

const (
	shapeNone shapeKind = iota
	shapeWeekday
	shapeMonthDay
	shapeFullDate
)

// reference is the date against which a document's date expressions are resolved.
type reference struct {
	t        time.Time
	ok       bool
	inferred bool
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isYear(s string) bool {
	return len(s) == 4 && isDigits(s) && (s[:2] == "19" || s[:2] == "20")
}

// dateCands finds the date expressions in the tokens [a, b).
func (d *doc) dateCands(a, b int) []dateCand {
	lg := d.lg
	relative := lg.phrases["relative"]
	var out []dateCand
	used := -1
	near := func(k int) bool { // digits or date parts around a month word
		f := d.fold(k)
		return isDigits(f) || d.is(cDatepart, k) || f == "." || f == ","
	}
	for k := a; k < b; k++ {
		if k <= used {
			continue
		}
		f := d.fold(k)
		wi := d.info(k)
		cls := wi.cls
		switch {
		case cls&cMonth != 0:
			lo, hi := k, k
			for lo-1 >= a && k-(lo-1) <= 3 && near(lo-1) {
				lo--
			}
			for hi+1 < b && hi+1-k <= 4 && near(hi+1) {
				hi++
				if isYear(d.fold(hi)) {
					break
				}
			}
			for lo < k && !isDigits(d.fold(lo)) && !d.is(cDatepart, lo) {
				lo++
			}
			for hi > k && !isDigits(d.fold(hi)) && !d.is(cDatepart, hi) {
				hi--
			}
			hasNum, hasYear := false, false
			for j := lo; j <= hi; j++ {
				if isDigits(d.fold(j)) {
					hasNum = true
					hasYear = hasYear || isYear(d.fold(j))
				}
			}
			if !hasNum && !d.toks[k].IsCapitalized() && !(k > a && d.is(cLoc, k-1)) {
				continue // "may", "march" as words
			}
			if d.sinceBefore(lo, a) || lo-1 > a && d.is(cDet, lo-1) && d.is(cSince, lo-2) {
				// "for the first time since December 2022", "seit dem 24. Februar 2022": when a state
				// began, not the event's date
				used = hi
				continue
			}
			c := dateCand{a: lo, b: hi, hasYear: hasYear}
			if hasYear {
				c.shape = shapeFullDate
			} else if hasNum {
				c.shape = shapeMonthDay
			}
			out = append(out, c)
			used = hi
		case cls&(cWeekday|cRelative) != 0:
			c := dateCand{a: k, b: k}
			if cls&cRelative == 0 {
				c.shape = shapeWeekday
			}
			out = append(out, c)
		case cls&cDaycue != 0 && k+1 < b && isDigits(d.fold(k+1)):
			hi := k + 1
			for hi+2 < b && (d.fold(hi+1) == "/" || d.fold(hi+1) == "-" || d.fold(hi+1) == ".") && isDigits(d.fold(hi+2)) && hi-k < 5 {
				hi += 2
			}
			if hi > k+1 {
				c := dateCand{a: k + 1, b: hi, hasYear: isYear(d.fold(hi))}
				c.shape = shapeMonthDay
				if c.hasYear {
					c.shape = shapeFullDate
				}
				out = append(out, c)
				used = hi
			}
		case isYear(f) && (k > a && d.is(cYearcue, k-1) || k+1 < b && d.is(cYearmark, k+1)) && !d.monthNear(k, a, b) && !d.sinceBefore(k, a) && !d.sinceAfter(k, b) && !d.causeBefore(k, a):
			// "fought a border war in 1979", "en 2014", "năm 1979", "1979年": a year alone dates the event
			out = append(out, dateCand{a: k, b: k, hasYear: true, yearOnly: true})
		case wi.lead: // a relative phrase begins only at a phrase's first word
			for _, sq := range relative {
				if k+len(sq) <= b && d.seqAt(k, sq) {
					out = append(out, dateCand{a: k, b: k + len(sq) - 1})
					used = k + len(sq) - 1
					break
				}
			}
		}
	}
	return out
}

// monthNear reports whether a month word lies within three tokens of token k in [a, b): the year is then
// part of a full date, which the month finds.
func (d *doc) monthNear(k, a, b int) bool {
	for j := max(a, k-3); j < min(b, k+4); j++ {
		if d.is(cMonth, j) {
			return true
		}
	}
	return false
}

// sinceBefore reports whether a `since` word of the dates file stands right before the year at token k, or
// before its year cue: "kéo dài từ năm 2020", "自2020年以来" tell when a state began, not when the event happened.
func (d *doc) sinceBefore(k, a int) bool {
	j := k - 1
	if j >= a && d.is(cYearcue, j) {
		j--
	}
	return j >= a && d.is(cSince, j)
}

// sinceAfter reports whether a `sinceend` phrase of the dates file closes, within maxSinceSpan tokens and
// before any punctuation, the span that the year at token k opens: "這是1979年台美斷交以來……首度" tells when a
// state began, not when the event happened (Chinese writes "since" after the year and its noun phrase).
func (d *doc) sinceAfter(k, b int) bool {
	ends := d.lg.phrases["sinceend"]
	for j := k + 1; j < b && j <= k+maxSinceSpan && len(ends) > 0; j++ {
		if !d.toks[j].IsWord() && !isDigits(d.fold(j)) {
			return false
		}
		for _, sq := range ends {
			if j+len(sq) <= b && d.info(j).lead && d.seqAt(j, sq) {
				return true
			}
		}
	}
	return false
}

// maxSinceSpan is the most tokens from a year to the sinceend phrase that closes its span.
const maxSinceSpan = 12

// causeBefore reports whether the year at token k ends the noun phrase of a cause preposition (class cause of
// dates: "für den Hackerangriff auf den Bundestag im Jahr 2015", "vanwege het neerhalen van MH17 in 2014"): the
// year dates the cause, not the act, as long as no comma, barrier or "and" lies between them.
func (d *doc) causeBefore(k, a int) bool {
	for j := k - 1; j >= a && j >= k-maxCauseSpan; j-- {
		if f := d.fold(j); f == "," || f == ";" || f == ":" || d.is(cBarrier|cAnd, j) {
			return false
		}
		if d.is(cCause, j) {
			return true
		}
	}
	return false
}

// maxCauseSpan is the most tokens between a cause preposition and the year that dates its noun phrase.
const maxCauseSpan = 9

func (d *doc) seqAt(k int, sq seq) bool {
	for i, t := range sq {
		if d.fold(k+i) != t {
			return false
		}
	}
	return true
}

// resolve parses a candidate against the document's reference date.
func (d *doc) resolve(c dateCand) (when, bool) {
	if !d.ref.ok {
		return when{}, false
	}
	s := d.a.Text[d.toks[c.a].Start:d.toks[c.b].End]
	if c.yearOnly {
		// a year alone says less than the publication date when it is the publication's year (or later)
		if y, _ := strconv.Atoi(d.fold(c.a)); y >= d.ref.t.Year() {
			return when{}, false
		}
		return when{date: d.fold(c.a), precision: "year"}, true
	}
	if w, ok := d.dateCache[s]; ok {
		return w, w.date != ""
	}
	w := d.c.dates.parse(d, s, c)
	if d.dateCache == nil {
		d.dateCache = map[string]when{}
	}
	d.dateCache[s] = w
	return w, w.date != ""
}

// dateMemoSize bounds the dates a dateMemo keeps: past it, it starts afresh.
const dateMemoSize = 1 << 15

// dateMemo keeps the dates parsed across articles: go-dateparser takes about 0.2 ms a call, and the articles
// of a day repeat their expressions ("on Monday", "March 3") against the same reference date. A date depends
// only on what the key holds (doc.parseDate reads nothing else), so the memo changes no answer.
//
// Most expressions are a weekday or a day of a month, whose date against any reference follows from which
// weekday or day they name, or a date with its year, which no reference changes (shapes): those are asked
// of go-dateparser once per language and expression (a dated one: once per form, its digits aside), not
// once per reference date (byShape).
type dateMemo struct {
	mu     sync.Mutex
	m      map[dateKey]when
	shapes map[shapeKey]dateShape
}

type shapeKey struct {
	lg    *lang
	shape shapeKind
	s     string
}

// dateShape is what go-dateparser (through lang.parseDate) read in a weekday or day-of-month expression:
// the weekday, or the month and day; in a date with its year, which of its digit runs give the year, the
// day and the month (or the month a word names). ok false when its answers did not follow the shape, and
// the expression is then parsed against each reference date.
type dateShape struct {
	ok    bool
	wd    time.Weekday
	month time.Month
	day   int
	// a date with its year: its digit runs' indexes (dayRun and monthRun -1 when none), and whether it
	// names a month only ("julio de 2015")
	yearRun, dayRun, monthRun int
	monthOnly                 bool
	// filled: a day of a month that go-dateparser reads only with the reference's year added (lang.parseDate's
	// fallback: "12月13日"), whose date is then yearFilled's
	filled bool
}

// The reference dates the shapes are learnt against: a Sunday and a Wednesday half a year apart (so that no
// day of a month passes for a weekday); the last day of a leap year (every day of a month at or before it)
// and a day in the middle of the next (days on either side).
var (
	shapeWeekdayRefs  = [2]time.Time{time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2021, 7, 7, 0, 0, 0, 0, time.UTC)}
	shapeMonthDayRefs = [2]time.Time{time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)}
)

// weekdayBefore is the date a weekday word names against ref, as lang.parseDate answers it: the latest such
// weekday before ref, or ref itself on that weekday (a weekday in that day's paper).
func weekdayBefore(ref time.Time, wd time.Weekday) time.Time {
	return ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
}

// monthDayBefore is the date a day of a month without a year names against ref, as go-dateparser answers it
// (a past date preferred): that day in ref's year, or in the year before when it falls after ref.
func monthDayBefore(ref time.Time, m time.Month, day int) time.Time {
	t := time.Date(ref.Year(), m, day, 0, 0, 0, 0, time.UTC)
	if t.After(ref) {
		t = time.Date(ref.Year()-1, m, day, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// yearFilled is the date lang.parseDate answers for a day of a month that go-dateparser reads only with the
// reference's year added (its fallback): that day in ref's year, or in the year before when it falls more
// than a day after ref.
func yearFilled(ref time.Time, m time.Month, day int) time.Time {
	return notAfter(time.Date(ref.Year(), m, day, 0, 0, 0, 0, time.UTC), ref)
}

// notAfter is t, or t a year earlier when it falls more than a day after ref: a date written without its year
// is in the year before the reference's when it would be in the future.
func notAfter(t, ref time.Time) time.Time {
	if t.After(ref.Add(24 * time.Hour)) {
		return t.AddDate(-1, 0, 0)
	}
	return t
}

// learnShape asks lang.parseDate what s says against two reference dates, and keeps the weekday or the
// day of the month only when both answers are the shape's, from go-dateparser's first reading (not the
// fallbacks, which read the reference's year in), at day precision. 29 February, whose year go-dateparser
// moves to a leap year, is never kept. A day of a month that no first reading answers is learnt by
// learnFilled.
func learnShape(lg *lang, s string, shape shapeKind) dateShape {
	refs := shapeWeekdayRefs
	if shape == shapeMonthDay {
		refs = shapeMonthDayRefs
	}
	var sh dateShape
	for i, ref := range refs {
		w, direct := lg.parseDate(s, false, ref)
		if !direct && i == 0 && shape == shapeMonthDay && w.precision == "day" {
			return learnFilled(lg, s, w)
		}
		if !direct || w.precision != "day" {
			return dateShape{}
		}
		t, err := time.Parse("2006-01-02", w.date)
		if err != nil {
			return dateShape{}
		}
		if i == 0 {
			sh.wd, sh.month, sh.day = t.Weekday(), t.Month(), t.Day()
		}
		var want time.Time
		switch shape {
		case shapeWeekday:
			want = weekdayBefore(ref, sh.wd)
		case shapeMonthDay:
			if sh.month == time.February && sh.day == 29 {
				return dateShape{}
			}
			want = monthDayBefore(ref, sh.month, sh.day)
		default:
			return dateShape{}
		}
		if !t.Equal(want) {
			return dateShape{}
		}
	}
	sh.ok = true
	return sh
}

// learnFilled keeps a day of a month that go-dateparser reads only through lang.parseDate's fallbacks, whose
// answer against shapeMonthDayRefs[0] is first, when the answers against both shapeMonthDayRefs and against
// the day before that day in 2021 (where "more than a day after" the reference decides) are all from the
// fallbacks and all yearFilled's. 29 February is never kept.
func learnFilled(lg *lang, s string, first when) dateShape {
	t, err := time.Parse("2006-01-02", first.date)
	if err != nil || t.Month() == time.February && t.Day() == 29 {
		return dateShape{}
	}
	m, day := t.Month(), t.Day()
	refs := []time.Time{shapeMonthDayRefs[0], shapeMonthDayRefs[1], time.Date(2021, m, day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)}
	for _, ref := range refs {
		w, direct := lg.parseDate(s, false, ref)
		if direct || w.precision != "day" || w.date != yearFilled(ref, m, day).Format("2006-01-02") {
			return dateShape{}
		}
	}
	return dateShape{ok: true, filled: true, month: m, day: day}
}

// fullDateRefs are the reference dates a dated form is learnt against, far apart: no answer may move with
// them.
var fullDateRefs = [2]time.Time{time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)}

// learnFullDate asks lang.parseDate what a dated form says with two sets of numbers against two reference
// dates: its one four-digit run must give the year, and its one or two shorter runs the day and the month
// (in an order both answers agree on), or, with none, a month only, named by a word; go-dateparser's first
// reading. The probe numbers (years 2013 and 2019; days and months 3 and 11, or 3 and 9 in one digit) tell
// the runs apart.
func learnFullDate(lg *lang, form string) dateShape {
	runs := text.DigitRuns(form)
	sh := dateShape{yearRun: -1, dayRun: -1, monthRun: -1}
	var small []int
	for i, r := range runs {
		switch n := r[1] - r[0]; {
		case n == 4 && sh.yearRun < 0:
			sh.yearRun = i
		case n <= 2:
			small = append(small, i)
		default:
			return dateShape{}
		}
	}
	if sh.yearRun < 0 || len(small) > 2 {
		return dateShape{}
	}
	probe := func(p int) (string, []int) {
		vals := make([]int, len(runs))
		vals[sh.yearRun] = []int{2013, 2019}[p]
		for j, i := range small {
			v := []int{3, 11}
			if runs[i][1]-runs[i][0] == 1 {
				v = []int{3, 9}
			}
			vals[i] = v[(p+j)%2]
		}
		b := []byte(form)
		for i, r := range runs {
			copy(b[r[0]:r[1]], fmt.Sprintf("%0*d", r[1]-r[0], vals[i]))
		}
		return string(b), vals
	}
	for p, ref := range fullDateRefs {
		s, vals := probe(p)
		w, direct := lg.parseDate(s, true, ref)
		if !direct {
			return dateShape{}
		}
		t, err := time.Parse("2006-01-02", w.date)
		if len(small) == 0 {
			t, err = time.Parse("2006-01", w.date)
			if w.precision != "month" {
				return dateShape{}
			}
		} else if w.precision != "day" {
			return dateShape{}
		}
		if err != nil || t.Year() != vals[sh.yearRun] {
			return dateShape{}
		}
		if p == 0 {
			switch len(small) {
			case 0:
				sh.month, sh.monthOnly = t.Month(), true
			case 1:
				sh.dayRun, sh.month = small[0], t.Month()
			case 2:
				sh.dayRun, sh.monthRun = small[0], small[1]
				if t.Day() != vals[small[0]] {
					sh.dayRun, sh.monthRun = small[1], small[0]
				}
			}
		}
		m := sh.month
		if sh.monthRun >= 0 {
			m = time.Month(vals[sh.monthRun])
		}
		if t.Month() != m || sh.dayRun >= 0 && t.Day() != vals[sh.dayRun] {
			return dateShape{}
		}
	}
	sh.ok = true
	return sh
}

// fullDateAt is the date a dated expression s of a learnt form names: its year, month and day read from
// its digits; false when they make no date or the year is not one isYear accepts.
func (sh dateShape) fullDateAt(s string) (when, bool) {
	runs := text.DigitRuns(s)
	num := func(i int) int {
		n, _ := strconv.Atoi(s[runs[i][0]:runs[i][1]])
		return n
	}
	y := num(sh.yearRun)
	if !isYear(s[runs[sh.yearRun][0]:runs[sh.yearRun][1]]) {
		return when{}, false
	}
	m := sh.month
	if sh.monthRun >= 0 {
		m = time.Month(num(sh.monthRun))
	}
	if m < time.January || m > time.December {
		return when{}, false
	}
	if sh.monthOnly {
		return when{date: fmt.Sprintf("%04d-%02d", y, int(m)), precision: "month"}, true
	}
	day := num(sh.dayRun)
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	if day < 1 || t.Month() != m {
		return when{}, false
	}
	return when{date: t.Format("2006-01-02"), precision: "day"}, true
}

// byShape answers a weekday, day-of-month or dated expression from its shape, learnt once per language and
// expression (a dated one: per form); false when s has no shape that go-dateparser's answers follow.
func (dm *dateMemo) byShape(d *doc, s string, shape shapeKind) (when, bool) {
	orig := s
	if shape == shapeFullDate {
		s = text.DigitForm(s)
	}
	k := shapeKey{lg: d.lg, shape: shape, s: s}
	dm.mu.Lock()
	sh, ok := dm.shapes[k]
	dm.mu.Unlock()
	if !ok {
		if shape == shapeFullDate {
			sh = learnFullDate(d.lg, s)
		} else {
			sh = learnShape(d.lg, s, shape)
		}
		k.s = strings.Clone(s)
		dm.mu.Lock()
		if dm.shapes == nil || len(dm.shapes) >= dateMemoSize {
			dm.shapes = make(map[shapeKey]dateShape)
		}
		dm.shapes[k] = sh
		dm.mu.Unlock()
	}
	if !sh.ok {
		return when{}, false
	}
	var t time.Time
	switch shape {
	case shapeFullDate:
		return sh.fullDateAt(orig)
	case shapeWeekday:
		t = weekdayBefore(d.ref.t, sh.wd)
	default:
		if sh.filled {
			t = yearFilled(d.ref.t, sh.month, sh.day)
		} else {
			t = monthDayBefore(d.ref.t, sh.month, sh.day)
		}
	}
	return when{date: t.Format("2006-01-02"), precision: "day", inferred: d.ref.inferred}, true
}

type dateKey struct {
	lg                *lang
	ref               time.Time
	inferred, hasYear bool
	s                 string
}

// parse is d.parseDate(s, c.hasYear), answered from the expression's shape when it has one, else parsed
// once per language, reference date and expression.
func (dm *dateMemo) parse(d *doc, s string, c dateCand) when {
	hasYear := c.hasYear
	if c.shape != shapeNone && hasYear == (c.shape == shapeFullDate) && d.ref.t.Location() == time.UTC && d.ref.t.Equal(d.ref.t.Truncate(24*time.Hour)) {
		if w, ok := dm.byShape(d, s, c.shape); ok {
			return w
		}
	}
	k := dateKey{lg: d.lg, ref: d.ref.t, inferred: d.ref.inferred, hasYear: hasYear, s: s}
	dm.mu.Lock()
	w, ok := dm.m[k]
	dm.mu.Unlock()
	if ok {
		return w
	}
	w = d.parseDate(s, hasYear)
	k.s = strings.Clone(s) // not a slice of the article's text, which the memo would keep alive
	dm.mu.Lock()
	if dm.m == nil || len(dm.m) >= dateMemoSize {
		dm.m = make(map[dateKey]when)
	}
	dm.m[k] = w
	dm.mu.Unlock()
	return w
}

// parseDate is go-dateparser's reading of s against the document's reference date.
func (d *doc) parseDate(s string, hasYear bool) when {
	w, _ := d.lg.parseDate(s, hasYear, d.ref.t)
	if w.date != "" {
		w.inferred = d.ref.inferred && !hasYear
	}
	return w
}

// parseDate reads s with go-dateparser against ref (the reference date, midnight UTC); direct reports that
// its first reading of s answered, without the fallbacks. The answer's inferred flag is the caller's.
func (lg *lang) parseDate(s string, hasYear bool, ref time.Time) (w when, direct bool) {
	langs := []string{lg.code}
	if lg.code != "en" {
		langs = append(langs, "en")
	}
	if !dateparser.IsKnownLocale(lg.code) {
		langs = []string{"en"}
	}
	cfg := &dateparser.Configuration{
		Languages:           langs,
		CurrentTime:         ref,
		PreferredDateSource: dateparser.Past,
		DefaultTimezone:     time.UTC,
	}
	if o := lg.dateOrder; o != "" {
		cfg.DateOrder = func(string) string { return o } // "ngày 9/3" is 9 March in Vietnamese
	}
	dt, err := dateparser.Parse(cfg, s)
	direct = err == nil && !dt.IsZero()
	if !direct {
		// "earlier this month", "vào đầu tuần này": try without the leading word
		if i := strings.IndexFunc(s, unicode.IsSpace); i > 0 {
			dt, err = dateparser.Parse(cfg, strings.TrimSpace(s[i:]))
		}
		if (err != nil || dt.IsZero()) && !hasYear {
			// "2月18日": some languages parse a day and month only with a year
			y := strconv.Itoa(ref.Year())
			for _, tpl := range append(lg.noYear, "{date} {year}") {
				dt, err = dateparser.Parse(cfg, strings.NewReplacer("{date}", s, "{year}", y).Replace(tpl))
				if err == nil && !dt.IsZero() {
					break
				}
			}
		}
		if err != nil || dt.IsZero() {
			return when{}, false
		}
	}
	t := dt.Time
	if !hasYear {
		t = notAfter(t, ref)
	}
	if dt.Period == date.Day && sameDay(t.AddDate(0, 0, 7), ref) {
		// A bare weekday on the weekday of publication ("on Wednesday" in Wednesday's paper) is that day,
		// not a week before: the parser, asked for the future instead, then answers a week later. "Last
		// Wednesday" is a week before either way.
		fcfg := *cfg
		fcfg.PreferredDateSource = dateparser.Future
		if f, err := dateparser.Parse(&fcfg, s); err == nil && sameDay(f.Time, ref.AddDate(0, 0, 7)) {
			t = ref
		}
	}
	switch dt.Period {
	case date.Year:
		w.date, w.precision = t.Format("2006"), "year"
	case date.Month:
		w.date, w.precision = t.Format("2006-01"), "month"
	default:
		w.date, w.precision = t.Format("2006-01-02"), "day"
	}
	return w, direct
}

// setReference finds the reference date: the publication date, else one inferred from the dateline's date
// and the latest year the text mentions; and the dateline's own date.
func (d *doc) setReference() {
	if p := string(d.a.Published); len(p) >= 10 {
		if t, err := time.Parse("2006-01-02", p[:10]); err == nil {
			d.ref = reference{t: t, ok: true}
		}
	}
	if !d.ref.ok {
		year := ""
		for _, t := range d.toks {
			if isYear(t.Fold) && t.Fold > year {
				year = t.Fold
			}
		}
		if year != "" {
			t, _ := time.Parse("2006-01-02", year+"-12-31")
			d.ref = reference{t: t, ok: true, inferred: true}
		}
	}
	if !d.ref.ok {
		return
	}
	if c, ok := d.datelineCand(); ok {
		if w, ok := d.resolve(c); ok && w.precision == "day" {
			d.datelineAt = c.a
			d.datelineDate = w
			d.datelineDate.inferred = true
			if d.ref.inferred {
				t, _ := time.Parse("2006-01-02", w.date)
				d.ref.t = t
				d.dateCache = nil
			}
		}
	}
}

// datelineCand finds a date right after a dateline at the start of one of the first lines: "HANOI, Dec. 2".
func (d *doc) datelineCand() (dateCand, bool) {
	txt := d.a.Text
	lineStart := 0
	for line := 0; line < 6 && lineStart < len(txt); line++ {
		end := strings.IndexByte(txt[lineStart:], '\n')
		if end < 0 {
			end = len(txt)
		} else {
			end += lineStart
		}
		ln := txt[lineStart:end]
		if comma := strings.IndexByte(ln, ','); comma > 1 && comma <= 40 {
			place := strings.TrimSpace(ln[:comma])
			if isDatelinePlace(place, string(d.a.Dateline)) {
				a := d.tokAt(lineStart + comma + 1)
				b := d.tokAt(min(end, lineStart+comma+30))
				for _, c := range d.dateCands(a, b) {
					if d.toks[c.a].Start-(lineStart+comma) <= 3 {
						return c, true
					}
				}
			}
		}
		lineStart = end + 1
	}
	return dateCand{}, false
}

func isDatelinePlace(place, dateline string) bool {
	if place == "" {
		return false
	}
	if dateline != "" && strings.EqualFold(place, dateline) {
		return true
	}
	letters := 0
	for _, r := range place {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsLower(r) {
				return false
			}
			letters++
		case r == ' ' || r == '-' || r == '.':
		default:
			return false
		}
	}
	return letters >= 3
}

// tokAt returns the index of the first token that ends after byte offset off.
func (d *doc) tokAt(off int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// eventDate is the date of an event whose trigger is token trig of the sentence tokens [a, b).
func (d *doc) eventDate(a, b, trig int) when {
	best, bestDist := when{}, -1
	if d.candsFor != [2]int{a, b} {
		d.candsFor, d.cands = [2]int{a, b}, d.dateCands(a, b)
	}
	for _, c := range d.cands {
		if c.a == d.datelineAt {
			continue // the dateline's date is not the sentence's own
		}
		w, ok := d.resolve(c)
		if !ok {
			continue
		}
		dist := abs(c.a - trig)
		if bestDist < 0 || dist < bestDist {
			best, bestDist = w, dist
		}
	}
	if bestDist >= 0 {
		if d.leadDate.date == "" && best.precision == "day" {
			d.leadDate = best
		}
		return best
	}
	if d.leadDate.date != "" {
		w := d.leadDate
		w.inferred = true
		return w
	}
	if d.datelineDate.date != "" {
		return d.datelineDate
	}
	if d.ref.ok && !d.ref.inferred {
		return when{date: d.ref.t.Format("2006-01-02"), precision: "day", inferred: true}
	}
	return when{}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
