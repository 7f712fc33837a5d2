package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCountValue: a number in digits with its thousands marks is read whole; a year written alone, a word and a
// number that runs on into letters are no count.
func TestCountValue(t *testing.T) {
	for w, want := range map[string]int{
		"110": 110, "1,000": 1000, "10.000": 10000, "800,000": 800000, "12": 12, "200": 200,
		"2015": -1, "1994": -1, "3000": 3000, "people": -1, "": -1, "20th": -1, ",5": -1,
		"1.200.000": 1200000, "12.5": -1, "2,5": -1, "10.30": -1, "12.03.2024": -1, "1,2345": -1, "1,000.": -1,
	} {
		if got := countValue(w); got != want {
			t.Errorf("countValue(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestCountElem: # is one element of its own (kCount) that counts as one word of the pattern and is never the
// trigger.
func TestCountElem(t *testing.T) {
	lg := newLang("en")
	e, err := lg.parseElem("#", nil)
	if err != nil || e.kind != kCount {
		t.Fatalf("# = %+v, %v", e, err)
	}
	if e, err := lg.parseElem("#1000", nil); err != nil || e.kind != kCount || e.max != 1000 {
		t.Errorf("#1000 = %+v, %v", e, err)
	}
	for _, bad := range []string{"#x", "#0", "#-5"} {
		if _, err := lg.parseElem(bad, nil); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	mk := func(els ...elem) *pattern {
		pt := &pattern{code: "202", elems: els}
		if err := pt.finish(); err != nil {
			t.Fatal(err)
		}
		return pt
	}
	killed := elem{kind: kLit, alts: []alt{{{text: "killed"}}}}
	with := mk(elem{kind: kSlot, slot: 'S'}, killed, elem{kind: kCount})
	without := mk(elem{kind: kSlot, slot: 'S'}, killed)
	if with.weight != without.weight+1 {
		t.Errorf("weight with # %d, without %d: want one more", with.weight, without.weight)
	}
	if with.anchor != 1 {
		t.Errorf("anchor %d, want the verb (1)", with.anchor)
	}
}

// TestCountCoded: the embedded patterns of 202 read a count of people at or above the language's count-min, or a
// word of its class many, in the languages whose killers and victims they name; a small count, soldiers, and a
// count with no killing verb give no mass killing.
func TestCountCoded(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		namedActor("militants", "group", "NGAREB", "NGA", "REB"),
		namedActor("Bewaffnete", "group", "MLIINS", "MLI", "INS"),
		namedActor("武装分子", "group", "NGAINS", "NGA", "INS"),
		namedActor("hommes armés", "group", "BFAINS", "BFA", "INS"),
	}
	has202 := func(lang, txt string) bool {
		return slices.Contains(strings.Fields(codedAs(c, actors, lang, txt, codeOnly)), "202")
	}
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Islamist militants killed at least 110 farm workers near the town on Saturday.", true},
		{"en", "Islamist militants killed hundreds of civilians near the town on Saturday.", true},
		{"en", "Islamist militants killed 1,200 villagers in the raid.", true},
		{"en", "Islamist militants killed 12 farm workers near the town on Saturday.", false},
		{"en", "Islamist militants killed 110 soldiers near the town on Saturday.", false},
		{"en", "Islamist militants freed 110 farm workers near the town on Saturday.", false},
		{"fr", "Des hommes armés ont tué au moins 132 civils samedi.", true},
		{"fr", "Des hommes armés ont tué des centaines de civils samedi.", true},
		{"fr", "Des hommes armés ont tué 13 civils samedi.", false},
		{"de", "Bewaffnete haben im Zentrum Malis mehr als 130 Hirten und Dorfbewohner getötet.", true},
		{"de", "Bewaffnete haben im Zentrum Malis Hunderte Dorfbewohner getötet.", true},
		{"de", "Bewaffnete haben im Zentrum Malis drei Dorfbewohner getötet.", false},
		{"zh", "武装分子袭击多个村庄，杀害了200多名村民。", true},
		{"zh", "武装分子袭击多个村庄，杀害了数百名村民。", true},
		{"zh", "武装分子袭击多个村庄，杀害了2名村民。", false},
	} {
		if got := has202(tc.lang, tc.text); got != tc.want {
			t.Errorf("%s %q: 202 %v, want %v (events %q)", tc.lang, tc.text, got, tc.want, codedAs(c, actors, tc.lang, tc.text, codeSourceTarget))
		}
	}
}

// TestActingCountry: an armed group that got its country only from the sentence's context (via "place") kidnaps
// or kills in the country where the sentence places the act (coding rule 14), not in the country of a ministry
// named later or of its victims; a group known by its own name keeps its country, and a date between the
// location word and the victims places nothing.
func TestActingCountry(t *testing.T) {
	c := newTestCoder(t)
	group := func(alias, via, country string) testActor {
		return testActor{alias: alias, via: via, ref: dyad.ActorRef{ID: alias, Name: alias, Type: dyad.TypeGroup, Country: country, Sector: "INS", Code: country + "INS"}}
	}
	country := func(alias, code string) testActor {
		return testActor{alias: alias, via: "demonym", ref: dyad.ActorRef{ID: code, Name: code, Type: dyad.TypeCountry, Country: code, Code: code}}
	}
	for _, tc := range []struct {
		lang       string
		actors     []testActor
		text, want string
	}{
		{"de", []testActor{group("Bewaffnete", "place", "AUT"), country("nigrischen", "NER"), country("Österreicherin", "AUT")},
			"Bewaffnete haben in der nigrischen Wüstenstadt Agadez eine Österreicherin entführt, wie das Ministerium in Wien bestätigte.", "181 NERINS AUT"},
		{"de", []testActor{group("Bewaffnete", "name", "AUT"), country("nigrischen", "NER"), country("Österreicherin", "AUT")},
			"Bewaffnete haben in der nigrischen Wüstenstadt Agadez eine Österreicherin entführt, wie das Ministerium in Wien bestätigte.", "181 AUTINS AUT"},
		{"es", []testActor{group("hombres armados", "sentence", "USA"), country("estadounidenses", "USA"), country("mexicana", "MEX")},
			"Cuatro estadounidenses fueron secuestrados el viernes por un grupo de hombres armados en la ciudad mexicana de Matamoros.", "181 MEXINS USA"},
		{"pt", []testActor{group("gangue armado", "dateline", "HTI"), country("norte-americanos", "USA")},
			"Um gangue armado raptou no sábado 16 norte-americanos nos arredores da capital.", "181 HTIINS USA"},
	} {
		got := strings.Fields(codedAs(c, tc.actors, tc.lang, tc.text, codeSourceTarget))
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s %q: events %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestCountLeast: #N asks for at least N in digits, whatever count-min says: a mass expulsion (201) is thousands of
// people or a word of class many, not 60 of them (the German perfect: "hat ... Hunderttausende Afghanen ...
// abgeschoben").
func TestCountLeast(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		namedActor("Iran", "country", "IRN", "IRN", ""),
		{alias: "Afghanen", via: "demonym", ref: dyad.ActorRef{ID: "AFG", Name: "AFG", Type: dyad.TypeCountry, Country: "AFG", Code: "AFG"}},
	}
	for txt, want := range map[string]bool{
		"Iran hat in diesem Jahr Hunderttausende Afghanen abgeschoben.": true,
		"Iran hat in diesem Jahr 1.200 Afghanen abgeschoben.":           true,
		"Iran hat in diesem Jahr 60 Afghanen abgeschoben.":              false,
	} {
		if got := slices.Contains(strings.Fields(codedAs(c, actors, "de", txt, codeOnly)), "201"); got != want {
			t.Errorf("%q: 201 %v, want %v (events %q)", txt, got, want, codedAs(c, actors, "de", txt, codeSourceTarget))
		}
	}
}

// TestOpeningCountry: a bombing with no author and no place word is placed in the country that opens its clause
// ("巴基斯坦卡拉奇……遭自杀式袭击"), never in one that only reports it, before a comma, a `that` word or a
// reporting verb ("法国表示，……", "France said that ...").
func TestOpeningCountry(t *testing.T) {
	c := newTestCoder(t)
	country := func(alias, via, code string) testActor {
		return testActor{alias: alias, via: via, ref: dyad.ActorRef{ID: code, Name: code, Type: dyad.TypeCountry, Country: code, Code: code}}
	}
	for _, tc := range []struct {
		lang       string
		actors     []testActor
		text, want string
	}{
		{"zh", []testActor{country("巴基斯坦", "name", "PAK"), country("中国", "demonym", "CHN")},
			"巴基斯坦卡拉奇一处机场附近6日晚遭自杀式袭击，造成2名中国公民遇难。", "1831 PAK CHN"},
		{"zh", []testActor{country("法国", "name", "FRA"), country("中国", "demonym", "CHN")},
			"法国表示，卡拉奇一处机场附近6日晚遭自杀式袭击，造成2名中国公民遇难。", "1831 CHN CHN"},
		{"en", []testActor{country("France", "name", "FRA"), country("Chinese", "demonym", "CHN")},
			"France said on Monday that two Chinese were killed by a suicide bomber.", "1831 CHN CHN"},
	} {
		got := strings.Fields(codedAs(c, tc.actors, tc.lang, tc.text, codeSourceTarget))
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s %q: events %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}
