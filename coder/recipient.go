package coder

import (
	"github.com/dyad-events/dyad"
)

// recipient returns the target of a recipientless event (CodeSetsFile: a one-sided event that gives to someone
// the sentence does not name beside the verb, aid and promised aid: "and said it would send rescue teams"; not
// at home, as a protest is): the target of an event of the same sentence by the
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
