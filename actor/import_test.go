package actor

import (
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

func TestImport(t *testing.T) {
	cases := []struct {
		file, format string
		want         []string
		not          []string
	}{
		{"testdata/petrarch.actors", FormatPetrarchActors, []string{
			"pham-binh-minh | person | VNM | ELI |  | Pham Binh Minh",
			"role | | VNMGOV | 2011-08-03 | 2021-04-08 | GOV",
			"role | | VNMELI | 2021-04-09 |  | ELI",
			"nguyen-phu-trong | person | VNM | ELI |  | Nguyen Phu Trong | General Secretary Nguyen Phu Trong",
			"role | | VNMPTY | 2011-01-19 | 2024-07-19 | PTY",
			"asean | igo |  | IGO | IGOSEAASN | ASEAN | Association Of Southeast Asian Nations",
			"united-nations | igo |  | IGO | IGOUNO | United Nations", // "UN": a stop word of French
			"patriotic-front-of-the-north | group | VNM | REB | VNMREB | Patriotic Front Of The North | PFN",
			"role | | VNMGOV | 1998-01-01 | 2002-12-31 | GOV",
		}, []string{"Unknown Watchers", "| The United Nations", "| Ap |", "| AP |", "Viet Nam"}},
		{"testdata/petrarch.agents", FormatPetrarchAgents, []string{
			"GOV | | ambassador | ambassadors",
			"MIL | | armed forces",
			"COP | | policeman | policemen | policewoman | policewomen",
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
		{"+ALIAS_ONLY\n", FormatPetrarchActors, "input:1: synonym before any actor"},
		{"X_ [VNMGOV 1108-2104]\n", FormatPetrarchActors, "input:1: code VNMGOV: date"},
		{"X_\n\t[VNMGOV 210101-110101]\n", FormatPetrarchActors, "input:2: code VNMGOV: date range"},
		{"X_ [VNMGOV\n", FormatPetrarchActors, "unclosed"},
		{"X_ [QQQGOV]\n", FormatPetrarchActors, "input:1: code \"QQQGOV\": QQQ is no country"},
		{"X_ [VNMGO]\n", FormatPetrarchActors, "input:1: code \"VNMGO\""},
		{"X_ [VNM]\n" + strings.Repeat("A", 1<<20) + "\nY_ [VNM]\n", FormatPetrarchActors, "input:2: line longer than"},
		{"X_ [VNM]\n\x00\x01\x02\xff\xfe\n", FormatPetrarchActors, "input:2: not UTF-8"},
		{"AMBASSADOR [~gov]\n", FormatPetrarchAgents, "input:1: sector"},
		{"AMBASSADOR\n", FormatPetrarchAgents, "input:1: no [~SECTOR]"},
		{"!X! = A\nB_!Y! [~GOV]\n", FormatPetrarchAgents, "input:2: substitution sets"},
		{"SPORTS [X]\n", FormatPetrarchDiscards, "input:1: phrase"},
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
	// Ours win: the imported entry extends ours, but its roles that overlap or follow ours are left out.
	a, ok := d.Actor("pham-binh-minh")
	if !ok || len(a.Roles) != 1 || a.Roles[0].From != "2011-08-03" {
		t.Fatalf("imported actor = %+v, %v", a, ok)
	}
	// An imported actor of its own, and a person outside their roles: the country's elites.
	for _, c := range []struct{ text, date, id, code string }{
		{"The Patriotic Front of the North said so.", "2024-01-01", "patriotic-front-of-the-north", "VNMREB"},
		{"Pham Binh Minh said so.", "2015-01-01", "pham-binh-minh", "VNMGOV"},
		{"Pham Binh Minh said so.", "2023-01-01", "pham-binh-minh", "VNMELI"},
		{"Pham Binh Minh said so.", "2005-01-01", "pham-binh-minh", "VNMELI"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "en", Published: dyad.NullString(c.date)})
		if len(ms) == 0 || ms[0].Actor.ID != c.id || ms[0].Actor.Code != c.code {
			t.Errorf("%q on %s: %+v, want %s %s", c.text, c.date, ms, c.id, c.code)
		}
	}
}

// TestImportReport checks that every unreadable line is reported with its number and the rest converted,
// and that screened names are listed.
func TestImportReport(t *testing.T) {
	in := "GOOD_ONE_ [VNMGOV]\nBAD_DATE_\n\t[VNMGOV 9999999-010101]\n\t[VNMELI]\nREUTERS_ [MNCGBRMED]\n" +
		"+THE\nSHORT_\n+Ab\n\t[VNMGOV]\n\xff\xfe\n\t[VNMGOV >200101]\nLAST_ONE_ [VNMMIL]\n"
	var b strings.Builder
	rep, err := ImportWith(strings.NewReader(in), FormatPetrarchActors, &b, ImportOptionsFor(t, "hostile.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var probs, screened []string
	for _, p := range rep.Problems {
		probs = append(probs, p.Error())
	}
	for _, p := range rep.Screened {
		screened = append(screened, p.Error())
	}
	wantProbs := []string{"hostile.txt:3: code VNMGOV: date", "hostile.txt:10: not UTF-8"}
	if len(probs) != len(wantProbs) {
		t.Fatalf("problems %q, want %q", probs, wantProbs)
	}
	for k, w := range wantProbs {
		if !strings.HasPrefix(probs[k], w) {
			t.Errorf("problem %q, want %q", probs[k], w)
		}
	}
	all := strings.Join(screened, "\n")
	for _, w := range []string{"hostile.txt:5: \"REUTERS\": a news agency's name", "hostile.txt:6: \"THE\": a stop word",
		"hostile.txt:8: \"Ab\": a name under four letters", "hostile.txt:11: a synonym or code of the unreadable line 10"} {
		if !strings.Contains(all, w) {
			t.Errorf("screened:\n%s\nwant %q", all, w)
		}
	}
	out := b.String()
	for _, w := range []string{"good-one | organization | VNM | GOV | VNMGOV | Good One", "bad-date | organization | VNM | ELI | VNMELI | Bad Date",
		"last-one | organization | VNM | MIL | VNMMIL | Last One"} {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("missing %q in\n%s", w, out)
		}
	}
	if strings.Contains(out, ">200101") || strings.Contains(out, "2020-01-01") {
		t.Errorf("a code of the unreadable line was kept:\n%s", out)
	}
}

func TestImportDiscards(t *testing.T) {
	var b strings.Builder
	rep, err := ImportWith(strings.NewReader("1914\nYEARS LATER\n+ World Cup   # a note\nyears later\n"), FormatPetrarchDiscards, &b, ImportOptionsFor(t, "d"))
	if err != nil || len(rep.Problems) > 0 {
		t.Fatal(err, rep.Problems)
	}
	out := b.String()
	if !strings.Contains(out, "sentence | years later\nstory | world cup\n") || strings.Contains(out, "1914") {
		t.Errorf("discards:\n%s", out)
	}
}

// ImportOptionsFor returns the default options with the source named.
func ImportOptionsFor(t *testing.T, name string) ImportOptions {
	t.Helper()
	o := DefaultImportOptions()
	o.Source = name
	return o
}

func FuzzImport(f *testing.F) {
	for _, s := range []string{"X_ [VNMGOV 110803-210408]\n+Y\n", "!P! = A, B\nX!P! {} [~GOV]\n", "A_\n\t[IGO >990101]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Import(strings.NewReader(s), FormatPetrarchActors, &strings.Builder{})
		_ = Import(strings.NewReader(s), FormatPetrarchAgents, &strings.Builder{})
		_ = Import(strings.NewReader(s), FormatPetrarchDiscards, &strings.Builder{})
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

// TestImportScreenAgents keeps the lines of the sectors asked for, and with PluralOnly the forms whose head
// noun is plural.
func TestImportScreenAgents(t *testing.T) {
	f, err := os.Open("testdata/petrarch.agents")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o := DefaultImportOptions()
	o.Sectors, o.PluralOnly, o.Lang = []string{"GOV", "COP"}, true, "en"
	var b strings.Builder
	rep, err := ImportWith(f, FormatPetrarchAgents, &b, o)
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, w := range []string{"GOV | | ambassadors\n", "COP | | policemen | policewomen\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in\n%s", w, out)
		}
	}
	// MIL and CVL are not asked for; "ambassador" and "defense minist" are not plurals
	for _, w := range []string{"armed forces", "children", "| ambassador |", "| ambassador\n", "defense minist"} {
		if strings.Contains(out, w) {
			t.Errorf("unexpected %q in\n%s", w, out)
		}
	}
	if len(rep.Screened) == 0 {
		t.Error("no screened line reported")
	}
}

// TestThirdPartyAgents: the screened Phoenix agents read by default add plural groups ("bureaucrats") and
// no bare noun of a person ("a scholar").
func TestThirdPartyAgents(t *testing.T) {
	d := testDict(t)
	ms := d.Recognize(&dyad.Article{Text: "Kenyan bureaucrats met Wang Jianguo, a scholar, in Nairobi.", Lang: "en", Published: "2024-06-01"})
	var got []string
	for _, m := range ms {
		got = append(got, m.Text+"="+m.Actor.Code)
	}
	if !strings.Contains(strings.Join(got, " "), "Kenyan bureaucrats=KENGOV") || strings.Contains(strings.Join(got, " "), "scholar") {
		t.Errorf("got %v, want Kenyan bureaucrats=KENGOV and no scholar", got)
	}
}

func TestAgentPlural(t *testing.T) {
	for _, c := range []struct{ w, lang, want string }{
		{"deputy", "en", "deputies"}, {"policeman", "en", "policemen"}, {"soldiers", "en", ""},
		{"police", "en", ""}, {"soldado", "es", "soldados"}, {"juez", "es", "jueces"}, {"policías", "es", ""},
	} {
		if got := plural(c.w, c.lang); got != c.want {
			t.Errorf("plural(%q, %s) = %q, want %q", c.w, c.lang, got, c.want)
		}
	}
}

// TestLaterLayerFirstFileWins: in a later layer (the third-party dictionaries, a user's directory), a name
// that an earlier file of that layer gave one actor stays that actor's when a later file gives it to another
// (UniversalPetrarch's copy of "Tamil Tigers" under SWZ, its name, after Phoenix's LKA, an alias there); each
// file's own names stay.
func TestLaterLayerFirstFileWins(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/actors", 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"actors/a-first":  "quenn-brigade | group | LKA | REB | LKAREB | Quenn Brigade | Zorblat Front\n",
		"actors/b-second": "zorblat-front-copy | group | SWZ | REB | SWZREB | Zorblat Front | Quenn Tigers\n",
	} {
		if err := os.WriteFile(dir+"/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := packs.LoadWith(false, dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(set)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"The Zorblat Front said so.": "LKAREB",
		"The Quenn Tigers said so.":  "SWZREB",
	} {
		ms := d.Recognize(&dyad.Article{Text: text, Lang: "en", Published: dyad.NullString("2024-01-01")})
		if len(ms) != 1 || ms[0].Actor.Code != want {
			t.Errorf("%q: %+v, want one mention %s", text, ms, want)
		}
	}
}

// TestImportCodesTerritories checks that a territory coded as another country (actors/countries: GLP | GP |
// FRA) never takes that country's CAMEO code in the importer (FRANCE_ [FRA] stays France whatever the
// order of the file), and that its own alpha-3 still reads as itself (Phoenix's "GLPREB").
func TestImportCodesTerritories(t *testing.T) {
	o, err := ImportOptionsFrom(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"FRA": "FRA", "GLP": "GLP", "MYT": "MYT", "CHN": "CHN"} {
		if ci := o.Codes[code]; ci.Kind != "country" || ci.Country != want {
			t.Errorf("Codes[%s] = %+v, want country %s", code, ci, want)
		}
	}
}
