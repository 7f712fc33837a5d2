package cameo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

func TestEmbeddedCodebook(t *testing.T) {
	cb, err := Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	all := cb.All()
	if len(all) < 290 {
		t.Fatalf("codebook has %d codes, want about 300", len(all))
	}
	roots := 0
	for _, c := range all {
		if len(c.Code) == 2 {
			roots++
		}
		if c.Root != c.Code[:2] || c.QuadClass < 1 || c.QuadClass > 4 {
			t.Errorf("%s: root %q quad %d", c.Code, c.Root, c.QuadClass)
		}
		if c.Code != "01" && !strings.HasPrefix(c.Code, "01") && c.Plover == "" {
			t.Errorf("%s has no PLOVER type", c.Code)
		}
	}
	if roots != 20 {
		t.Errorf("%d roots, want 20", roots)
	}
	if got := len(cb.PloverTypes()); got != 16 {
		t.Errorf("%d PLOVER types, want 16", got)
	}
}

func TestLookup(t *testing.T) {
	cb, err := Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code      string
		name      string
		quad      int
		goldstein float64
		plover    string
	}{
		{"010", "Make statement, not specified below", 1, 0, ""},
		{"019", "Express accord", 1, 3.4, "AGREE"},
		{"036", "Express intent to meet or negotiate", 1, 4.0, "AGREE"},
		{"040", "Consult, not specified below", 1, 1.0, "CONSULT"},
		{"042", "Make a visit", 1, 1.9, "CONSULT"},
		{"043", "Host a visit", 1, 2.8, "CONSULT"},
		{"046", "Engage in negotiation", 1, 7.0, "CONSULT"},
		{"057", "Sign formal agreement", 1, 8.0, "AGREE"},
		{"061", "Cooperate economically", 2, 6.4, "COOPERATE"},
		{"073", "Provide humanitarian aid", 2, 7.4, "AID"},
		{"0841", "Return, release persons", 2, 7.0, "RETREAT"},
		{"0874", "Retreat or surrender militarily", 2, 10.0, "RETREAT"},
		{"083", "Accede to requests or demands for political reform", 2, 5.0, "CONCEDE"},
		{"091", "Investigate crime, corruption", 3, -2.0, "ACCUSE"},
		{"1056", "Demand de-escalation of military engagement", 3, -5.0, "REQUEST"},
		{"111", "Criticize or denounce", 3, -2.0, "ACCUSE"},
		{"125", "Reject proposal to meet, discuss, or negotiate", 3, -5.0, "REJECT"},
		{"138", "Threaten to use military force, not specified below", 3, -7.0, "THREATEN"},
		{"141", "Demonstrate or rally, not specified below", 4, -6.5, "PROTEST"},
		{"154", "Mobilize or increase armed forces", 4, -7.2, "MOBILIZE"},
		{"163", "Impose embargo, boycott, or sanctions", 4, -6.5, "SANCTION"},
		{"173", "Arrest, detain, or charge with legal action", 4, -5.0, "COERCE"},
		{"186", "Assassinate", 4, -10.0, "ASSAULT"},
		{"191", "Impose blockade, restrict movement", 4, -9.5, "COERCE"},
		{"195", "Employ aerial weapons, not specified below", 4, -10.0, "ASSAULT"},
		{"2042", "Detonate nuclear weapons", 4, -10.0, "ASSAULT"},
		{"04", "Consult", 1, 1.0, "CONSULT"},
	}
	for _, tt := range tests {
		c, ok := cb.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q) not found", tt.code)
			continue
		}
		if c.Name != tt.name || c.QuadClass != tt.quad || c.Goldstein != tt.goldstein || c.Plover != tt.plover {
			t.Errorf("Lookup(%q) = %+v, want name %q quad %d goldstein %v plover %q", tt.code, c, tt.name, tt.quad, tt.goldstein, tt.plover)
		}
	}
	for _, bad := range []string{"", "0", "21", "047", "00", "12345", "abc"} {
		if _, ok := cb.Lookup(bad); ok {
			t.Errorf("Lookup(%q) found, want not", bad)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		codebook string
		plover   string
		want     string
	}{
		{"fields", "01 | Make public statement\n", "", "codebook:1: want 3 fields"},
		{"digits", "01 | A | 0\n01x | B | 0\n", "", "codebook:2: code \"01x\": not all digits"},
		{"length", "01 | A | 0\n01234 | B | 0\n", "", "codebook:2: code \"01234\": want 2 to 4 digits"},
		{"root", "21 | A | 0\n", "", "codebook:1: code \"21\": root 21 is not 01-20"},
		{"parent", "# c\n01 | A | 0\n0211 | B | 0\n", "", "codebook:3: code 0211: parent 021"},
		{"weight", "01 | A | 0\n010 | B | 11\n", "", "codebook:2: code 010: Goldstein weight 11 outside [-10, 10]"},
		{"nan", "01 | A | x\n", "", "codebook:1: code 01: Goldstein weight \"x\" is not a number"},
		{"dup", "01 | A | 0\n01 | A | 0\n", "", "codebook:2: code 01 defined twice"},
		{"empty name", "01 |  | 0\n", "", "codebook:1: code 01: empty name"},
		{"unknown prefix", "01 | A | 0\n", "AGREE | x\n02 | AGREE\n", "plover:2: prefix \"02\" is not a code"},
		{"unknown type", "01 | A | 0\n", "01 | AGREE\n", "plover:1: prefix 01: PLOVER type \"AGREE\" is not defined"},
		{"plover fields", "01 | A | 0\n", "01\n", "plover:1: want 2 fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "cameo"), 0o755); err != nil {
				t.Fatal(err)
			}
			write := func(name, s string) {
				if err := os.WriteFile(filepath.Join(dir, "cameo", name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("codebook", tt.codebook)
			write("plover", tt.plover)
			_, err := Load(packs.Dir(dir))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tt.want)
			}
			if errs := packs.Check(packs.Dir(dir)); len(errs) == 0 {
				t.Errorf("packs.Check found nothing")
			}
		})
	}
}

func TestUserExtension(t *testing.T) {
	// A user file extends the embedded codebook: a new four-digit subcode under an existing parent.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cameo"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cameo", "codebook"), []byte("0421 | Make a state visit | 1.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := Load(s)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := cb.Lookup("0421")
	if !ok || c.Plover != "CONSULT" || c.QuadClass != 1 {
		t.Errorf("Lookup(0421) = %+v, %v", c, ok)
	}
}

func TestHelpers(t *testing.T) {
	if Root("0421") != "04" || Root("1") != "" {
		t.Error("Root")
	}
	for code, q := range map[string]int{"01": 1, "057": 1, "06": 2, "0874": 2, "09": 3, "139": 3, "14": 4, "2042": 4, "21": 0, "x": 0} {
		if got := QuadClass(code); got != q {
			t.Errorf("QuadClass(%q) = %d, want %d", code, got, q)
		}
	}
	if !ValidSyntax("0874") || ValidSyntax("00") || ValidSyntax("2100") || ValidSyntax("04a") {
		t.Error("ValidSyntax")
	}
}

func BenchmarkLookup(b *testing.B) {
	cb, err := Load(packs.Default())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cb.Lookup("0874")
	}
}
