package geo

import (
	"maps"
	"slices"
	"testing"
	"unsafe"

	"github.com/dyad-events/dyad/packs"
)

// TestCompactKeepsNames loads the gazetteer without compacting it, compacts a copy and compares: every key
// with the same places in the same order, every primary key the same; the keys then lie in one string and
// the places in one slice, and a place named later under a compacted key leaves its neighbours alone.
func TestCompactKeepsNames(t *testing.T) {
	files, err := packs.Default().Files(GazetteerPath)
	if err != nil || len(files) == 0 {
		t.Fatal(err)
	}
	g := &Gazetteer{marked: map[uint64]bool{}, lowerLed: map[string]bool{}, lowerFirst: map[string]bool{}, names: map[string][]int32{}, primary: map[int32]string{}, countries: map[string]int32{}, regions: map[string]int32{}, ids: map[string]int32{}, countryNames: map[string]int32{}}
	for _, f := range files {
		for l := range f.Lines() {
			if err := g.line(l); err != nil {
				t.Fatal(err)
			}
		}
	}
	names := maps.Clone(g.names)
	for k, ids := range names {
		names[k] = slices.Clone(ids)
	}
	primary := maps.Clone(g.primary)
	g.compact()
	if !maps.EqualFunc(g.names, names, slices.Equal) {
		t.Fatal("compact changed the names")
	}
	if !maps.Equal(g.primary, primary) {
		t.Fatal("compact changed the primary keys")
	}
	// one backing string and one backing slice: every key and every slice within the span of all of them
	var keyLo, keyHi, idLo, idHi uintptr
	for k, ids := range g.names {
		kp, ip := uintptr(unsafe.Pointer(unsafe.StringData(k))), uintptr(unsafe.Pointer(&ids[0]))
		if keyLo == 0 || kp < keyLo {
			keyLo = kp
		}
		keyHi = max(keyHi, kp+uintptr(len(k)))
		if idLo == 0 || ip < idLo {
			idLo = ip
		}
		idHi = max(idHi, ip+4*uintptr(len(ids)))
		if cap(ids) != len(ids) {
			t.Fatalf("%q: capacity %d beyond its %d places", k, cap(ids), len(ids))
		}
	}
	size, n := 0, 0
	for k, ids := range names {
		size += len(k)
		n += len(ids)
	}
	if keyHi-keyLo != uintptr(size) || idHi-idLo != 4*uintptr(n) {
		t.Errorf("keys over %d bytes (want %d), places over %d bytes (want %d)", keyHi-keyLo, size, idHi-idLo, 4*n)
	}
	// a name added after: the key's own places grow, no other key's
	before := maps.Clone(g.names)
	var k string
	for k = range g.names {
		break
	}
	g.name(int32(len(g.places)-1), k)
	for key, ids := range before {
		want := ids
		if key == k && !slices.Contains(ids, int32(len(g.places)-1)) {
			want = append(slices.Clone(ids), int32(len(g.places)-1))
		}
		if !slices.Equal(g.names[key], want) {
			t.Fatalf("%q: %v after adding to %q, want %v", key, g.names[key], k, want)
		}
	}
}
