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

// recipient returns the target of a recipientless event: the target of an event of the same sentence by the
// same source's country in another country ("offered his condolences to Turkey ... and said Islamabad would
// send rescue teams": Turkey; "called President Erdogan ... and offered to send rescuers": Erdogan); false
// when the sentence names none.
func recipient(events []dyad.Event, src dyad.EventActor) (dyad.EventActor, bool) {
	for _, e := range events {
		if c := e.Target.Country; c != "" && e.Source.Country == src.Country && c != src.Country {
			return e.Target, true
		}
	}
	return dyad.EventActor{}, false
}
