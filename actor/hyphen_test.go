package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestHyphenBody reads German's country, hyphen and body as the country's body ("US-Militär" as "US
// military"), whatever other country the sentence names; a body of no country keeps its own mention
// ("Nato-Truppen"), and a country inside a longer hyphenated word names no body ("Pro-Russland-Demonstranten").
func TestHyphenBody(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ text, mention, code string }{
		{"Das US-Militär warf über dem Gazastreifen Hilfsgüter ab.", "US-Militär", "USAMIL"},
		{"Die Ukraine-Armee beschoss Belgorod in Russland.", "Ukraine-Armee", "UKRMIL"},
		{"Die US-Regierung kritisierte Israel.", "US-Regierung", "USAGOV"},
		{"Die Nato-Truppen zogen aus Afghanistan ab.", "Nato", "IGOWSTNAT"},
		{"Pro-Russland-Demonstranten protestierten in Chisinau.", "Demonstranten", "MDAOPP"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "de", Published: dyad.NullString("2024-03-02")})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%q: %q: got %v, want %s", c.text, c.mention, all, c.code)
		}
	}
}

// TestSelfCountry reads a first-person country word (zh "我國", an @self line of the demonyms) as the country
// of the article's dateline, and as its own line's country without one.
func TestSelfCountry(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ dateline, text, code string }{
		{"台北", "（中央社台北16日電）外交部宣布，我國即刻終止與索羅門群島的外交關係。", "TWN"},
		{"", "外交部宣布，我国将继续发展与所罗门群岛的关系。", "CHN"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "zh", Dateline: dyad.NullString(c.dateline), Published: dyad.NullString("2019-09-16")})
		word := "我國"
		if !strings.Contains(c.text, word) {
			word = "我国"
		}
		if got, all, ok := codeOf(ms, word); !ok || got != c.code {
			t.Errorf("%q: %q: got %v, want %s", c.text, word, all, c.code)
		}
	}
}

// TestAgencyHome reads a title that a Taiwanese dateline takes over (外交部, 國防部: @country CHN/TWN) as
// Taiwan's in a report of Taiwan's Central News Agency filed abroad (an @agency line), and as China's in
// another agency's report from the same place.
func TestAgencyHome(t *testing.T) {
	d := testDict(t)
	text := "（中央社華盛頓25日電）美國國務院今天批准對台軍售，國防部隨後對美方表達感謝。"
	for _, c := range []struct{ source, code string }{
		{"Central News Agency", "TWNGOV"},
		{"Xinhua", "CHNGOV"},
		{"", "CHNGOV"},
	} {
		ms := d.Recognize(&dyad.Article{Text: text, Lang: "zh", Source: dyad.NullString(c.source), Dateline: "華盛頓", Published: dyad.NullString("2024-03-25")})
		if got, all, ok := codeOf(ms, "國防部"); !ok || got != c.code {
			t.Errorf("source %q: 國防部: got %v, want %s", c.source, all, c.code)
		}
	}
}
