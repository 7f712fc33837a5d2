package coder

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestDateShapesAnswerAsParsed checks every date dateMemo.byShape answers against go-dateparser's own
// reading (doc.parseDate) under the same reference date: the weekday words and the days of months of every
// language's dates file, in the forms articles write them ("13 December", "December 13", "13 de
// diciembre", "13. Dezember", "12月13日", "13/12"), against reference dates on the day named and either side
// of it, across year ends and about 29 February. DYAD_DATE_SHAPES=all checks more days, forms and years
// (a few minutes).
func TestDateShapesAnswerAsParsed(t *testing.T) {
	c := newTestCoder(t)
	long := os.Getenv("DYAD_DATE_SHAPES") == "all"
	days, years := []int{13, 31}, []int{2019, 2020}
	if long {
		days, years = []int{1, 2, 9, 12, 13, 19, 27, 28, 29, 30, 31}, []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	}
	forms := []string{"%[1]d %[2]s", "%[2]s %[1]d", "%[1]d de %[2]s", "%[1]d. %[2]s", "%[3]d%[2]s%[1]d日", "%[2]s %[1]d,"}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	codes := make([]string, 0, len(c.langs))
	for code := range c.langs {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	answered := map[string]int{}
	for _, code := range codes {
		lg := c.langs[code]
		type expr struct {
			s     string
			shape shapeKind
		}
		var exprs []expr
		words := make([]string, 0, len(lg.class))
		for w := range lg.class {
			words = append(words, w)
		}
		slices.Sort(words)
		for _, w := range words {
			cls := lg.class[w]
			switch {
			case cls&cWeekday != 0 && cls&cRelative == 0:
				exprs = append(exprs, expr{w, shapeWeekday}, expr{strings.ToUpper(w[:1]) + w[1:], shapeWeekday})
			case cls&cMonth != 0:
				for _, d := range days {
					for _, f := range forms {
						exprs = append(exprs, expr{fmt.Sprintf(f, d, w, 12), shapeMonthDay})
					}
				}
			}
		}
		for _, d := range days {
			for _, m := range []int{2, 7, 12} {
				exprs = append(exprs, expr{fmt.Sprintf("%d/%d", d, m), shapeMonthDay}, expr{fmt.Sprintf("%d.%d", d, m), shapeMonthDay})
			}
		}
		for _, e := range exprs {
			doc := &doc{c: c, lg: lg, a: &dyad.Article{Lang: code}}
			// each expression under both shapes: a shape learnt for the wrong kind of expression must fail
			for _, shape := range []shapeKind{e.shape, 3 - e.shape} {
				var refs []time.Time
				for i := range 8 {
					refs = append(refs, day(2019, 12, 28+i))
					if long {
						refs = append(refs, day(2024, 2, 26+i), day(2017, 6, 10+i))
					}
				}
				if sh := learnShape(lg, e.s, shape); !sh.ok {
					continue // parsed against each reference date: nothing to compare
				} else if shape == shapeMonthDay {
					for _, y := range years {
						x := day(y, sh.month, sh.day)
						refs = append(refs, x.AddDate(0, 0, -1), x, x.AddDate(0, 0, 1))
					}
					refs = append(refs, day(2020, 2, 28), day(2020, 2, 29), day(2020, 3, 1), day(2021, 3, 1))
				}
				for i, ref := range refs {
					doc.ref = reference{t: ref, ok: true, inferred: i%2 == 1}
					got, ok := c.dates.byShape(doc, e.s, shape)
					if !ok {
						continue
					}
					answered[code]++
					if want := doc.parseDate(e.s, false); got != want {
						t.Errorf("%s %q as shape %d against %s: %+v from its shape, go-dateparser %+v", code, e.s, shape, ref.Format("2006-01-02"), got, want)
					}
				}
			}
		}
	}
	// dates with their year: any reference date, the one a week after the date named included (the check
	// of a weekday in that day's paper)
	fullForms := []string{"%[1]d %[2]s %[3]d", "%[1]d de %[2]s de %[3]d", "%[2]s %[1]d, %[3]d", "%[1]d. %[2]s %[3]d",
		"%[2]s de %[3]d", "%[2]s %[3]d", "%02[1]d %[2]s %[3]d", "%[3]d年%[4]d%[2]s%[1]d日"}
	numForms := []string{"%[1]d/%[2]d/%[3]d", "%[1]d.%[2]d.%[3]d", "%[3]d-%02[2]d-%02[1]d", "%02[1]d/%02[2]d/%[3]d", "%[2]d/%[1]d/%[3]d"}
	fullYears, fullDays, fullMonths := []int{2016}, []int{13, 29}, []int{2, 11}
	if long {
		fullYears, fullDays, fullMonths = []int{1999, 2015, 2016, 2019, 2020, 2024}, []int{1, 2, 3, 9, 11, 12, 13, 19, 28, 29, 30, 31}, []int{1, 2, 3, 4, 9, 11, 12, 13}
	}
	for _, code := range codes {
		lg := c.langs[code]
		doc := &doc{c: c, lg: lg, a: &dyad.Article{Lang: code}}
		var exprs []string
		words := make([]string, 0, len(lg.class))
		for w, cls := range lg.class {
			if cls&cMonth != 0 {
				words = append(words, w)
			}
		}
		slices.Sort(words)
		for _, y := range fullYears {
			for _, d := range fullDays {
				for _, w := range words {
					for _, f := range fullForms {
						exprs = append(exprs, fmt.Sprintf(f, d, w, y, 12))
					}
				}
				for _, m := range fullMonths {
					for _, f := range numForms {
						exprs = append(exprs, fmt.Sprintf(f, d, m, y))
					}
				}
			}
		}
		for _, s := range exprs {
			refs := []time.Time{day(2025, 3, 9), day(2016, 12, 31)}
			for i := 0; i < len(refs); i++ {
				doc.ref = reference{t: refs[i], ok: true, inferred: i == 1}
				got, ok := c.dates.byShape(doc, s, shapeFullDate)
				if !ok {
					continue
				}
				answered[code+" dated"]++
				if want := doc.parseDate(s, true); got != want {
					t.Errorf("%s %q dated, against %s: %+v from its form, go-dateparser %+v", code, s, refs[i].Format("2006-01-02"), got, want)
				}
				if t0, err := time.Parse("2006-01-02", got.date); err == nil && len(refs) == 2 {
					refs = append(refs, t0.AddDate(0, 0, 7))
				}
			}
		}
	}
	t.Logf("answered from the shape: %v", answered)
	for _, code := range []string{"de", "en", "es", "fr", "it", "nl", "pt", "de dated", "en dated", "es dated", "fr dated", "it dated", "nl dated", "pt dated", "vi dated", "zh dated"} {
		if answered[code] == 0 {
			t.Errorf("%s: no expression answered from its shape: the test shows nothing", code)
		}
	}
}
