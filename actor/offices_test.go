package actor

import "testing"

// TestOfficeYears counts the days of each year some holder of an office covers: every day of the US
// presidency, none of an office the dictionary has no holder of, and no day after today.
func TestOfficeYears(t *testing.T) {
	d := testDict(t)
	for _, y := range d.OfficeYears("head-of-state", "USA", 1995, 2025) {
		if y.Held != y.Days || y.Days < 365 {
			t.Errorf("USA head-of-state %d: held %d of %d days, want every day", y.Year, y.Held, y.Days)
		}
	}
	if ys := d.OfficeYears("head-of-state", "USA", 1996, 1996); len(ys) != 1 || ys[0].Days != 366 {
		t.Errorf("1996: got %+v, want one year of 366 days", ys)
	}
	for _, y := range d.OfficeYears("no-such-office", "USA", 2000, 2001) {
		if y.Held != 0 {
			t.Errorf("no-such-office %d: held %d days, want 0", y.Year, y.Held)
		}
	}
	if ys := d.OfficeYears("head-of-state", "USA", 2999, 2999); ys[0].Days != 0 || ys[0].Held != 0 {
		t.Errorf("2999: got %+v, want no days (after today)", ys)
	}
}
