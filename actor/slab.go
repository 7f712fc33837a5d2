package actor

// entrySlab is the number of entries allocated together while loading: the dictionary's ~34,000 entries (with
// the third-party layer) are some 34 objects for the collector to visit instead of one each.
const entrySlab = 1024

// slabAppend appends v to s, a list taken from *slab (or empty), and returns the list, a full slice of *slab
// (cap = len). A list that ends where *slab's used part ends grows in place; another is moved to the end of
// *slab first, and a new slab is begun when the list does not fit. The lists a loader appends to one after
// the other (a person's roles, read from the lines after its name) so lie together in a few large slices
// instead of each in its own, grown by doubling.
func slabAppend[T any](slab *[]T, s []T, v T) []T {
	n := len(*slab)
	if len(s) > 0 && n > 0 && n < cap(*slab) && &s[len(s)-1] == &(*slab)[n-1] {
		*slab = append(*slab, v)
		return (*slab)[n-len(s) : n+1 : n+1]
	}
	if n+len(s)+1 > cap(*slab) {
		*slab = make([]T, 0, max(1024, 2*(len(s)+1)))
		n = 0
	}
	*slab = append(*slab, s...)
	*slab = append(*slab, v)
	return (*slab)[n : n+len(s)+1 : n+len(s)+1]
}
