package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// A bare country takes the sector its event's code gives a state's side: directly as a source named by name,
// through an actor of its country with that sector the sentence names otherwise; a demonym alone and an event
// within one country keep the bare country.
func TestStateSectors(t *testing.T) {
	c := newTestCoder(t)
	country := func(alias, via, cc string) testActor {
		return testActor{alias: alias, via: via, ref: dyad.ActorRef{ID: cc, Name: alias, Type: "country", Country: cc, Code: cc}}
	}
	person := func(alias, cc, sec string) testActor {
		return testActor{alias: alias, via: "name", ref: dyad.ActorRef{ID: strings.ToLower(alias), Name: alias, Type: "person", Country: cc, Sector: sec, Code: cc + sec}}
	}
	for _, tc := range []struct {
		text   string
		actors []testActor
		want   string
	}{
		{"Poland expelled three Russian diplomats on Thursday.", []testActor{country("Poland", "name", "POL"), {alias: "Russian diplomats", via: "demonym", ref: dyad.ActorRef{ID: "RUSGOV", Name: "Russian diplomats", Type: "group", Country: "RUS", Sector: "GOV", Code: "RUSGOV"}}}, "174 POLGOV RUSGOV"},
		{"France condemned Russia on Monday.", []testActor{country("France", "name", "FRA"), country("Russia", "name", "RUS")}, "111 FRAGOV RUS"},
		{"France condemned Russia on Monday, Putin said.", []testActor{country("France", "name", "FRA"), country("Russia", "name", "RUS"), person("Putin", "RUS", "GOV")}, "111 FRAGOV RUSGOV"},
		{"Chinese investors condemned Japan on Monday.", []testActor{country("Chinese", "demonym", "CHN"), country("Japan", "name", "JPN")}, "111 CHN JPN"},
		{"Mexico broke off diplomatic relations with Ecuador on Friday.", []testActor{country("Mexico", "name", "MEX"), country("Ecuador", "name", "ECU")}, "161 MEXGOV ECUGOV"},
		{"Russia attacked Ukraine on Monday.", []testActor{country("Russia", "name", "RUS"), country("Ukraine", "name", "UKR")}, "190 RUSMIL UKR"},
		{"Russia attacked Ukraine on Monday, Zelensky said.", []testActor{country("Russia", "name", "RUS"), country("Ukraine", "name", "UKR"), person("Zelensky", "UKR", "GOV")}, "190 RUSMIL UKR"},
	} {
		got := codeHand(t, c, "en", "2024-03-04", tc.text, tc.actors)
		if !slices.Contains(got, tc.want) {
			t.Errorf("%q: want %s, got %v", tc.text, tc.want, got)
		}
	}
}

func TestLoadStateSectorsErrors(t *testing.T) {
	for _, tc := range []struct{ line, err string }{
		{"source GOV | 04", ""},
		{"source GOV 04", "want SIDE SECTOR"},
		{"actor GOV | 04", "want source, target or named-target"},
		{"source gov | 04", "CAMEO agent code"},
		{"source GOV | 4x", "CAMEO code or prefix"},
		{"source GOV | 04 04", "given twice"},
	} {
		p := packs.Dir(writePack(t, map[string]string{StateSectorsFile: tc.line + "\n"}))
		_, errs := loadStateSectors(p)
		switch {
		case tc.err == "" && len(errs) > 0:
			t.Errorf("%q: want no error, got %v", tc.line, errs)
		case tc.err != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), tc.err)):
			t.Errorf("%q: want an error with %q, got %v", tc.line, tc.err, errs)
		}
	}
}
