package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

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

// TestOfficeYearsAbsent reads actors/absent: Brazil had no defence minister before its Ministry of Defence
// of June 1999, so its years before are days with no such office, not days without a holder; the office's
// first year is part absent, part held, with no day left over. Russia's 1991 is absent but for Kobets's
// months. A year with a holder keeps Absent 0.
func TestOfficeYearsAbsent(t *testing.T) {
	d := testDict(t)
	for _, y := range d.OfficeYears("defence-minister", "BRA", 1995, 1995) {
		if y.Held != 0 || y.Absent != y.Days || y.Why == "" {
			t.Errorf("BRA defence-minister 1995: %+v, want every day absent, with the reason", y)
		}
	}
	for _, y := range d.OfficeYears("defence-minister", "BRA", 1999, 1999) {
		if y.Held == 0 || y.Absent == 0 || y.Held+y.Absent != y.Days {
			t.Errorf("BRA defence-minister 1999: %+v, want held and absent days that fill the year", y)
		}
	}
	for _, y := range d.OfficeYears("defence-minister", "RUS", 1991, 1991) {
		if y.Held == 0 || y.Held+y.Absent != y.Days {
			t.Errorf("RUS defence-minister 1991: %+v, want Kobets's months held and the rest absent", y)
		}
	}
	for _, y := range d.OfficeYears("defence-minister", "USA", 2000, 2000) {
		if y.Absent != 0 || y.Why != "" {
			t.Errorf("USA defence-minister 2000: %+v, want nothing absent", y)
		}
	}
}

// TestLoadAbsentErrors gives each bad line of an actors/absent its file:line: a wrong field count, an
// unknown office, an unknown country, a missing reason, a bad date and dates in the wrong order.
func TestLoadAbsentErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "actors", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("countries", "BRA | BR | BRA | Brazil\n")
	write("offices", "defence-minister | GOV | Minister of Defence\n")
	write("absent", "defence-minister | BRA | 1900 | 1999-05 | each service had its own minister\n"+
		"defence-minister | BRA | 1900\n"+
		"no-such-office | BRA | 1900 | 1999 | why\n"+
		"defence-minister | XXX | 1900 | 1999 | why\n"+
		"defence-minister | BRA | 1900 | 1999 | \n"+
		"defence-minister | BRA | 1999-13 | 2000 | why\n"+
		"defence-minister | BRA | 2000 | 1999 | why\n")
	d, err := Load(packs.Dir(dir))
	if err == nil {
		t.Fatal("want errors")
	}
	for _, w := range []string{"absent:2: want office", "absent:3: unknown office", "absent:4: country \"XXX\"",
		"absent:5: an absent office needs its reason", "absent:6: from", "absent:7: from 2000 is after to 1999"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("want %q in:\n%v", w, err)
		}
	}
	if strings.Contains(err.Error(), "absent:1:") {
		t.Errorf("line 1 is good: %v", err)
	}
	if d == nil {
		return
	}
	if ys := d.OfficeYears("defence-minister", "BRA", 1995, 1995); ys[0].Absent != ys[0].Days {
		t.Errorf("BRA 1995 from the good line: %+v, want every day absent", ys[0])
	}
}
