package coder

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func testCountry(alias, code string) testActor {
	return testActor{alias: alias, via: "name", ref: dyad.ActorRef{ID: code, Name: alias, Type: "country", Country: code, Code: code}}
}

// TestClauseOwnAuxiliary: a participle after "und" shares the first clause's auxiliary only when its own clause
// has none; "und Moskau hat ... ausgewiesen" is Moscow's act, not the sentence subject's.
func TestClauseOwnAuxiliary(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		testCountry("Deutschland", "DEU"), testCountry("Moskau", "RUS"),
		govPerson("Sergej Iwanow", "RUSGOV", "RUS"), govPerson("Hans Müller", "DEUGOV", "DEU"),
	}
	checkActs(t, c, "2019-12-12", actors, []actsCase{
		{"de", "Deutschland hat Sergej Iwanow ausgewiesen, und Moskau hat Hans Müller ausgewiesen.",
			[]string{"17 DEUGOV RUSGOV", "17 RUSGOV DEUGOV"}, 2},
		// the elided auxiliary still reads a second participle without one of its own
		{"de", "Deutschland hat Sergej Iwanow ausgewiesen und Hans Müller ausgewiesen.",
			[]string{"17 DEU DEUGOV"}, 1},
	})
}

// TestReplyAfterAgencyDateline: a place right after the agency that opens a dateline with no dash ("新华社大马士革
// 4月1日电") is the dateline's, so a reply with no target named (P) answers the actor who opens the text.
func TestReplyAfterAgencyDateline(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		{alias: "新华社", via: "name", ref: dyad.ActorRef{ID: "xinhua", Name: "Xinhua", Type: "organization", Country: "CHN", Sector: "MED", Code: "CHNMED"}},
		testCountry("大马士革", "SYR"), testCountry("以色列", "ISR"), testCountry("伊朗", "IRN"),
	}
	text := "新华社大马士革4月1日电 以色列1日空袭叙利亚境内目标，伊朗誓言将作出回应。"
	a := &dyad.Article{ID: "t", Lang: "zh", Text: text, Published: dyad.NullString("2024-04-01"), Dateline: dyad.NullString("大马士革")}
	res := c.Code(a, handMentions(actors, text))
	var got []string
	for _, e := range res.Events {
		got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
	}
	if !slices.Contains(got, "138 IRNGOV ISR") {
		t.Errorf("reply after a Xinhua dateline: got %v, want 138 IRN ISR", got)
	}
}

// TestProtestAttribCrowd: a protest word that opens an attributive clause ("抗议……的示威者") names the crowd after
// "的" as the protester, beside the police's dispersal.
func TestProtestAttribCrowd(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		{alias: "印度尼西亚警方", via: "genitive", ref: dyad.ActorRef{ID: "idncop", Name: "印度尼西亚警方", Type: "group", Country: "IDN", Sector: "COP", Code: "IDNCOP"}},
		{alias: "示威者", via: "sentence", ref: dyad.ActorRef{ID: "idnopp", Name: "示威者", Type: "group", Country: "IDN", Sector: "OPP", Code: "IDNOPP"}},
	}
	got := codeHand(t, c, "zh", "2025-08-29", "印度尼西亚警方28日晚使用催泪弹驱散抗议议员高额津贴的示威者。", actors)
	if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "14") && strings.Contains(g, " IDNOPP ") }) {
		t.Errorf("crowd of an attributive protest clause: got %v, want a 14 of IDNOPP", got)
	}
}

// TestSubjectAfterBracketDateline: a dateline in brackets that opens the text ("（中央社記者台北14日電）") is no
// opening clause; the sentence's subject is the first actor after it, even behind a title of several characters,
// so an act told after a long purpose clause still has it as its source.
func TestSubjectAfterBracketDateline(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		testCountry("台北", "TWN"), testCountry("吐瓦魯", "TUV"),
		govPerson("林佳龍", "TWNGOV", "TWN"),
	}
	for _, tc := range []struct{ text, dateline, want string }{
		{"（中央社記者台北14日電）外交部長林佳龍今天宣布，為維護國家的尊嚴與權益，即日起終止與吐瓦魯的外交關係。", "台北", "161 TWNGOV TUVGOV"},
		// the same sentence without the dateline codes the same
		{"外交部長林佳龍今天宣布，為維護國家的尊嚴與權益，即日起終止與吐瓦魯的外交關係。", "", "161 TWNGOV TUVGOV"},
	} {
		a := &dyad.Article{ID: "t", Lang: "zh", Text: tc.text, Published: dyad.NullString("2025-03-14"), Dateline: dyad.NullString(tc.dateline)}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: got %v, want %s", tc.text, got, tc.want)
		}
	}
}

