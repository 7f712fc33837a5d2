package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// StateSectorsFile says which sector a bare country takes as the source or target of an event whose code is an
// act of a state: a country that expels an ambassador, cuts ties or recognises a state is its government
// (SAUGOV), one that fires missiles its armed forces (IRNMIL). Lines `SIDE SECTOR | PREFIX ...` (SIDE source
// or target, SECTOR a CAMEO agent code or - for none; the longest PREFIX that begins the event's code applies).
const StateSectorsFile = "cameo/statesectors"

// stateSectorTable maps, per side, a code prefix to the sector ("" for none): source, target (through an actor
// of its country the sentence names) and named-target (a target named by name or capital, directly).
type stateSectorTable struct{ source, target, namedTarget map[string]string }

// loadStateSectors reads StateSectorsFile.
func loadStateSectors(p *packs.Set) (stateSectorTable, []error) {
	t := stateSectorTable{source: map[string]string{}, target: map[string]string{}, namedTarget: map[string]string{}}
	files, err := p.Files(StateSectorsFile)
	if err != nil {
		return t, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			head := strings.Fields(l.Fields[0])
			if len(l.Fields) != 2 || len(head) != 2 {
				errs = append(errs, l.Errorf("want SIDE SECTOR | PREFIX ..."))
				continue
			}
			var m map[string]string
			switch head[0] {
			case "source":
				m = t.source
			case "target":
				m = t.target
			case "named-target":
				m = t.namedTarget
			default:
				errs = append(errs, l.Errorf("side %q: want source, target or named-target", head[0]))
				continue
			}
			sec := head[1]
			if sec == "-" {
				sec = ""
			} else if len(sec) != 3 || strings.ToUpper(sec) != sec || strings.Trim(sec, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				errs = append(errs, l.Errorf("sector %q: want a CAMEO agent code of three capitals, or -", sec))
				continue
			}
			for _, c := range strings.Fields(l.Fields[1]) {
				if !isCodePrefix(c) {
					errs = append(errs, l.Errorf("want a CAMEO code or prefix of 2 to 4 digits, got %q", c))
					continue
				}
				if _, dup := m[c]; dup {
					errs = append(errs, l.Errorf("prefix %s of side %s given twice", c, head[0]))
					continue
				}
				m[c] = sec
			}
		}
	}
	return t, errs
}

// bareCountry reports whether a is a country with no sector: the state as a whole, or a place's country.
func bareCountry(a dyad.EventActor) bool {
	return a.Country != "" && a.Code == a.Country && a.Sector == ""
}

// stateSectors gives the bare countries of the events of one sentence (tokens [ta, tb)) the sector their code
// says (StateSectorsFile): a source named by its name or capital directly, any side where the sentence names
// an actor of its country with that sector ("arrived in Kyiv to meet President Zelensky"). The target of a
// joint act (joint holds the IDs of such events: "talks between Russia and Ukraine", "the two sides", "accused
// each other") is its agent too and reads as a source. An event within one country is left as it is: its sides
// are told apart by their own words. A target of a code of the named-target side (ties cut with a country, a
// protest lodged with it: relations are between governments) reads as a source too.
func (d *doc) stateSectors(evs []dyad.Event, ta, tb int, joint map[string]bool) {
	t := d.c.stateSectors
	// direct: the side may take the sector by its name alone; before: the trigger's offset, before which the
	// subject stands, or -1
	side := func(a *dyad.EventActor, m map[string]string, code string, direct bool, before int) {
		if !bareCountry(*a) {
			return
		}
		if sec := cameo.LongestPrefix(m, code); sec != "" && (direct && d.namedState(ta, tb, a.Country, before) || d.namesSector(ta, tb, a.Country, sec)) {
			a.Sector, a.Code, a.ActorID = sec, a.Country+sec, ""
		}
	}
	for i := range evs {
		e := &evs[i]
		if e.Source.Country == e.Target.Country {
			continue
		}
		side(&e.Source, t.source, e.Code, true, e.Trigger)
		switch {
		case joint[e.ID]:
			side(&e.Target, t.source, e.Code, true, -1)
		case cameo.LongestPrefix(t.namedTarget, e.Code) != "":
			side(&e.Target, t.namedTarget, e.Code, true, -1)
		default:
			side(&e.Target, t.target, e.Code, false, -1)
		}
	}
}

// namedState reports whether country cc is named in tokens [ta, tb) by name, alias or capital as the country
// itself: its mention nearest before offset before (the trigger, the subject's side: "Hamas handed over Israeli
// hostages ..., and Israel freed"), else every mention of it. A demonym alone ("Chinese telecom giant Huawei",
// "thousands of Iranians") may stand for a firm or a crowd the dictionary does not know.
func (d *doc) namedState(ta, tb int, cc string, before int) bool {
	byName := func(m dyad.ActorMention) bool { return m.Via == "name" || m.Via == "alias" || m.Via == "capital" }
	named, all, last := false, true, -1
	for i, m := range d.ments {
		if d.mtok[i][0] < ta || d.mtok[i][0] >= tb || m.Actor.Type != dyad.TypeCountry || m.Actor.Country != cc {
			continue
		}
		if m.Start < before {
			last = i
		}
		named = named || byName(m)
		all = all && byName(m)
	}
	if last >= 0 {
		return byName(d.ments[last])
	}
	return named && all
}

// namesSector reports whether tokens [ta, tb) hold a mention of an actor of country cc with sector sec.
func (d *doc) namesSector(ta, tb int, cc, sec string) bool {
	for i, m := range d.ments {
		if d.mtok[i][0] >= ta && d.mtok[i][0] < tb && m.Actor.Country == cc && m.Actor.Sector == sec {
			return true
		}
	}
	return false
}
