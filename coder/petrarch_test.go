package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// a small dictionary in PETRARCH2's verb format, written for this test
const petrarchSample = `####### SYNONYM SETS #######
&ENVOY
+ENVOY
+SPECIAL_REPRESENTATIVE

&GOODS_
+GRAIN
+FUEL

####### VERB PATTERNS #######
---  SHIP   [070]  ---
SHIP
FERRY {FERRIES FERRIED FERRYING}
+AIRLIFT_IN [073]
- * &GOODS_ (TO)                   [073]   # SHIP
- * &ENVOY (TO +)                  [036:031]
- * JOKES                          [---]
- $ * (AS MEDIATOR) (WITH +)       [045]
- * % TOGETHER                     [040]
- * TROPHY                         [999]

---  SNUB   [---]  ---
SNUB
- * + AT_THE SUMMIT                [1246]
~ $ SNUB + = [---]
- $ * AT_^ OVER +                 [1246]
`

func convertSample(t *testing.T) *PetrarchResult {
	t.Helper()
	res, err := ConvertPetrarchVerbs(strings.NewReader(petrarchSample), PetrarchOptions{Lang: "en", Source: "sample.txt",
		Codebook: cameo.MustDefault()})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestConvertPetrarchVerbs(t *testing.T) {
	res := convertSample(t)
	for _, want := range []string{
		"@pe_envoy = envoy envoys special_representative special_representatives",
		"@pe_goods = grain fuel", // a label ending in _: no plurals
		"@pe_v11_ship = ship~ ferry ferries ferried ferrying airlift~_in",
		"070 | S! ^@pe_v11_ship_070 T | 0.6 | sample.txt:11", // the block's code, for its verbs without their own
		"073 | S! ^@pe_v11_ship_073 T | 0.6 | sample.txt:11",
		"073 | S ^@pe_v11_ship ..3 @pe_goods ..3 to T | 0.6 | sample.txt:15",     // (TO): the target follows the preposition
		"036:031 | S ^@pe_v11_ship ..3 @pe_envoy ..3 to T | 0.6 | sample.txt:16", // a pair: two directions
		"--- | S ^@pe_v11_ship ..3 jokes T | 0.6 | sample.txt:17",                // a null pattern, kept to block the default
		"045 | S ^@pe_v11_ship ..3 as ..3 mediator ..3 with T | 0.6 | sample.txt:18",
		"1246 | S ^@pe_v22_snub T at_the ..3 summit | 0.6 | sample.txt:24",
		"040 | ^@pe_v11_ship R together | 0.6 | sample.txt:19",           // % (a compound actor) is R, both sides
		"1246 | S ^@pe_v22_snub ..3 at ..4 over T | 0.6 | sample.txt:26", // "AT_^": the word, then the skip
	} {
		if !strings.Contains(res.Text, want+"\n") {
			t.Errorf("missing line %q in\n%s", want, res.Text)
		}
	}
	if strings.Contains(res.Text, "S! ^@pe_v22_snub T") {
		t.Error("a block whose code is --- has no default pattern")
	}
	// every line not expressed is named, with its reason
	wantIssues := map[int]string{20: "unknown CAMEO code", 25: "verb transformation"}
	for _, is := range res.Issues {
		if w, ok := wantIssues[is.Line]; !ok || !strings.Contains(is.Reason, w) {
			t.Errorf("unexpected issue sample.txt:%d: %s", is.Line, is.Reason)
		}
		delete(wantIssues, is.Line)
	}
	for l, w := range wantIssues {
		t.Errorf("sample.txt:%d not reported (%s)", l, w)
	}
}

// TestConvertedPatternsCode loads a converted dictionary as a third-party file and codes with it: the
// default, the pattern with a preposition, the paired code, and the null pattern that blocks the default.
func TestConvertedPatternsCode(t *testing.T) {
	res := convertSample(t)
	c := coderWith(t, map[string]string{"en/verbs": res.Text})
	actors := loadTestActors(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Vietnam ferried China across the river.", []string{"070 VNMGOV CHN"}},
		{"Vietnam shipped grain to China on Monday.", []string{"073 VNMGOV CHN"}},
		{"Vietnam shipped its envoy to China.", []string{"036 VNMGOV CHN", "031 CHNGOV VNMGOV"}},
		{"Vietnam shipped jokes China.", nil},
		{"The Vietnamese aid to China", nil}, // no verb
	} {
		r := c.Code(&dyad.Article{ID: "p", Lang: "en", Text: tc.text}, handMentions(actors, tc.text))
		var got []string
		for _, e := range r.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
			if !strings.Contains(e.Mentions[0].Pattern, "(sample.txt:") {
				t.Errorf("%q: pattern %q does not name its origin", tc.text, e.Mentions[0].Pattern)
			}
		}
		if strings.Join(got, ";") != strings.Join(tc.want, ";") {
			t.Errorf("%q: events %v, want %v\ntrace %s", tc.text, got, tc.want, traceString(r))
		}
	}
}

