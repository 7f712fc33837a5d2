package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// TestLoadConstraintsErrors: a bad line is an error that names the file and the line.
func TestLoadConstraintsErrors(t *testing.T) {
	for _, tc := range []struct{ line, err string }{
		{"drop same-country | 042 043", ""},
		{"government same-country target-sector=LEG,JUD | 14 !145", ""},
		{"drop source-sector=state,ELI | 10", ""},
		{"drop same-country 042", "want ACTION CONDITION"},
		{"drop same-country |", "want ACTION CONDITION"},
		{"keep same-country | 042", "want drop, government"},
		{"drop-one-sided source-sector=state | 14", ""},
		{"drop same-place | 042", `unknown condition "same-place"`},
		{"drop same-country=GOV | 042", "takes no value"},
		{"drop source-sector | 042", "wants sectors"},
		{"drop source-sector=gov | 042", "CAMEO agent code"},
		{"drop same-country | 04x", "CAMEO code or prefix"},
		{"drop same-country | !145", "at least one PREFIX"},
	} {
		p := packs.Dir(writePack(t, map[string]string{ConstraintsFile: "# a comment\n" + tc.line + "\n"}))
		_, errs := loadConstraints(p)
		switch {
		case tc.err == "" && len(errs) > 0:
			t.Errorf("%q: want no error, got %v", tc.line, errs)
		case tc.err != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), tc.err) ||
			!strings.Contains(errs[0].Error(), ConstraintsFile+":2:")):
			t.Errorf("%q: want an error at %s:2 with %q, got %v", tc.line, ConstraintsFile, tc.err, errs)
		}
	}
}

// TestConstraintConditions: each named condition, on the sides it tells apart.
func TestConstraintConditions(t *testing.T) {
	bra := dyad.EventActor{Code: "BRA", Country: "BRA"}
	braGov := dyad.EventActor{Code: "BRAGOV", Country: "BRA", Sector: "GOV"}
	braMil := dyad.EventActor{Code: "BRAMIL", Country: "BRA", Sector: "MIL"}
	braEli := dyad.EventActor{Code: "BRAELI", Country: "BRA", Sector: "ELI"}
	braLab := dyad.EventActor{Code: "BRALAB", Country: "BRA", Sector: "LAB"}
	argGov := dyad.EventActor{Code: "ARGGOV", Country: "ARG", Sector: "GOV"}
	igo := dyad.EventActor{Code: "IGO"}
	yes := func() bool { return true }
	for _, tc := range []struct {
		cond     string
		src, tgt dyad.EventActor
		listed   func() bool
		want     bool
	}{
		{"same-country", braGov, braMil, nil, true},
		{"same-country", braGov, argGov, nil, false},
		{"same-country", igo, igo, nil, false},
		{"target-own-country", braGov, bra, nil, true},
		{"target-own-country", braGov, braMil, nil, false},
		{"target-own-country", argGov, bra, nil, false},
		{"own-organ", bra, braGov, nil, true},
		{"own-organ", braGov, bra, nil, true},
		{"own-organ", braGov, braMil, nil, false},
		{"own-organ", bra, argGov, nil, false},
		{"target-listed", braLab, braGov, yes, true},
		{"target-listed", braLab, braGov, nil, false},
		{"target-listed", braLab, braGov, func() bool { return false }, false},
		{"source-sector=state", braMil, bra, nil, true},
		{"source-sector=state", braEli, bra, nil, false},
		{"source-sector=state,ELI", braEli, bra, nil, true},
		{"source-sector=GOV", bra, braGov, nil, false},
		{"source-not-sector=state", braLab, braGov, nil, true},
		{"source-not-sector=state", bra, braGov, nil, true},
		{"source-not-sector=state", braGov, braLab, nil, false},
		{"target-sector=LEG,MIL", braLab, braMil, nil, true},
		{"target-sector=LEG,MIL", braLab, braGov, nil, false},
		{"target-countryless", braLab, dyad.EventActor{Code: "GOV", Sector: "GOV"}, nil, true},
		{"target-countryless", dyad.EventActor{Code: "LAB", Sector: "LAB"}, dyad.EventActor{Code: "GOV", Sector: "GOV"}, nil, false},
		{"target-countryless", braLab, igo, nil, false},
		{"target-countryless", braLab, braGov, nil, false},
	} {
		f, err := condition(tc.cond)
		if err != nil {
			t.Fatalf("%s: %v", tc.cond, err)
		}
		if got := f(pairCase{src: tc.src, tgt: tc.tgt, listed: tc.listed}); got != tc.want {
			t.Errorf("%s(%s, %s) = %v, want %v", tc.cond, tc.src.Code, tc.tgt.Code, got, tc.want)
		}
	}
}

