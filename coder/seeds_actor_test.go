//go:build gold

package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
)

// TestSeedsWithActors runs the seed checks with the real actor dictionary instead of hand-built mentions.
func TestSeedsWithActors(t *testing.T) {
	dict, err := actor.Load(packs.Default())
	if err != nil {
		t.Skipf("actor dictionary does not load: %v", err)
	}
	c := newTestCoder(t)
	for _, want := range seedExpect {
		t.Run(want.prefix, func(t *testing.T) {
			a := loadSeed(t, want.prefix)
			a.Lang = want.lang
			res := c.Code(a, dict.Recognize(a))
			var meeting *dyad.Event
			for i, e := range res.Events {
				pair := e.Source.Country + e.Target.Country
				if e.Root == "04" && (pair == "VNMCHN" || pair == "CHNVNM") && (meeting == nil || string(e.Date) == want.date) {
					meeting = &res.Events[i]
				}
			}
			for _, f := range res.Trace {
				t.Logf("fired %s %s %s->%s %s", f.Pattern, f.Code, f.Source, f.Target, f.Why)
			}
			for _, s := range res.Statements {
				t.Logf("statement %s (%s): %.90q", s.Speaker.Name, s.Verb, s.Text)
			}
			if meeting == nil {
				t.Fatalf("no 04 event between Vietnamese and Chinese actors")
			}
			if want.date != "" && string(meeting.Date) != want.date {
				t.Errorf("meeting dated %q, want %s", meeting.Date, want.date)
			}
			if want.speaker != "" {
				found := false
				for _, s := range res.Statements {
					if strings.Contains(s.Speaker.Name, strings.Split(want.speaker, " ")[0]) && strings.Contains(strings.ToLower(s.Text), "priorit") {
						found = true
					}
				}
				if !found {
					t.Errorf("no statement by %s on priority", want.speaker)
				}
			}
		})
	}
}
