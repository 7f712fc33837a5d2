package text

import (
	"reflect"
	"testing"
)

func TestDigitRunsAndForm(t *testing.T) {
	s := "le 3 mars 2021, à 14h05"
	want := [][2]int{{3, 4}, {10, 14}, {19, 21}, {22, 24}} // byte offsets: "à" is two bytes
	if got := DigitRuns(s); !reflect.DeepEqual(got, want) {
		t.Errorf("DigitRuns(%q) = %v, want %v", s, got, want)
	}
	if got := DigitRuns("no digits"); got != nil {
		t.Errorf("DigitRuns without digits = %v, want nil", got)
	}
	if got, want := DigitForm(s), "le 0 mars 0000, à 00h00"; got != want {
		t.Errorf("DigitForm(%q) = %q, want %q", s, got, want)
	}
}
