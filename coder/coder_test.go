package coder

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

func newTestCoder(t testing.TB) *Coder {
	t.Helper()
	c, err := New(packs.Default(), cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoad(t *testing.T) {
	c := newTestCoder(t)
	for _, l := range []string{"en", "fr", "nl", "de", "es", "pt", "it", "vi", "zh"} {
		if c.Patterns(l) < 40 {
			t.Errorf("%s: %d patterns, want at least 40", l, c.Patterns(l))
		}
	}
	for code, lg := range c.langs {
		lg.ensure() // the third-party verbs, parsed on first use, must load without error too
		for _, e := range lg.lazyErrs {
			t.Errorf("%s: %v", code, e)
		}
	}
	if c.Patterns("en") < 300 {
		t.Errorf("en: %d patterns, want a broad set", c.Patterns("en"))
	}
	if errs := packs.Check(packs.Default()); len(errs) > 0 {
		for _, e := range errs {
			if strings.Contains(e.Error(), "verbs") || strings.Contains(e.Error(), "grammar") || strings.Contains(e.Error(), "speech") {
				t.Error(e)
			}
		}
	}
}

// writePack writes files of a user dictionary directory.
// coderWith returns a coder over our embedded packs (without the third-party layer) and the given files.
func coderWith(t *testing.T, files map[string]string) *Coder {
	t.Helper()
	p, err := packs.LoadWith(false, writePack(t, files))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(p, cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writePack(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newUserCoder is a coder with the embedded packs and a user layer of the given files above them (as --dict
// gives one), and that layer's directory.
func newUserCoder(t *testing.T, files map[string]string) (*Coder, string) {
	t.Helper()
	dir := writePack(t, files)
	p, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(p, cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	return c, dir
}

func TestDataErrors(t *testing.T) {
	for _, tc := range []struct{ file, body, want string }{
		{"xx/verbs", "999 | S meet T\n", "xx/verbs:1: unknown CAMEO code"},
		{"xx/verbs", "040 | S @nope T\n", "xx/verbs:1: undefined word set @nope"},
		{"xx/verbs", "040 | meet\n", "xx/verbs:1: a pattern needs S"},
		{"xx/verbs", "040 | S T\n", "needs a word"},
		{"xx/verbs", "# c\n040 | S me* T\n", "xx/verbs:2: stem"},
		{"xx/verbs", "040 | S meet ..99 T\n", "bad gap"},
		{"xx/verbs", "040 | R meet T\n", "slot R (both sides) excludes"},
		{"xx/verbs", "161 | S expel T[]\n", "empty word list"},
		{"xx/verbs", "173 | S ^arrested/^detained T\n", "^ stands once"},
		{"xx/verbs", "161 | S expel T[..3]\n", "only words can stand in a slot's brackets"},
		{"xx/verbs", "161 | S expel T[@nope]\n", "undefined word set @nope"},
		{"xx/verbs", "040 | S meet T | 2\n", "confidence"},
		{"xx/verbs", "@a = \n", "empty"},
		{"xx/grammar", "nope | x\n", "xx/grammar:1: unknown word class"},
		{"xx/grammar", "option | fast\n", "unknown option"},
		{"xx/dates", "month\n", "without entries"},
		{"places/x", "Vietnam | Hanoi\n", "places/x:1: want ISO3"},
	} {
		dir := writePack(t, map[string]string{tc.file: tc.body})
		cb := cameo.MustDefault()
		_, errs := loadAll(packs.Dir(dir), cb)
		_, perrs := loadPlaces(packs.Dir(dir))
		errs = append(errs, perrs...)
		found := false
		for _, e := range errs {
			if strings.Contains(e.Error(), tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q: errors %v, want one with %q", tc.file, tc.body, errs, tc.want)
		}
	}
}

// TestUserPatterns checks that a --dict directory extends a language and that its patterns fire.
func TestUserPatterns(t *testing.T) {
	c, dir := newUserCoder(t, map[string]string{"en/verbs": "@snub = snubbed snubs\n1246 | S @snub T\n"})
	txt := "Vietnam snubbed China at the summit."
	res := c.Code(&dyad.Article{ID: "u", Lang: "en", Text: txt}, handMentions(loadTestActors(t), txt))
	if len(res.Events) != 1 || res.Events[0].Code != "1246" || !strings.Contains(res.Events[0].Mentions[0].Pattern, dir) {
		t.Fatalf("events %+v, want one 1246 from the user file", res.Events)
	}
}

func TestDatesAndReference(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct {
		name, lang, published, text, date, precision string
		inferred                                     bool
	}{
		{"published", "en", "2023-12-04", "Wang Yi met Le Hoai Trung on Saturday.", "2023-12-02", "day", false},
		{"dateline", "en", "2023-12-04", "HANOI, Dec. 2 (Agency) -- Wang Yi met Le Hoai Trung.", "2023-12-02", "day", true},
		{"no date at all", "en", "", "Wang Yi met Le Hoai Trung.", "", "", false},
		{"year from text", "en", "", "Wang Yi met Le Hoai Trung in Hanoi on February 5 to plan for 2024.", "2024-02-05", "day", true},
		{"explicit year", "en", "", "Wang Yi met Le Hoai Trung on 5 February 2024.", "2024-02-05", "day", false},
		{"month", "en", "2025-03-10", "Wang Yi met Le Hoai Trung in October 2024.", "2024-10", "month", false},
		{"year", "en", "2025-03-10", "Wang Yi met Le Hoai Trung in 2024.", "2024", "year", false},
		{"future moves back", "nl", "2025-03-10", "Op 31 oktober ontmoette Wang Yi Le Hoai Trung.", "2024-10-31", "day", false},
		{"publication date", "en", "2025-03-10", "Wang Yi met Le Hoai Trung.", "2025-03-10", "day", true},
		{"relative", "fr", "2025-03-10", "Hier, Wang Yi a rencontré Le Hoai Trung.", "2025-03-09", "day", false},
		{"vi numeric", "vi", "2025-03-10", "Ngày 18/2, Vương Nghị đã hội kiến Le Hoai Trung.", "2025-02-18", "day", false},
	} {
		a := &dyad.Article{ID: "d", Lang: tc.lang, Text: tc.text, Published: dyad.NullString(tc.published)}
		res := c.Code(a, handMentions(actors, tc.text))
		if len(res.Events) == 0 {
			t.Errorf("%s: no event; trace %s", tc.name, traceString(res))
			continue
		}
		e := res.Events[0]
		if string(e.Date) != tc.date || e.DatePrecision != tc.precision || e.DateInferred != tc.inferred {
			t.Errorf("%s: date %q %q inferred=%v, want %q %q %v", tc.name, e.Date, e.DatePrecision, e.DateInferred, tc.date, tc.precision, tc.inferred)
		}
	}
}

func TestStatements(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct {
		name, lang, text, speaker, verb, content string
		direct                                   bool
	}{
		{"said that", "en", "Wang Yi said that China valued its ties with Vietnam.", "Wang Yi", "said", "China valued its ties with Vietnam", false},
		{"inverted", "en", "China values its ties with Vietnam, said Wang Yi.", "Wang Yi", "said", "China values its ties with Vietnam", false},
		{"trailing", "en", "China values its ties with Vietnam, Wang Yi said.", "Wang Yi", "said", "China values its ties with Vietnam", false},
		{"pronoun", "en", "Wang Yi arrived in Hanoi. He stressed that the visit mattered.", "Wang Yi", "stressed", "the visit mattered", false},
		{"parenthetical", "en", "These efforts, Wang Yi noted, will help both countries.", "Wang Yi", "noted", "These efforts will help both countries", false},
		{"direct quote", "en", "Wang Yi said: \"We value this friendship.\"", "Wang Yi", "said", "We value this friendship.", true},
		{"fr", "fr", "Pour sa part, Wang Yi a affirmé que la Chine était prête.", "Wang Yi", "affirmé", "la Chine était prête", false},
		{"nl continued", "nl", "Wang Yi bevestigde dat China klaar is. Wij willen samenwerken.", "Wang Yi", "bevestigde", "China klaar is. Wij willen samenwerken.", false},
		{"de", "de", "Scholz sagte, Deutschland werde helfen.", "Olaf Scholz", "sagte", "Deutschland werde helfen", false},
		{"zh", "zh", "王毅表示，中国愿同越南合作。", "Wang Yi", "表示", "中国愿同越南合作", false},
	} {
		a := &dyad.Article{ID: "s", Lang: tc.lang, Text: tc.text, Published: "2025-03-10"}
		res := c.Code(a, handMentions(actors, tc.text))
		if len(res.Statements) == 0 {
			t.Errorf("%s: no statement", tc.name)
			continue
		}
		st := res.Statements[len(res.Statements)-1]
		if st.Speaker.Name != tc.speaker || st.Verb != tc.verb || st.Text != tc.content || st.Direct != tc.direct {
			t.Errorf("%s: %q %q %q direct=%v, want %q %q %q %v", tc.name, st.Speaker.Name, st.Verb, st.Text, st.Direct, tc.speaker, tc.verb, tc.content, tc.direct)
		}
		if st.ArticleID != "s" || st.Lang != tc.lang || st.End <= st.Start {
			t.Errorf("%s: statement fields %+v", tc.name, st)
		}
	}
}

func TestEventFields(t *testing.T) {
	c := newTestCoder(t)
	txt := "HANOI, Dec. 2 (Agency) -- Wang Yi met Le Hoai Trung in Hanoi on Saturday."
	a := &dyad.Article{ID: "art1", Lang: "en", Text: txt, Published: "2023-12-04", Source: "Agency", Dateline: "Hanoi"}
	res := c.Code(a, handMentions(loadTestActors(t), txt))
	if len(res.Events) != 1 {
		t.Fatalf("events %+v", res.Events)
	}
	e := res.Events[0]
	m := e.Mentions[0]
	if e.ID == "" || e.Code != "042" || e.Root != "04" || e.QuadClass != 1 || e.Goldstein == 0 || e.Plover == "" ||
		e.Location.Text() != "Hanoi" || e.NumMentions != 1 || e.NumArticles != 1 || e.NumSources != 1 ||
		e.CoderVersion != dyad.CoderVersion || len(e.Languages) != 1 || e.Source.ActorID != "p-wang-yi" ||
		e.Target.Country != "VNM" {
		t.Errorf("event %+v", e)
	}
	if m.ArticleID != "art1" || m.Sentence != txt[m.Start:m.End] || m.Source != "Agency" || m.Confidence <= 0 ||
		!strings.HasPrefix(m.Pattern, "packs/data/en/verbs:") || m.Published != "2023-12-04" || m.Date != "2023-12-02" {
		t.Errorf("mention %+v", m)
	}
	again := c.Code(a, handMentions(loadTestActors(t), txt))
	if again.Events[0].ID != e.ID {
		t.Error("event ids are not stable")
	}
}

// TestDatelineAgencyFirst: in "TTXVN (Washington 26/3) - ...", the agency leads and the place stands in brackets;
// the place is the dateline's, not the subject of a verb coordinated with "và".
func TestDatelineAgencyFirst(t *testing.T) {
	c := newTestCoder(t)
	txt := "TTXVN (Washington 26/3) - Mỹ tuyên bố trục xuất 10 nhà ngoại giao Nga và đóng cửa lãnh sự quán Nga."
	a := &dyad.Article{ID: "d", Lang: "vi", Text: txt, Published: "2018-03-27", Dateline: "Washington"}
	res := c.Code(a, handMentions(loadTestActors(t), txt))
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
	}
	slices.Sort(got)
	if want := []string{"161 USAGOV RUSGOV", "174 USAGOV RUS"}; !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

// TestConcurrent codes the same articles from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	txt := "Wang Yi met Le Hoai Trung in Hanoi on Saturday. The two sides agreed to deepen cooperation."
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func() {
			n := 0
			for i := 0; i < 20; i++ {
				a := &dyad.Article{ID: "c", Lang: "en", Text: txt, Published: "2025-03-10"}
				n += len(c.Code(a, handMentions(actors, txt)).Events)
			}
			done <- n
		}()
	}
	for g := 0; g < 4; g++ {
		if n := <-done; n != 40 {
			t.Errorf("goroutine coded %d events, want 40", n)
		}
	}
}

func FuzzPatterns(f *testing.F) {
	cb := cameo.MustDefault()
	f.Add("040 | S @meet (with) T\n@meet = meet met\n")
	f.Add("042 | S pay* ..3 visit_to T | 0.8\n")
	f.Add("040 | R ... talks/negotiations\n")
	f.Add("@x = a_b c*\n051 | T @be praised by S!\n")
	f.Fuzz(func(t *testing.T, body string) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "en", "verbs"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		langs, _ := loadAll(packs.Dir(dir), cb)
		// whatever loaded must run without panicking
		if lg := langs["en"]; lg != nil && len(lg.patterns) > 0 {
			c := &Coder{cb: cb, langs: langs, places: &gazetteer{names: map[string]string{}}}
			c.split, _ = newSplitterForTest()
			txt := "Wang Yi met Le Hoai Trung and the two sides held talks, he said."
			c.Code(&dyad.Article{ID: "f", Lang: "en", Text: txt}, []dyad.ActorMention{
				{Start: 0, End: 7, Actor: dyad.ActorRef{Code: "CHNGOV", Country: "CHN", Type: "person"}},
				{Start: 12, End: 25, Actor: dyad.ActorRef{Code: "VNMPTY", Country: "VNM", Type: "person"}},
			})
		}
	})
}

// FuzzCode codes arbitrary text with arbitrary mention spans: it must not panic, and evidence must point into
// the text.
func FuzzCode(f *testing.F) {
	c := newTestCoder(f)
	f.Add("en", "Wang Yi met Le Hoai Trung in Hanoi on Saturday, he said.", 0, 7, 12, 25)
	f.Add("fr", "L'ambassadeur n'a pas rencontré Liu le 18 févr. à Pékin.", 0, 13, 32, 35)
	f.Add("zh", "王毅2月18日在北京会见越南客人。", 0, 6, 30, 36)
	f.Fuzz(func(t *testing.T, lang, txt string, a0, a1, b0, b1 int) {
		ms := []dyad.ActorMention{
			{Start: a0, End: a1, Actor: dyad.ActorRef{Code: "CHNGOV", Country: "CHN", Type: "person", ID: "a"}},
			{Start: b0, End: b1, Actor: dyad.ActorRef{Code: "VNM", Country: "VNM", Type: "country", ID: "b"}},
		}
		res := c.Code(&dyad.Article{ID: "f", Lang: lang, Text: txt, Published: "2025-03-10"}, ms)
		for _, e := range res.Events {
			m := e.Mentions[0]
			if m.Start < 0 || m.End > len(txt) || m.Start > m.End || txt[m.Start:m.End] != m.Sentence {
				t.Fatalf("bad evidence %+v", m)
			}
		}
	})
}

// TestDatesBetweenElements checks that a date expression between two adjacent words of a pattern is passed
// over, in any language that lists its date words.
func TestDatesBetweenElements(t *testing.T) {
	c := coderWith(t, map[string]string{
		"en/verbs": "040 | S zorked talks with T\n",
		"es/verbs": "040 | S zorkó conversaciones con T\n",
	})
	for _, tc := range []struct{ lang, text string }{
		{"en", "Vietnam zorked talks late on Monday with China."},
		{"es", "Francia zorkó conversaciones la tarde de este martes con Alemania."},
	} {
		res := c.Code(&dyad.Article{ID: "d", Lang: tc.lang, Text: tc.text, Published: "2025-03-10"}, handMentions(loadTestActors(t), tc.text))
		if len(res.Events) != 1 || res.Events[0].Code != "040" {
			t.Errorf("%s: events %+v, want one 040; trace %s", tc.text, res.Events, traceString(res))
		}
	}
}

// A slot written T[w/w] takes only a phrase that holds one of the words; it counts one word more, so it wins
// over the same pattern without the word, and leaves other phrases to that one.
func TestSlotHolds(t *testing.T) {
	c := coderWith(t, map[string]string{"en/verbs": "@snub = snubbed snubs\n1246 | S @snub T\n1245 | S @snub T[activist*/diplomat~]\n"})
	for txt, want := range map[string]string{
		"Thailand snubbed Chinese activists at the summit.": "1245",
		"Vietnam snubbed China at the summit.":              "1246",
	} {
		res := c.Code(&dyad.Article{ID: "u", Lang: "en", Text: txt}, handMentions(loadTestActors(t), txt))
		if len(res.Events) != 1 || res.Events[0].Code != want {
			t.Errorf("%q: events %+v, want one %s", txt, res.Events, want)
		}
	}
}

// checkEnglishEvents codes each English text (hand actors, published 2025-03-10) and compares its events,
// "SRC->TGT CODE" joined by "; ", with the wanted ones ("" for none).
func checkEnglishEvents(t *testing.T, c *Coder, cases map[string]string) {
	t.Helper()
	for txt, want := range cases {
		res := c.Code(&dyad.Article{ID: "o", Lang: "en", Text: txt, Published: "2025-03-10"}, handMentions(loadTestActors(t), txt))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Source.Code+"->"+e.Target.Code+" "+e.Code)
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("%q: events %v, want %q; trace %s", txt, got, want, traceString(res))
		}
	}
}

// An O element passes over one actor phrase (or a list) that is no side of the event: the person handed
// over between the verb and the target ("extradited Wang Yi to Vietnam"). Without it the gap stops at the
// phrase; the phrase is never the event's target.
func TestObjectElement(t *testing.T) {
	c := coderWith(t, map[string]string{"en/verbs": "@zork = zorked zorks\n063 | S @zork O ..4 to T\n"})
	checkEnglishEvents(t, c, map[string]string{
		"China zorked Xi Jinping to Vietnam on Monday.":         "CHNGOV->VNM 063",
		"China zorked Xi Jinping and Wang Yi to Vietnam today.": "CHNGOV->VNM 063",
		"China zorked to Vietnam.":                              "",
	})
}

// TestGluedPair reads two country short forms glued into one compound ("中美", "俄乌") as both sides of an R
// slot, the first named as the source, as "A and B" is read.
func TestGluedPair(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct {
		text string
		a, b dyad.ActorRef
		want string
	}{
		{"中美经贸高级别会谈在日内瓦举行。", dyad.ActorRef{Code: "CHN", Country: "CHN", Type: "country"}, dyad.ActorRef{Code: "USA", Country: "USA", Type: "country"}, "046 CHN USA"},
		{"俄乌代表团举行谈判。", dyad.ActorRef{Code: "RUS", Country: "RUS", Type: "country"}, dyad.ActorRef{Code: "UKR", Country: "UKR", Type: "country"}, "046 RUS UKR"},
	} {
		ms := []dyad.ActorMention{
			{Start: 0, End: 3, Text: tc.text[0:3], Actor: tc.a},
			{Start: 3, End: 6, Text: tc.text[3:6], Actor: tc.b},
		}
		res := c.Code(&dyad.Article{ID: "g", Lang: "zh", Text: tc.text, Published: "2025-05-10"}, ms)
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestTokenizeElidedPhrase: an elided word inside a grammar phrase is one token, as text.Tokens and
// splitElision make it in a sentence ("in risposta all'espulsione"), not a word and an apostrophe.
func TestTokenizeElidedPhrase(t *testing.T) {
	lg := newLang("it")
	for entry, want := range map[string]seq{
		"in risposta all'": {"in", "risposta", "all'"},
		"all'":             {"all'"},
		"in risposta a":    {"in", "risposta", "a"},
	} {
		if got := tokenize(lg, entry); !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %q, want %q", entry, got, want)
		}
	}
}

// TestTold: a reciprocal pattern adds no event for a pair and family its sentence has already told.
func TestTold(t *testing.T) {
	ev := func(start int, src, tgt, code string) dyad.Event {
		return dyad.Event{Source: dyad.EventActor{Code: src}, Target: dyad.EventActor{Code: tgt, Country: tgt[:3]}, Code: code,
			Mentions: []dyad.EventMention{{Start: start}}}
	}
	have := []dyad.Event{ev(0, "CHNGOV", "BRAGOV", "043")}
	for _, c := range []struct {
		e    dyad.Event
		want bool
	}{
		{ev(0, "CHNGOV", "BRAGOV", "040"), true},   // same sentence, pair and family
		{ev(0, "CHNGOV", "BRAGOV", "051"), false},  // another family
		{ev(0, "BRAGOV", "CHNGOV", "040"), false},  // the other direction
		{ev(90, "CHNGOV", "BRAGOV", "040"), false}, // another sentence
	} {
		if got := told(have, c.e); got != c.want {
			t.Errorf("told(%s->%s %s at %d) = %v, want %v", c.e.Source.Code, c.e.Target.Code, c.e.Code, c.e.Mentions[0].Start, got, c.want)
		}
	}
}

// TestToldRoot: an intent to meet (036) after a call (041) is another root, so another event.
func TestToldRoot(t *testing.T) {
	have := []dyad.Event{{Source: dyad.EventActor{Code: "USAGOV"}, Target: dyad.EventActor{Code: "RUSGOV", Country: "RUS"}, Code: "041", Mentions: []dyad.EventMention{{}}}}
	ev := have[0]
	ev.Code = "036"
	if told(have, ev) {
		t.Error("told(036 after 041) = true, want false")
	}
}

// TestDatelineNoActor: the mentions of a dateline are no side of an event: a place inside the brackets of a
// wire's dateline ("（路透社首爾10日電）") is no subject, and the agency of "新华社日内瓦1月10日电" does not
// count for the article's main pair that "两国" stands for.
func TestDatelineNoActor(t *testing.T) {
	c := newTestCoder(t)
	ref := func(code, country, typ string) dyad.ActorRef {
		return dyad.ActorRef{Code: code, Country: country, Type: typ, Sector: strings.TrimPrefix(code, country)}
	}
	ment := func(text, s string, a dyad.ActorRef) dyad.ActorMention {
		i := strings.Index(text, s)
		return dyad.ActorMention{Start: i, End: i + len(s), Text: s, Actor: a}
	}
	for _, tc := range []struct {
		text, dateline string
		ments          []struct {
			s string
			a dyad.ActorRef
		}
		want string
	}{
		{"（路透社首爾10日電）北韓今天警告美軍。", "首爾", []struct {
			s string
			a dyad.ActorRef
		}{{"首爾", ref("KORGOV", "KOR", "country")}, {"北韓", ref("PRK", "PRK", "country")}, {"美軍", ref("USAMIL", "USA", "group")}}, "130 PRK USAMIL"},
		{"新华社日内瓦1月10日电 美俄两国代表团10日在日内瓦举行会谈。", "日内瓦", []struct {
			s string
			a dyad.ActorRef
		}{{"新华社", ref("CHNMED", "CHN", "organization")}, {"美", ref("USA", "USA", "country")}, {"俄", ref("RUS", "RUS", "country")}}, "044 USA RUS"},
	} {
		var ms []dyad.ActorMention
		for _, m := range tc.ments {
			ms = append(ms, ment(tc.text, m.s, m.a))
		}
		res := c.Code(&dyad.Article{ID: "d", Lang: "zh", Text: tc.text, Published: "2023-07-10", Dateline: dyad.NullString(tc.dateline)}, ms)
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}
