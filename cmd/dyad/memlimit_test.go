package main

import "testing"

// The memory limit stays while the live heap leaves it half the headroom, and rises with a heap that comes
// closer, never falling.
func TestRaisedLimit(t *testing.T) {
	const mb = 1 << 20
	limit := int64(155*mb + heapHeadroom)
	for _, c := range []struct {
		live, want int64
	}{
		{300 * mb, limit},               // the language data loaded: half the headroom left
		{limit - heapHeadroom/2, limit}, // just half left
		{limit - heapHeadroom/2 + mb, limit + heapHeadroom/2 + mb}, // less than half: live plus the headroom
		{900 * mb, 900*mb + heapHeadroom},                          // far past it
		{100 * mb, 900*mb + heapHeadroom},                          // the heap shrinks: the limit stays
	} {
		got := raisedLimit(c.live, limit)
		if got != c.want {
			t.Errorf("raisedLimit(%d MB, %d MB) = %d MB, want %d MB", c.live/mb, limit/mb, got/mb, c.want/mb)
		}
		limit = got
	}
}
