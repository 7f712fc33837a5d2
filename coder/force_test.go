package coder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// TestPlaceTwin: a force pattern of ours whose object ends it has a twin whose T is H (a place at home), with
// its trigger read as a verb; other patterns have none.
func TestPlaceTwin(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "S @strike T", true},
		{"es", "S ..2 bombardeó/bombardearon ..6 T", true},
		{"en", "S @meet T", false},                                        // no force code
		{"en", "S @kill ..3 T 's/’s ..2 soldiers/troops/fighters", false}, // T inside the object
		{"en", "T @be @attack* ..2 by S", false},                          // a passive: T is its subject
	} {
		found, twin := false, (*pattern)(nil)
		for _, pt := range c.langs[tc.lang].patterns {
			switch pt.text {
			case tc.text:
				found = true
			case tc.text + " (T: a place)":
				twin = pt
			}
		}
		if !found {
			t.Fatalf("%s: no pattern %q", tc.lang, tc.text)
		}
		if (twin != nil) != tc.want {
			t.Errorf("%s %q: twin %v, want %v", tc.lang, tc.text, twin != nil, tc.want)
			continue
		}
		if twin != nil {
			if e := twin.elems[len(twin.elems)-1]; e.kind != kSlot || e.slot != 'H' || !twin.home {
				t.Errorf("%q: the twin's last element is %+v, want H", tc.text, e)
			}
			if !twin.elems[twin.anchor].verb {
				t.Errorf("%q: the twin's trigger is not read as a verb", tc.text)
			}
		}
	}
	mk := func(origin string) *pattern {
		pt := &pattern{code: "190", origin: origin, elems: []elem{{kind: kSlot, slot: 'S'}, {kind: kLit, alts: []alt{{{text: "attacked"}}}}, {kind: kSlot, slot: 'T'}}}
		if err := pt.finish(); err != nil {
			t.Fatal(err)
		}
		return pt
	}
	if placeTwin(mk("CAMEO.2.0.txt:1"), []string{"19"}) != nil {
		t.Error("an imported pattern got a place twin")
	}
	if placeTwin(mk(""), []string{"19"}) == nil || placeTwin(mk(""), []string{"18"}) != nil {
		t.Error("the twin does not follow the code prefixes")
	}
}

// TestLoadPlaceTargets: codes and prefixes are read, a bad one is named.
func TestLoadPlaceTargets(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cameo"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, PlaceTargetsFile), []byte("18 | 19\n1x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, errs := loadPlaceTargets(packs.Dir(dir))
	if strings.Join(got, ",") != "18,19" || len(errs) != 1 || !strings.Contains(errs[0].Error(), "1x") {
		t.Errorf("loadPlaceTargets = %v, %v", got, errs)
	}
}

// TestSectorSlot: S{COP/MIL} reads the sectors its actor must have; a bad list is an error.
func TestSectorSlot(t *testing.T) {
	lg := newLang("en")
	e, err := lg.parseElem("S{COP/MIL}", nil)
	if err != nil || e.kind != kSlot || e.slot != 'S' || strings.Join(e.sectors, ",") != "COP,MIL" {
		t.Errorf("S{COP/MIL} = %+v, %v", e, err)
	}
	if e, err := lg.parseElem("T!{COP}", nil); err != nil || !e.tight || len(e.sectors) != 1 {
		t.Errorf("T!{COP} = %+v, %v", e, err)
	}
	for _, bad := range []string{"S{cop}", "S{}", "S{COP/}"} {
		if _, err := lg.parseElem(bad, nil); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// TestSectorCodes: an attack by gunmen (sector INS) is unconventional violence (18), whatever the verb of 19
// that tells it; an army's stays 19, and codes outside the map keep theirs.
func TestSectorCodes(t *testing.T) {
	sm := sectorMaps{"INS": codeMap{"19": "180"}, "INS>MIL": codeMap{"19": "19"}}
	for _, c := range []struct {
		sector, target, code, want string
	}{{"INS", "", "190", "180"}, {"INS", "CVL", "195", "180"}, {"INS", "", "200", "200"}, {"INS", "", "112", "112"},
		{"INS", "MIL", "193", "193"}, {"INS", "MIL", "112", "112"}, {"MIL", "", "190", "190"}, {"", "", "195", "195"}} {
		src := dyad.EventActor{Code: "NGA" + c.sector, Country: "NGA", Sector: c.sector}
		tgt := dyad.EventActor{Code: "NGA" + c.target, Country: "NGA", Sector: c.target}
		if got := sm.apply(src, tgt, c.code); got != c.want {
			t.Errorf("%s>%s %s: got %s, want %s", c.sector, c.target, c.code, got, c.want)
		}
	}
}

// TestPlaceAlone: a pattern whose only slot is H is an event at a place with no agent named; its target is
// the place's country itself (placeObj), and L alone is refused.
func TestPlaceAlone(t *testing.T) {
	mk := func(slot byte) (*pattern, error) {
		pt := &pattern{code: "183", elems: []elem{{kind: kLit, alts: []alt{{{text: "bomb"}}}}, {kind: kLit, alts: []alt{{{text: "exploded"}}}}, {kind: kSlot, slot: slot}}}
		return pt, pt.finish()
	}
	pt, err := mk('H')
	if err != nil {
		t.Fatal(err)
	}
	if !pt.place || !pt.home || !pt.placeObj || pt.agentless || pt.oneSided {
		t.Errorf("H alone: place %v home %v placeObj %v agentless %v oneSided %v", pt.place, pt.home, pt.placeObj, pt.agentless, pt.oneSided)
	}
	if _, err := mk('L'); err == nil {
		t.Error("L alone: want an error")
	}
}
