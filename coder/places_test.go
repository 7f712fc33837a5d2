package coder

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// TestSetPlaces: a place only a larger gazetteer knows (SetPlaces) says where an event at home happened and
// gives a crowd with no country of its own that country; a part of a longer name is no place.
func TestSetPlaces(t *testing.T) {
	gaz := map[string]string{"juliaca": "PER", "santiago de cuba": "CUB", "san antonio": "USA", "plaza": "ESP", "port au prince": "HTI", "port": "FRA"}
	crowd := func(s string) []dyad.ActorMention {
		var ms []dyad.ActorMention
		if i := strings.Index(s, "jóvenes"); i >= 0 {
			ms = append(ms, dyad.ActorMention{Start: i, End: i + len("jóvenes"), Text: "jóvenes", Via: "sector",
				Actor: dyad.ActorRef{Name: "jóvenes", Type: dyad.TypeGroup, Sector: "OPP", Code: "OPP"}})
		}
		if i := strings.Index(s, "Cuba"); i >= 0 {
			ms = append(ms, dyad.ActorMention{Start: i, End: i + 4, Text: "Cuba", Via: "name",
				Actor: dyad.ActorRef{ID: "CUB", Name: "Cuba", Type: dyad.TypeCountry, Country: "CUB", Code: "CUB"}})
		}
		return ms
	}
	cases := []struct {
		text, want string // want: "source target code", "" for none
	}{
		{"Cientos de jóvenes protestaron el domingo en Juliaca.", "PEROPP PERGOV 141"},
		{"Cientos de jóvenes protestaron el domingo en Santiago de Cuba.", "CUBOPP CUBGOV 141"},
		{"Cientos de jóvenes protestaron el domingo en San Antonio de los Baños.", ""},
		{"Cientos de jóvenes protestaron el domingo en la Plaza Italia.", ""},
		// a name written with hyphens is one name: "Port-au-Prince" is not a place "Port"
		{"Cientos de jóvenes protestaron el domingo en Port-au-Prince.", "HTIOPP HTIGOV 141"},
	}
	plain := newTestCoder(t)
	c := newTestCoder(t)
	c.SetPlaces(func(key, prefer string) (string, bool) { cc, ok := gaz[key]; return cc, ok })
	for _, tc := range cases {
		a := &dyad.Article{ID: "t", Lang: "es", Text: tc.text, Published: "2024-03-18"}
		if res := plain.Code(a, crowd(tc.text)); strings.Contains(tc.text, "Juliaca") && len(res.Events) != 0 {
			t.Errorf("%q without a gazetteer: %+v", tc.text, res.Events)
		}
		res := c.Code(a, crowd(tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%q: got %q, want %q\ntrace: %s", tc.text, got, tc.want, traceString(res))
		}
	}
}

// TestPlaceNameLongest: placeName finds the longest name of places/* at a token, keyed by text.Fold of each
// token even where the language's own keys keep diacritics (vi), and placeAt reads several ideographs as one
// place ("胡志明市", not a shorter name inside it).
func TestPlaceNameLongest(t *testing.T) {
	c := newTestCoder(t)
	cases := []struct {
		lang, text string
		at         int // token
		wantN      int
		wantCC     string
	}{
		{"en", "He flew to Ho Chi Minh City on Monday.", 3, 4, "VNM"},
		{"en", "He flew to Hanoi on Monday.", 3, 1, "VNM"},
		{"en", "He flew to Monday.", 3, 0, ""},
		{"vi", "Ông đến Thành phố Hồ Chí Minh hôm qua.", 2, 5, "VNM"},
		{"vi", "Ông đến Hà Nội hôm qua.", 2, 2, "VNM"},
		{"zh", "他抵达胡志明市。", 3, 4, "VNM"},
	}
	for _, tc := range cases {
		lg := c.langs[tc.lang]
		lg.ensure()
		d := &doc{c: c, lg: lg, a: &dyad.Article{Lang: tc.lang, Text: tc.text}}
		d.prepare(nil)
		n, cc := d.placeName(tc.at, len(d.toks))
		if n != tc.wantN || cc != tc.wantCC {
			t.Errorf("%s %q at %d: got %d %q, want %d %q", tc.lang, tc.text, tc.at, n, cc, tc.wantN, tc.wantCC)
		}
		if tc.lang != "zh" {
			continue
		}
		s := &sentence{d: d, u: d.units(0, len(d.toks), nil)}
		if got := s.placeSkip(tc.at, 1); got != tc.at+tc.wantN-1 {
			t.Errorf("%q: placeSkip(%d) = %d, want %d", tc.text, tc.at, got, tc.at+tc.wantN-1)
		}
		if n, cc, ok := s.placeAt(tc.at+tc.wantN-1, -1, false); !ok || n != tc.wantN || cc != tc.wantCC {
			t.Errorf("%q: placeAt backwards = %d %q %v", tc.text, n, cc, ok)
		}
	}
}

// TestCodeTokensSame: coding with the tokens the actor stage made gives what coding alone gives, and leaves
// the shared tokens as they were (French elisions are split, Vietnamese folds replaced, on copies).
func TestCodeTokensSame(t *testing.T) {
	c := newTestCoder(t)
	texts := map[string]string{
		"en": "Vietnam's foreign minister met his Chinese counterpart in Beijing on Monday.",
		"fr": "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien.",
		"vi": "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh hôm thứ Hai.",
		"zh": "越南外长周一在北京会见了中国外长。",
	}
	for lang, s := range texts {
		a := &dyad.Article{ID: "t", Lang: lang, Text: s, Published: "2024-03-18"}
		ms := handMentions(loadTestActors(t), s)
		want := c.Code(a, ms)
		tt := text.Tokens(s)
		keep := slices.Clone(tt)
		got := c.CodeTokens(a, ms, tt)
		gj, _ := json.Marshal([]any{got.Events, got.Statements})
		wj, _ := json.Marshal([]any{want.Events, want.Statements})
		if len(want.Events) == 0 || string(gj) != string(wj) {
			t.Errorf("%s: CodeTokens %v, Code %v", lang, got.Events, want.Events)
		}
		if !slices.Equal(tt, keep) {
			t.Errorf("%s: the shared tokens were modified", lang)
		}
	}
}
