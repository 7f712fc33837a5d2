package extract

import (
	"fmt"
	"sync"
	"testing"
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
