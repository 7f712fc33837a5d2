package actor

import "time"

// OfficeYear is one year of an office's record in the dictionary: how many of its days (up to today) some
// dated holder covers.
type OfficeYear struct {
	Year int `json:"year"`
	Days int `json:"days"` // the year's days, up to today
	Held int `json:"held"` // the days some holder covers
}

// OfficeYears tells, for each year from first to last, how many days some role of the office in the country
// (an alpha-3 code) covers, over every layer. Years with Held 0 are gaps in the record: a title such as
// "Japan's foreign minister" resolves to no one on their dates. `dyad dict gaps` lists them.
func (d *Dictionary) OfficeYears(office, country string, first, last int) []OfficeYear {
	type span struct{ from, to int }
	var spans []span
	for _, h := range d.holders[office] {
		r := d.actors[h.actor].roles[h.role]
		if r.country == country && r.host == "" {
			spans = append(spans, span{r.from, r.to})
		}
	}
	now := d.now()
	today := now.Year()*10000 + int(now.Month())*100 + now.Day()
	var out []OfficeYear
	for y := first; y <= last; y++ {
		oy := OfficeYear{Year: y}
		for t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); t.Year() == y; t = t.AddDate(0, 0, 1) {
			day := y*10000 + int(t.Month())*100 + t.Day()
			if day > today {
				break
			}
			oy.Days++
			for _, s := range spans {
				if s.from <= day && day <= s.to {
					oy.Held++
					break
				}
			}
		}
		out = append(out, oy)
	}
	return out
}
