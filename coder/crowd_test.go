package coder

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestStrikeFamily(t *testing.T) {
	for code, want := range map[string]string{"141": "14", "1412": "14", "144": "14", "143": "143", "1432": "143", "175": "175", "042": "04"} {
		if got := tellFamily(code); got != want {
			t.Errorf("tellFamily(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestRepressionSource(t *testing.T) {
	police := dyad.EventActor{Code: "PERCOP", Country: "PER", Sector: "COP"}
	crowd := dyad.EventActor{Code: "PERLAB", Country: "PER", Sector: "LAB"}
	country := dyad.EventActor{Code: "PER", Country: "PER"}
	if repressionByCrowd(police, "175") || repressionByCrowd(country, "175") || repressionByCrowd(crowd, "145") {
		t.Error("the state's repression, or a crowd's riot, is no repression by a crowd")
	}
	if !repressionByCrowd(crowd, "175") {
		t.Error("drivers dispersing the police: want repressionByCrowd")
	}
	if !crowdRepression(country, "175") || crowdRepression(police, "175") {
		t.Error("a one-sided repression needs a source with a state sector")
	}
}

// A strike and a march coordinated after a dateline: the second verb takes the sentence's subject, which the
// dateline ("SEOUL, 31/10 (AFP) -") does not push out of the opening words; and a crowd acting in protest.
func TestCrowdAfterDateline(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"SEOUL, 31/10 (AFP) - Hàng chục nghìn công nhân Hàn Quốc ở ngoại ô thủ đô đã đình công và xuống đường đòi tăng lương.",
			[]string{"141 KORLAB KORGOV", "143 KORLAB KORGOV"}},
		{"SEOUL, 31/10 (AFP) - Hàng nghìn công nhân Hàn Quốc đã rời dây chuyền sản xuất để phản đối kế hoạch cắt giảm lương.",
			[]string{"140 KORLAB KORGOV"}},
	} {
		a := &dyad.Article{ID: "t", Lang: "vi", Text: tc.text, Dateline: "SEOUL"}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: events %q, want %q\ntrace: %s", tc.text, got, tc.want, traceString(res))
		}
	}
}
