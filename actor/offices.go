package actor

import (
	"time"

	"github.com/dyad-events/dyad/packs"
)

// OfficeYear is one year of an office's record in the dictionary: how many of its days (up to today) some
// dated holder covers, and how many of the others the office did not exist in the country (actors/absent).
type OfficeYear struct {
	Year   int    `json:"year"`
	Days   int    `json:"days"`             // the year's days, up to today
	Held   int    `json:"held"`             // the days some holder covers
	Absent int    `json:"absent,omitempty"` // the days no holder covers and the country had no such office
	Why    string `json:"why,omitempty"`    // why it had none (the absent line's reason), where Absent > 0
}

// absence is a span of days a country had no office of an id: Brazil had no defence minister before its
// Ministry of Defence of June 1999 (each service had its own), so "Brazil's defence minister" in 1995 names
// no one, and `dyad dict gaps` reports those years as no office rather than as a gap in the record.
type absence struct {
	country  string
	from, to int
	why      string
}

// loadAbsent reads actors/absent: `office | country | from | to | why`, the spans a country had no such
// office, with the reason (a later layer adds spans; it never removes one).
func (d *Dictionary) loadAbsent(f packs.File) []error {
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) != 5 {
			errs = append(errs, l.Errorf("want office | country | from | to | why, have %d fields", len(l.Fields)))
			continue
		}
		off, c, why := l.Fields[0], l.Fields[1], l.Fields[4]
		if _, ok := d.offices[off]; !ok {
			errs = append(errs, l.Errorf("unknown office %q (offices are listed in actors/offices)", off))
			continue
		}
		if !d.isCountry(c) {
			errs = append(errs, l.Errorf("country %q: not an alpha-3 code of actors/countries", c))
			continue
		}
		if why == "" {
			errs = append(errs, l.Errorf("an absent office needs its reason"))
			continue
		}
		a := absence{country: c, why: why}
		var err error
		if a.from, err = parseDate(l.Fields[2], false); err != nil {
			errs = append(errs, l.Errorf("from: %v", err))
			continue
		}
		if a.to, err = parseDate(l.Fields[3], true); err != nil {
			errs = append(errs, l.Errorf("to: %v", err))
			continue
		}
		if a.from > a.to {
			errs = append(errs, l.Errorf("from %s is after to %s", l.Fields[2], l.Fields[3]))
			continue
		}
		d.absent[off] = append(d.absent[off], a)
	}
	return errs
}

// OfficeYears tells, for each year from first to last, how many days some role of the office in the country
// (an alpha-3 code) covers, over every layer, and how many of the rest actors/absent says the country had no
// such office. Years with Held 0 and Absent short of Days are gaps in the record: a title such as "Japan's
// foreign minister" resolves to no one on their dates. `dyad dict gaps` lists them.
func (d *Dictionary) OfficeYears(office, country string, first, last int) []OfficeYear {
	type span struct{ from, to int }
	var spans []span
	for _, h := range d.holders[office] {
		r := d.actors[h.actor].roles[h.role]
		if r.country == country && r.host == "" {
			spans = append(spans, span{r.from, r.to})
		}
	}
	var none []absence
	for _, a := range d.absent[office] {
		if a.country == country {
			none = append(none, a)
		}
	}
	now := d.now()
	today := now.Year()*10000 + int(now.Month())*100 + now.Day()
	var out []OfficeYear
	for y := first; y <= last; y++ {
		oy := OfficeYear{Year: y}
	days:
		for t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); t.Year() == y; t = t.AddDate(0, 0, 1) {
			day := y*10000 + int(t.Month())*100 + t.Day()
			if day > today {
				break
			}
			oy.Days++
			for _, s := range spans {
				if s.from <= day && day <= s.to {
					oy.Held++
					continue days
				}
			}
			for _, a := range none {
				if a.from <= day && day <= a.to {
					oy.Absent++
					if oy.Why == "" {
						oy.Why = a.why
					}
					break
				}
			}
		}
		out = append(out, oy)
	}
	return out
}
