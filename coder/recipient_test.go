package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestRecipient: aid with no recipient beside the verb goes to the country that the sentence's other event of
// the same side names; with none named it is no event (not aid at home, as a protest would be).
func TestRecipient(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for text, want := range map[string][]string{
		"Japan offered condolences to Turkey and said Japan would send rescue teams.": {"018 JPNGOV TUR", "0333 JPNGOV TUR"},
		"Japan will send rescue teams.":                                               nil,
	} {
		a := &dyad.Article{ID: "t", Lang: "en", Text: text}
		res := c.Code(a, handMentions(actors, text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Code+" "+e.Target.Code)
		}
		if len(got) != len(want) {
			t.Errorf("%q: events %v, want %v", text, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: events %v, want %v", text, got, want)
			}
		}
	}
	if _, ok := recipient([]dyad.Event{{Source: dyad.EventActor{Country: "JPN"}, Target: dyad.EventActor{Country: "JPN"}}}, dyad.EventActor{Country: "JPN"}); ok {
		t.Error("recipient: an event at home names no recipient")
	}
}