// TestConstraints: a line applies to the codes its prefixes begin, less those it excepts, when all its
// conditions hold; government makes the target its country's government; the embedded file loads.
func TestConstraints(t *testing.T) {
	p := packs.Dir(writePack(t, map[string]string{ConstraintsFile: "drop same-country | 042 043\n" +
		"government same-country target-sector=LEG | 14 !145\n" +
		"government same-country target-sector=LEG target-listed | 145\n"}))
	cs, errs := loadConstraints(p)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ev := func(code string, src, tgt dyad.EventActor) dyad.Event {
		return dyad.Event{Code: code, Source: src, Target: tgt}
	}
	braGov := dyad.EventActor{Code: "BRAGOV", Country: "BRA", Sector: "GOV"}
	braLeg := dyad.EventActor{Code: "BRALEG", Country: "BRA", Sector: "LEG"}
	braOpp := dyad.EventActor{Code: "BRAOPP", Country: "BRA", Sector: "OPP"}
	argGov := dyad.EventActor{Code: "ARGGOV", Country: "ARG", Sector: "GOV"}
	if !cs.holds(actDrop, ev("042", braGov, braLeg), nil) || cs.holds(actDrop, ev("042", braGov, argGov), nil) ||
		cs.holds(actDrop, ev("044", braGov, braLeg), nil) {
		t.Error("drop same-country | 042 043: wrong codes or sides")
	}
	for _, tc := range []struct {
		code   string
		listed bool
		want   string
	}{
		{"1411", false, "BRAGOV"},
		{"145", false, "BRALEG"},
		{"1452", true, "BRAGOV"},
		{"173", true, "BRALEG"},
	} {
		e := ev(tc.code, braOpp, braLeg)
		cs.governmentTarget(&e, func() bool { return tc.listed })
		if e.Target.Code != tc.want || tc.want == "BRAGOV" && (e.Target.Sector != "GOV" || e.Target.Country != "BRA") {
			t.Errorf("%s (listed %v): target %+v, want %s", tc.code, tc.listed, e.Target, tc.want)
		}
	}
	// own-country: a title with no country takes the source's
	p = packs.Dir(writePack(t, map[string]string{ConstraintsFile: "own-country target-countryless | 14 17\n"}))
	if cs, errs = loadConstraints(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	e := ev("173", braOpp, dyad.EventActor{Code: "GOV", Sector: "GOV", ActorID: "x"})
	cs.ownCountryTarget(&e, nil)
	if e.Target.Code != "BRAGOV" || e.Target.Country != "BRA" || e.Target.ActorID != "" {
		t.Errorf("own-country: target %+v, want BRAGOV", e.Target)
	}
	if cs, errs := loadConstraints(packs.Default()); len(errs) > 0 || len(cs) == 0 {
		t.Errorf("the embedded %s: %d lines, %v", ConstraintsFile, len(cs), errs)
	}
}

// TestCodeSets: a set holds the codes its prefixes begin; a bad line names the file and the line; the embedded
// file loads with every set.
func TestCodeSets(t *testing.T) {
	for _, tc := range []struct{ line, err string }{
		{"force | 18 19 20", ""},
		{"force 18", "want NAME | PREFIX"},
		{"violence | 18", `set "violence"`},
		{"joint | 0x", "CAMEO code or prefix"},
	} {
		_, errs := loadCodeSets(packs.Dir(writePack(t, map[string]string{CodeSetsFile: "\n" + tc.line + "\n"})))
		switch {
		case tc.err == "" && len(errs) > 0:
			t.Errorf("%q: want no error, got %v", tc.line, errs)
		case tc.err != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), tc.err) ||
			!strings.Contains(errs[0].Error(), CodeSetsFile+":2:")):
			t.Errorf("%q: want an error at %s:2 with %q, got %v", tc.line, CodeSetsFile, tc.err, errs)
		}
	}
	cs, errs := loadCodeSets(packs.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct {
		set, code string
		want      bool
	}{
		{setJoint, "036", true}, {setJoint, "042", true}, {setJoint, "0611", true}, {setJoint, "07", false},
		{setForce, "183", true}, {setForce, "202", true}, {setForce, "173", false},
		{setRecipientless, "0731", true}, {setRecipientless, "0332", true}, {setRecipientless, "034", false},
	} {
		if got := cs.has(tc.set, tc.code); got != tc.want {
			t.Errorf("%s has %s = %v, want %v", tc.set, tc.code, got, tc.want)
		}
	}
}
