package actor

import (
	"reflect"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// TestRecognizeTokensSame: recognition on tokens made beforehand (shared with the event coder) finds what
// Recognize finds, and leaves the tokens as they were.
func TestRecognizeTokensSame(t *testing.T) {
	d := testDict(t)
	for lang, s := range map[string]string{
		"en": "Vietnam's foreign minister met his Chinese counterpart Wang Yi in Beijing on Monday.",
		"fr": "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien.",
		"vi": "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh.",
		"zh": "越南外长周一在北京会见了中国外长王毅。中美关系",
	} {
		a := &dyad.Article{ID: "t", Lang: lang, Text: s, Published: "2024-03-18"}
		want := d.Recognize(a)
		tt := text.Tokens(s)
		keep := slices.Clone(tt)
		got := d.RecognizeTokens(a, tt)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: RecognizeTokens %v, Recognize %v", lang, got, want)
		}
		if !slices.Equal(tt, keep) {
			t.Errorf("%s: the tokens were modified", lang)
		}
	}
}
