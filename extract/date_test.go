package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/text"
)

// TestDatesMemo checks that the memo of go-dateparser's answers gives each text in each language the answer
// a fresh parser gives, from several goroutines at once, and that a full memo starts afresh.
func TestDatesMemo(t *testing.T) {
	cases := []struct{ in, lang, want string }{
		{"04/05/2023", "en", "2023-04-05"},
		{"04/05/2023", "fr", "2023-05-04"},
		{"3 mars 2024", "fr", "2024-03-03"},
		{"3 mars 2024", "", ""},
		{"19 februari 2025", "nl", "2025-02-19"},
		{"yesterday 2024", "en", ""},
	}
	for _, tt := range cases {
		if got, _ := newDates().parse(tt.in, tt.lang); got != tt.want {
			t.Fatalf("fresh parse(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
	d := newDates()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, tt := range cases {
					if got, _ := d.parse(tt.in, tt.lang); got != tt.want {
						t.Errorf("parse(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
					}
				}
			}
		}()
	}
	wg.Wait()
	if n := len(d.memo); n != len(cases) {
		t.Errorf("memo holds %d answers, want %d", n, len(cases))
	}
	for i := len(d.memo); i < datesMemoSize; i++ {
		d.memo[[2]string{"en", fmt.Sprint("x", i)}] = ""
	}
	if got, _ := d.parse("5 June 2024", "en"); got != "2024-06-05" {
		t.Errorf("parse(5 June 2024) = %q after the memo filled", got)
	}
	if n := len(d.memo); n != 1 {
		t.Errorf("memo holds %d answers after it filled, want 1", n)
	}
}

// TestDateFormsAnswerAsParsed checks that what a learnt form says (dates.byForm) is go-dateparser's own
// answer: for bylines and metadata dates of every language, each learnt from its first text, then asked
// about other numbers in the same form (valid dates, impossible days and months, years out of range, runs
// that read as a year or as nothing) in a seeded random order; every answer is compared with parseWith's.
// DYAD_DATE_FORMS=all asks ten times as many.
func TestDateFormsAnswerAsParsed(t *testing.T) {
	cases := []struct{ lang, in string }{
		{"en", "2023-12-09 ·"},
		{"en", "2023-12-09 · news04.en.example"},
		{"de", "2022-10-06 · news06.de.example"},
		{"vi", "2021-06-21 · news01.vi.example"},
		{"zh", "2020-06-26 · news03.zh.example"},
		{"zh", "2021-04-05 (news02.zh.example) – 外交部长参加上述活动。"},
		{"ru", "2025-09-23 ·"},
		{"en", "16 april 2017 (news06.en.example) – (Reporting from Darfur; editing by the Asia desk)"},
		{"en", "7 april 2024"},
		{"en", "15 august 2023"},
		{"es", "2 ago 2016 (news06.es.example) – Comentarios (7) Síguenos en Facebook y X"},
		{"es", "14 sept 2022"},
		{"es", "9 mar 2020"},
		{"fr", "4 août 2017"},
		{"fr", "26 décembre 2017"},
		{"it", "29 dicembre 2016"},
		{"nl", "28 april 2021 (news02.nl.example) – *Lees ook: de reacties*"},
		{"nl", "5 maart 2022"},
		{"pt", "28 fevereiro 2018"},
		{"pt", "1 março 2021"},
		{"de", "5. Juni 2024"},
		{"en", "December 04, 2023"},
		{"en", "Xinhua) 10:22, December 04, 2023"},
		{"en", "04/05/2023"},
		{"fr", "04/05/2023"},
		{"vi", "04/12/2023"},
		{"vi", "ngày 13/11/2022 (TTXVN)"},
		{"de", "04.05.2023"},
		{"en", "13/05/2023"},
		{"en", "5/6/2023"},
		{"fr", "Publié le 19/02/2025 à 10h12"},
		{"zh", "2023年12月04日"},
		{"zh", "2023年12月04日 10:22 来源：新华社"},
		{"en", "Tue, 18 Feb 2025 10:00:00 +0700"},
		{"en", "2025-02-19 10:00"},
		{"en", "Updated 2024"},
		{"en", "31/02/2023 · news01.en.example"},
		{"en", "3 March 2024 (Reuters)"},
		{"es", "5 de abril de 2021"},
		{"pt", "9 de junho de 2016"},
		{"it", "12 marzo 2024, 10:15"},
		{"nl", "12-03-2024"},
		{"en", "March 12 2024"},
		{"en", "Tue, 18 Feb 2025"},
		{"en", "Monday 11 March 2013"},
		{"en", "Tuesday 18 February 2025 (news01.en.example) – (Reporting from Hanoi)"},
		{"fr", "mardi 18 février 2025"},
		{"de", "Dienstag, 18. Februar 2025"},
		{"en", "Sunday, 2025-02-16"},
		{"en", "21st March 2024"},
	}
	fills := 30
	if os.Getenv("DYAD_DATE_FORMS") == "all" {
		fills = 300
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	number := func(n int) string {
		switch n {
		case 4:
			switch rnd.IntN(8) {
			case 0:
				return fmt.Sprintf("%04d", rnd.IntN(10000))
			case 1:
				return []string{"1899", "1900", "2099", "2100", "0000"}[rnd.IntN(5)]
			}
			return fmt.Sprint(1990 + rnd.IntN(40))
		case 1:
			return fmt.Sprint(rnd.IntN(10))
		case 2:
			if rnd.IntN(4) == 0 {
				return []string{"00", "12", "13", "28", "29", "30", "31", "32", "59", "99"}[rnd.IntN(10)]
			}
			return fmt.Sprintf("%02d", 1+rnd.IntN(31))
		}
		return fmt.Sprintf("%0*d", n, rnd.IntN(int(math.Pow10(n))))
	}
	kinds := map[string]int{}
	for _, tt := range cases {
		d := newDates()
		if got, want := d.byForm(tt.in, tt.lang), d.parseWith(tt.in, tt.lang); got != want {
			t.Errorf("byForm(%q, %s) = %q, go-dateparser %q", tt.in, tt.lang, got, want)
		}
		form := text.DigitForm(tt.in)
		runs := text.DigitRuns(form)
		for range fills {
			b := []byte(form)
			for _, r := range runs {
				copy(b[r[0]:r[1]], number(r[1]-r[0]))
			}
			s := string(b)
			if got, want := d.byForm(s, tt.lang), d.parseWith(s, tt.lang); got != want {
				t.Errorf("byForm(%q, %s) = %q (form of %q: %+v), go-dateparser %q", s, tt.lang, got, tt.in,
					*d.forms[[2]string{tt.lang, form}], want)
			}
		}
		st := d.forms[[2]string{tt.lang, form}]
		switch {
		case !st.settled:
			kinds["unsettled"]++
		case st.f.kind == formDate:
			kinds["date"]++
		case st.f.kind == formNone:
			kinds["none"]++
		default:
			kinds["ask"]++
		}
	}
	t.Logf("forms settled: %v", kinds)
	if kinds["date"] < 20 || kinds["none"] < 5 {
		t.Errorf("learnt forms by kind %v: want at least 20 dated and 5 read as nothing", kinds)
	}
}
