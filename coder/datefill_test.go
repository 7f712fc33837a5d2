package coder

import (
	"testing"
	"time"
)

// TestYearFilledShape: a Chinese day of a month, which go-dateparser reads only with the reference's year
// added, is learnt as a filled shape, and the shape answers every reference date of a leap year (the day
// before it included) as lang.parseDate does.
func TestYearFilledShape(t *testing.T) {
	c := newTestCoder(t)
	lg := c.langs["zh"]
	lg.ensure()
	for _, s := range []string{"3月21日", "1月1日"} {
		sh := learnShape(lg, s, shapeMonthDay)
		if !sh.ok || !sh.filled {
			t.Fatalf("learnShape(%q) = %+v, want a filled shape", s, sh)
		}
		for ref := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC); ref.Year() == 2020; ref = ref.AddDate(0, 0, 1) {
			w, _ := lg.parseDate(s, false, ref)
			if got := yearFilled(ref, sh.month, sh.day).Format("2006-01-02"); w.date != got || w.precision != "day" {
				t.Errorf("%q against %s: parseDate %+v, the shape %s", s, ref.Format("2006-01-02"), w, got)
			}
		}
	}
	// an English day of a month is read directly: its shape is not a filled one
	en := c.langs["en"]
	en.ensure()
	if sh := learnShape(en, "March 3", shapeMonthDay); !sh.ok || sh.filled {
		t.Errorf("learnShape(March 3) = %+v, want a direct shape", sh)
	}
}
