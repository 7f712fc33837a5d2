package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestGlued reads a short form glued to a verb of an @glued line ("访华", "對台軍售") as its country, and
// nothing where the short form starts a longer name ("访华盛顿") or the word is not listed ("对美元").
func TestGlued(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ text, want string }{
		{"西班牙首相将于下周访华。", "西班牙首相:ESPGOV 华:CHN"},
		{"美國國務卿將於下月訪華。", "美國國務卿:USAGOV 華:CHN"},
		{"欧盟延长对俄制裁。", "欧盟:IGOEUREEC 俄:RUS"},
		{"他访华盛顿三天。", "华盛顿:USAGOV"},
		{"人民币对美元汇率走高。", ""},
		{"中美经贸会谈在日内瓦举行。", "中:CHN 美:USA"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "zh", Published: "2024-03-01"})
		var got []string
		for _, m := range ms {
			got = append(got, m.Text+":"+m.Actor.Code)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}
