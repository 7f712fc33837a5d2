package text

import "testing"

func TestEnglishPlural(t *testing.T) {
	for w, want := range map[string]string{
		"deputy": "deputies", "policeman": "policemen", "army": "armies", "crisis": "crises",
		"monarch": "monarchs", "agenda": "agendas", "soldier": "soldiers",
		// already plural or uncountable: no form of its own
		"soldiers": "", "policemen": "", "police": "", "personnel": "", "troops": "",
	} {
		if got := EnglishPlural(w); got != want {
			t.Errorf("EnglishPlural(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestIsEnglishPlural(t *testing.T) {
	for w, want := range map[string]bool{"soldiers": true, "policemen": true, "spokesmen": true, "police": false, "scholar": false, "personnel": false} {
		if got := IsEnglishPlural(w); got != want {
			t.Errorf("IsEnglishPlural(%q) = %v, want %v", w, got, want)
		}
	}
}