// FuzzConvertPetrarchVerbs checks that any input converts without panicking and that whatever is written
// loads without error.
func FuzzConvertPetrarchVerbs(f *testing.F) {
	f.Add(petrarchSample)
	f.Add("---  X [010] ---\nSAY {SAID}\n- * + [011]\n")
	f.Add("&A\n+B_\n--- Y [190:---] ---\n+HIT_BACK\n- $ * (AT &A) + [190]\n- { * } [0]\n")
	cb := cameo.MustDefault()
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ConvertPetrarchVerbs(strings.NewReader(in), PetrarchOptions{Lang: "en", Source: "f.txt", Codebook: cb})
		if err != nil {
			return
		}
		lg := newLang("en")
		sets := map[string][]alt{}
		f := packs.File{Name: "f", Data: []byte(res.Text)}
		for l := range f.Lines() {
			if strings.HasPrefix(l.Fields[0], "@") {
				if err := lg.parseSet(l, sets); err != nil {
					t.Fatalf("%v\n%s", err, res.Text)
				}
			}
		}
		for l := range f.Lines() {
			if !strings.HasPrefix(l.Fields[0], "@") {
				if _, err := lg.parsePattern(l, sets, cb); err != nil {
					t.Fatalf("%v\n%s", err, res.Text)
				}
			}
		}
	})
}

func TestPetrarchPlural(t *testing.T) {
	for w, want := range map[string]string{
		"soldier": "soldiers", "military": "militaries", "armed_force": "armed_forces",
		"soldiers": "", "armed_forces": "", "servicemen": "", "hunting_knife": "hunting_knives",
	} {
		if got := plural(w); got != want {
			t.Errorf("plural(%q) = %q, want %q", w, got, want)
		}
	}
}

// An imported pattern's last T is the actor of the verb's object (grammar option object-target, English): a
// possessor or a country adjective inside the object's noun phrase, else the actor after the object over one
// preposition, as PETRARCH reads the object from its parse; never a possessor of the source's own country, nor
// an infinitive's object past "to". A paired code of one code is one act, coded once.
func TestObjectTarget(t *testing.T) {
	c := coderWith(t, map[string]string{"en/verbs": "@zork = zork~\n" +
		"111 | S! ^@zork T | 0.6 | x.txt:1\n" +
		"073 | S ^@zork ..3 grain T | 0.6 | x.txt:2\n" +
		"046:046 | S ^@zork ..3 situation T | 0.6 | x.txt:3\n"})
	checkEnglishEvents(t, c, map[string]string{
		"Vietnam zorked China's decision on Monday.":        "VNMGOV->CHN 111",
		"Vietnam zorked the Russian decision on Monday.":    "VNMGOV->RUS 111",
		"Vietnam zorked some grain to China.":               "VNMGOV->CHN 073",
		"Vietnam zorked Japan's grain.":                     "VNMGOV->JPN 073",
		"China zorked China's first decision on Monday.":    "",
		"Vietnam zorked to remove China from the list.":     "",
		"Vietnam zorked the grain of China's neighbours.":   "",
		"Vietnam zorked the situation in Laos with Japan.":  "",
		"Vietnam zorked the situation with Japan's leader.": "",
		"Vietnam zorked the situation with Japan.":          "VNMGOV->JPN 046",
	})
}
