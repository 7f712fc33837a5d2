package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// recipientless reports whether a one-sided event of this code gives to someone the sentence does not name
// beside the verb: aid and promised aid (07x, 033x: "and said it would send rescue teams"). Such an event
// is not at home, as a protest is: its recipient is the one the sentence's other event names.
func recipientless(code string) bool {
	return strings.HasPrefix(code, "07") || strings.HasPrefix(code, "033")
}

// recipient returns the target of a recipientless event: the country that an event of the same sentence by
// the same source's country goes to ("offered his condolences to Turkey ... and said Islamabad would send
// rescue teams": Turkey), at country level; false when the sentence names none.
func recipient(events []dyad.Event, src dyad.EventActor) (dyad.EventActor, bool) {
	for _, e := range events {
		if c := e.Target.Country; c != "" && e.Source.Country == src.Country && c != src.Country {
			return dyad.EventActor{Code: c, Name: c, Country: c}, true
		}
	}
	return dyad.EventActor{}, false
}