// TestClauseOpenPurpose: an adverbial clause of purpose or cause closed by a comma (grammar clause-open:
// "为维护……，", "鉴于……，") is one unit between the subject and its verb: after a comma it continues the
// announcing clause, whose subject acts; and what a side does inside it is the reason, not the news.
func TestClauseOpenPurpose(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		testCountry("吐瓦魯", "TUV"), testCountry("立陶宛", "LTU"), testCountry("台湾", "TWN"),
		govPerson("林佳龍", "TWNGOV", "TWN"), govPerson("王毅", "CHNGOV", "CHN"),
		testCountry("中方", "CHN"), namedActor("台湾当局", "group", "TWNGOV", "TWN", "GOV"),
	}
	for _, tc := range []struct{ text, want string }{
		{"外交部長林佳龍今天宣布，為維護國家主權與尊嚴，即刻終止與吐瓦魯的外交關係。", "161 TWNGOV TUVGOV"},
		{"（中央社記者台北14日電）外交部長林佳龍今天上午召開記者會宣布，為維護國家主權與尊嚴，立即終止與吐瓦魯的外交關係。", "161 TWNGOV TUVGOV"},
		// what a side does inside a cause clause is the reason of the act, not news: no 111 of China
		{"王毅21日表示，鉴于立陶宛不顾中方反对，允许台湾当局设立代表处，中方决定召回驻立陶宛大使。", "-111"},
	} {
		a := &dyad.Article{ID: "t", Lang: "zh", Text: tc.text, Published: dyad.NullString("2025-03-14")}
		if strings.HasPrefix(tc.text, "（") {
			a.Dateline = "台北"
		}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
		}
		bad := slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, tc.want[1:]+" ") })
		if tc.want[0] == '-' && bad || tc.want[0] != '-' && !slices.Contains(got, tc.want) {
			t.Errorf("%s: got %v, want %q", tc.text, got, tc.want)
		}
	}
}

// TestBodyAfterHanPlace: a body after 在 and a place named in several ideographs ("在比勒陀利亚总统府") is where
// the act happened, no side of it: the subject before it meets the other side.
func TestBodyAfterHanPlace(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		govPerson("习近平", "CHNGOV", "CHN"), govPerson("拉马福萨", "ZAFGOV", "ZAF"),
		namedActor("总统府", "group", "GOV", "", "GOV"),
	}
	got := codeHand(t, c, "zh", "2023-08-22", "国家主席习近平22日在比勒陀利亚总统府同拉马福萨举行会谈。", actors)
	if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "04") && strings.Contains(g, " CHNGOV ZAFGOV") }) {
		t.Errorf("a body after 在 and a place: got %v, want a 04 of CHNGOV -> ZAFGOV", got)
	}
}

// TestContentDate: a year well after a spoken act (an accusation, a demand) dates the deed it speaks of, not the
// act: the act is news; a year right after the act's target still dates it (history recalled).
func TestContentDate(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{testCountry("Nederland", "NLD"), testCountry("Rusland", "RUS"), testCountry("Oekraïne", "UKR")}
	for _, tc := range []struct{ text, want string }{
		{"Nederland houdt Rusland aansprakelijk voor het neerhalen van vlucht MH17 boven Oost-Oekraïne in 2014.", "112 NLD RUS"},
		{"Nederland beschuldigde Rusland in 2014 van het neerhalen van vlucht MH17.", ""},
	} {
		got := codeHand(t, c, "nl", "2019-05-24", tc.text, actors)
		if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "112 NLD") }) {
			t.Errorf("%s: got %v, want %q", tc.text, got, tc.want)
		}
	}
}
