package coder

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasFoldedPrefix must answer as lowering the whole text does.
func TestHasFoldedPrefix(t *testing.T) {
	cases := [][2]string{
		{"HÀ NỘI (TTXVN) - Hai bên", "Hà Nội"},
		{"HANOI, Dec. 2", "hanoi"},
		{"HANO", "hanoi"},
		{"", ""},
		{"Berlin", ""},
		{"İSTANBUL, 3 Mayıs", "i̇stanbul"},
		{"\u212aIEV (Reuters)", "kiev"}, // the Kelvin sign lowers to one byte
		{"KIEV", "\u212aiev"},
		{"\xffBERLIN", "\ufffdberlin"}, // an invalid byte lowers to U+FFFD
		{"\xff", "\ufffd"},
		{"ΑΘΗΝΑ", "αθήνα"},
		{"北京5月6日电", "北京"},
	}
	for _, c := range cases {
		want := strings.HasPrefix(strings.ToLower(c[0]), strings.ToLower(c[1]))
		if got := hasFoldedPrefix(c[0], c[1]); got != want {
			t.Errorf("hasFoldedPrefix(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
}

func FuzzHasFoldedPrefix(f *testing.F) {
	f.Add("HÀ NỘI (TTXVN) -", "Hà Nội")
	f.Add("\u212aIEV", "kiev")
	f.Add("\xffB", "\ufffdb")
	f.Fuzz(func(t *testing.T, s, p string) {
		want := strings.HasPrefix(strings.ToLower(s), strings.ToLower(p))
		if got := hasFoldedPrefix(s, p); got != want {
			t.Errorf("hasFoldedPrefix(%q, %q) = %v, want %v", s, p, got, want)
		}
	})
}

// A word is looked up by prefix when its first two bytes begin a prefix of the set, every word once a prefix
// is shorter than two bytes.
func TestStarts(t *testing.T) {
	var st starts
	for _, p := range []string{"négoc", "arrest", "zh"} {
		st.add(p)
	}
	for w, want := range map[string]bool{"négociations": true, "arrested": true, "zhe": true, "ar": true,
		"nu": false, "a": false, "": false, "bomb": false, "nègre": true, "ordre": false} { // "nègre" shares the first two bytes of "né" (n, 0xC3): looked up for nothing
		if got := st.may(w); got != want {
			t.Errorf("may(%q) = %v, want %v", w, got, want)
		}
	}
	st.add("x")
	if !st.may("bomb") || !st.may("") {
		t.Error("a prefix of one byte: every word may begin with one")
	}
}

// A pattern is tried at a trigger only when its required words stand on their side of it; a word before T may
// be read at the preposition that opens a relative clause before the trigger, so it may stand on either side.
func TestHoldsSides(t *testing.T) {
	pt := &pattern{reqBefore: []int32{0}, reqAfter: []int32{1}, reqAny: []int32{2}}
	m := &elemMarks{}
	m.next(3)
	m.set([]int32{0}, 1)
	m.set([]int32{2}, 2)
	m.set([]int32{1}, 5)
	m.set([]int32{0}, 6)
	for i, want := range map[int]bool{0: false, 1: false, 2: true, 4: true, 5: false, 7: false} {
		if got := m.holds(pt, i); got != want {
			t.Errorf("holds at %d = %v, want %v", i, got, want)
		}
	}
	m.next(3) // a new sentence: nothing held
	if m.holds(pt, 3) {
		t.Error("holds after next")
	}
}

// An anchor carries two of its pattern's required sets (the rarest) with their sides; testing them, and the
// pattern's others when it has more, answers as holds does for every pattern, unit and sentence.
func TestKeyHolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const sets = 6
	x := newElemIndex()
	for range sets {
		x.size = append(x.size, int32(1+rng.IntN(5)))
	}
	pick := func() []int32 {
		var ids []int32
		for range rng.IntN(3) {
			ids = append(ids, int32(rng.IntN(sets)))
		}
		return ids
	}
	m := &elemMarks{}
	for range 2000 {
		pt := &pattern{reqBefore: pick(), reqAfter: pick(), reqAny: pick()}
		var an anchor
		x.setKey(&an, pt)
		if n := len(pt.reqBefore) + len(pt.reqAfter) + len(pt.reqAny); (n > 2) != an.more || int(an.nkey) != min(n, 2) {
			t.Fatalf("%d sets required: key of %d, more %v", n, an.nkey, an.more)
		}
		m.next(sets)
		for i := range 8 {
			for _, id := range pick() {
				m.set([]int32{id}, i)
			}
		}
		for i := range 8 {
			got := m.keyHolds(&an, i) && (!an.more || m.holds(pt, i))
			if want := m.holds(pt, i); got != want {
				t.Fatalf("pattern %+v at %d: key %v, holds %v", pt, i, got, want)
			}
		}
	}
}
