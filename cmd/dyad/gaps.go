package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/actor"
)

// The countries `dyad dict gaps` checks by default: the G20's members, ASEAN's (Timor-Leste since 2025)
// and the permanent members of the UN Security Council (CODE:YEAR: the country's record starts that year,
// Timor-Leste's at independence); and the offices issue 9 asks to cover since 1990.
const (
	gapCountries = "ARG,AUS,BRA,CAN,CHN,DEU,FRA,GBR,IDN,IND,ITA,JPN,KOR,MEX,RUS,SAU,TUR,USA,ZAF," +
		"BRN,KHM,LAO,MMR,MYS,PHL,SGP,THA,TLS:2002,VNM"
	gapOffices = "head-of-state,head-of-government,foreign-minister,defence-minister"
)

// runGaps lists, per country and office, the years no dated holder in the loaded dictionaries covers (and the
// years only partly covered), with the share of country-years covered: `dyad dict gaps`. A title such as
// "Japan's foreign minister" resolves to its holder on the article's date only where the record has one.
func runGaps(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "dict gaps", "")
	countries := fs.String("countries", gapCountries, "alpha-3 codes, comma-separated; CODE:YEAR starts that country's record in YEAR")
	offices := fs.String("offices", gapOffices, "office ids of actors/offices, comma-separated")
	first := fs.Int("from", 1990, "first year")
	last := fs.Int("to", 2026, "last year")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("dict gaps takes no arguments")
	}
	if *first > *last {
		return usagef("--from %d is after --to %d", *first, *last)
	}
	d, err := e.dictionary()
	if err != nil {
		return err
	}
	writeGaps(e.stdout, d, split(*countries), split(*offices), *first, *last)
	return nil
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// writeGaps prints one line per country and office that misses a year (whole years with no holder as
// ranges, then partly covered years with their uncovered days; the years the country had no such office, from
// actors/absent, apart with the reason), then the share of country-years covered per office and in all (a day
// with no such office counts as covered; a year with none all year is left out).
func writeGaps(w io.Writer, d *actor.Dictionary, countries, offices []string, first, last int) {
	type tally struct{ years, full, none, absent int }
	tot := map[string]*tally{}
	all := &tally{}
	for _, o := range offices {
		tot[o] = &tally{}
	}
	for _, c := range countries {
		start := first
		if code, year, ok := strings.Cut(c, ":"); ok {
			if y, err := strconv.Atoi(year); err == nil && y > start {
				start = y
			}
			c = code
		}
		for _, o := range offices {
			var none, absent []int
			var partly, why []string
			for _, y := range d.OfficeYears(o, c, start, last) {
				if y.Days == 0 {
					continue
				}
				t := tot[o]
				if y.Absent > 0 && !slices.Contains(why, y.Why) {
					why = append(why, y.Why)
				}
				if y.Held == 0 && y.Absent == y.Days {
					// no such office all year (actors/absent): no gap in the record, and not counted
					absent = append(absent, y.Year)
					t.absent++
					all.absent++
					continue
				}
				t.years++
				all.years++
				switch without := y.Days - y.Held - y.Absent; {
				case without == 0:
					t.full++
					all.full++
				case y.Held == 0:
					none = append(none, y.Year)
					t.none++
					all.none++
				default:
					partly = append(partly, fmt.Sprintf("%d(%d)", y.Year, without))
				}
			}
			if len(none) == 0 && len(partly) == 0 && len(absent) == 0 {
				continue
			}
			line := fmt.Sprintf("%s %-18s", c, o)
			if len(absent) > 0 {
				line += " no office: " + yearRanges(absent)
			}
			if len(none) > 0 {
				line += " none: " + yearRanges(none)
			}
			if len(partly) > 0 {
				line += " partly (days without): " + strings.Join(partly, " ")
			}
			if len(why) > 0 {
				line += " (no such office: " + strings.Join(why, "; ") + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	pct := func(n, of int) string {
		if of == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
	}
	fmt.Fprintf(w, "\ncountry-years %d-%d with a holder (any day / every day), %d countries:\n", first, last, len(countries))
	for _, o := range offices {
		t := tot[o]
		fmt.Fprintf(w, "  %-18s %6s / %6s  (%d of %d years have none)%s\n", o, pct(t.years-t.none, t.years), pct(t.full, t.years), t.none, t.years, noOffice(t.absent))
	}
	fmt.Fprintf(w, "  %-18s %6s / %6s  (%d of %d years have none)%s\n", "all", pct(all.years-all.none, all.years), pct(all.full, all.years), all.none, all.years, noOffice(all.absent))
}

// noOffice notes the country-years left out of the shares because the country had no such office all year.
func noOffice(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d more with no such office", n)
}

// yearRanges writes sorted years as ranges: 1990-1994 1999 2003-2004.
func yearRanges(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ys[i], ys[j]))
		} else {
			parts = append(parts, fmt.Sprint(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}
