package actor

import (
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

func TestImport(t *testing.T) {
	cases := []struct {
		file, format string
		want         []string
		not          []string
	}{
		{"testdata/petrarch.actors", FormatPetrarchActors, []string{
			"viet-nam | organization | VNM |  | VNM | Viet Nam | Socialist Republic Of Vietnam",
			"pham-binh-minh | person | VNM | ELI | VNMELI | Pham Binh Minh",
			"role | | VNMGOV | 2011-08-03 | 2021-04-08 | GOV",
			"role | | VNMELI | 2021-04-09 |  | ELI",
			"nguyen-phu-trong | person | VNM | PTY | VNMPTY | Nguyen Phu Trong | Nguyen Phu Trong | General Secretary Nguyen Phu Trong",
			"role | | VNMPTY | 2011-01-19 | 2024-07-19 | PTY",
			"asean | igo |  | IGO | IGOSEAASN | ASEAN | Association Of Southeast Asian Nations",
		}, []string{"Unknown Watchers"}},
		{"testdata/petrarch.agents", FormatPetrarchAgents, []string{
			"GOV | | ambassador | ambassadors",
			"MIL | | armed forces",
			"COP | | policeman | policemans | policewoman | policewomans",
			"GOVMIL | | defense minist",
			"CVL | | child | children",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			f, err := os.Open(c.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var b strings.Builder
			if err := Import(f, c.format, &b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range c.want {
				if !strings.Contains(out, w+"\n") {
					t.Errorf("missing line %q in\n%s", w, out)
				}
			}
			for _, w := range c.not {
				if strings.Contains(out, w) {
					t.Errorf("unexpected %q in\n%s", w, out)
				}
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	for _, c := range []struct{ in, format, want string }{
		{"+ALIAS_ONLY\n", FormatPetrarchActors, "line 1: alias before any actor"},
		{"X_ [VNMGOV 1108-2104]\n", FormatPetrarchActors, "line 1: date"},
		{"X_ [VNMGOV\n", FormatPetrarchActors, "unclosed"},
		{"AMBASSADOR [~gov]\n", FormatPetrarchAgents, "line 1: sector"},
		{"AMBASSADOR\n", FormatPetrarchAgents, "line 1: no [~SECTOR]"},
		{"", "tabari", "unknown format"},
	} {
		err := Import(strings.NewReader(c.in), c.format, &strings.Builder{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Import(%q, %s) = %v, want error with %q", c.in, c.format, err, c.want)
		}
	}
}

// TestImportLoads checks that an imported actors file loads beside ours.
func TestImportLoads(t *testing.T) {
	f, err := os.Open("testdata/petrarch.actors")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/actors", 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Import(f, FormatPetrarchActors, &b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/actors/imported", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(set)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := d.Actor("pham-binh-minh")
	if !ok || len(a.Roles) != 3 { // ours and the two imported
		t.Fatalf("imported actor = %+v, %v", a, ok)
	}
}

func FuzzImport(f *testing.F) {
	for _, s := range []string{"X_ [VNMGOV 110803-210408]\n+Y\n", "!P! = A, B\nX!P! {} [~GOV]\n", "A_\n\t[IGO >990101]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Import(strings.NewReader(s), FormatPetrarchActors, &strings.Builder{})
		_ = Import(strings.NewReader(s), FormatPetrarchAgents, &strings.Builder{})
	})
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(path[:strings.LastIndexByte(path, '/')], 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
