package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// A person made up from a title and a name speaks for the party that qualifies them ("国民党立委X").
func TestPickHeadProvisionalPerson(t *testing.T) {
	d := &doc{ments: []dyad.ActorMention{
		{Text: "国民党", Actor: dyad.ActorRef{Type: dyad.TypeOrganization, Country: "TWN", Sector: "PTY", Code: "TWNPTY"}},
		{Text: "郑某", Actor: dyad.ActorRef{Type: dyad.TypePerson, Country: "TWN", Sector: "LEG", Code: "TWNLEG", Provisional: true}},
	}}
	if h := d.pickHead(&phrase{members: []int{0, 1}}); h != 1 {
		t.Errorf("head = %d (%s), want the legislator", h, d.ments[h].Text)
	}
	// a country before a sector body still gives way to the body ("Pakistan's Defence Ministry")
	d.ments[1].Actor = dyad.ActorRef{Type: dyad.TypeOrganization, Country: "TWN", Sector: "LEG", Code: "TWNLEG"}
	if h := d.pickHead(&phrase{members: []int{0, 1}}); h != 0 {
		t.Errorf("head = %d, want the first body with a sector", h)
	}
}
