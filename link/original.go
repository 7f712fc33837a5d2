package link

import "github.com/dyad-events/dyad"

// Original reports whether a, rather than b, is the original of two near-duplicate articles: the one
// published first, a dated one before an undated one, then the smaller id. The rule does not depend on
// which copy arrives first, so neither do the events kept.
func Original(a, b *dyad.Article) bool {
	pa, pb := string(a.Published), string(b.Published)
	switch {
	case pa != "" && pb == "":
		return true
	case pa == "" && pb != "":
		return false
	case pa != pb:
		return pa < pb
	}
	return a.ID < b.ID
}

// maxChain bounds how many near_duplicate_of links are followed to an original.
const maxChain = 8

// demoter is implemented by indexes that hold unsaved records (Pending): it demotes a pending or stored
// article to a near-duplicate of the record into until that record is saved.
type demoter interface {
	demote(id string, into *dyad.Record)
}
