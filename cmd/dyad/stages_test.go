package main

import (
	"encoding/json"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestStagesShareTokens: the pipeline's stages, where code reuses the tokens annotate made, give the same
// record as annotate, code and places run apart (codeOne, geo.Resolve), for several languages and twice on one article;
// the texts, of different lengths and in an order the map chooses, annotate into token slices that the ones
// before them handed back.
func TestStagesShareTokens(t *testing.T) {
	e := &env{}
	c, err := e.components()
	if err != nil {
		t.Fatal(err)
	}
	st := c.stages()
	for lang, s := range map[string]string{
		"en": "HANOI, March 18 (Reuters) - Vietnam's foreign minister met his Chinese counterpart Wang Yi in Beijing on Monday.",
		"fr": "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien des Affaires étrangères.",
		"vi": "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh hôm thứ Hai.",
		"zh": "越南外长周一在北京会见了中国外长王毅。",
	} {
		want, _, err := c.codeOne("t", lang, "2024-03-18", s)
		if err != nil {
			t.Fatal(err)
		}
		c.geo.Resolve(&want.Article, want.Mentions, want.Events) // as the stages do
		for range 2 {
			got, err := st.Process(&dyad.Document{URI: "t", Body: []byte(s), Lang: lang, Published: "2024-03-18", Format: "text"})
			if err != nil {
				t.Fatal(err)
			}
			gj, _ := json.Marshal([]any{got.Mentions, got.Events, got.Statements})
			wj, _ := json.Marshal([]any{want.Mentions, want.Events, want.Statements})
			if len(want.Events) == 0 || string(gj) != string(wj) {
				t.Errorf("%s: stages %s\ncodeOne %s", lang, gj, wj)
			}
		}
	}
}
