package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// ConstraintsFile holds CAMEO's rules about codes for an event between two named sides: which codes are not
// coded, or take the government as their target, under which of a fixed set of named conditions (a visit to
// one's own country is no visit; a protest at a parliament at home is against the government). Lines
// `ACTION CONDITION ... | PREFIX ...`; the file's header gives the grammar.
const ConstraintsFile = "cameo/constraints"

// The actions of a constraint.
const (
	actDrop         = "drop"           // the event is not coded
	actGovernment   = "government"     // the target becomes its country's government
	actOwnCountry   = "own-country"    // the target takes the source's country
	actDropAtPlace  = "drop-at-place"  // an event whose target is a place's country is not coded
	actDropOneSided = "drop-one-sided" // an event with no target beside the verb is not coded
)

// actions are the actions a line may name.
var actions = map[string]bool{actDrop: true, actGovernment: true, actOwnCountry: true, actDropAtPlace: true, actDropOneSided: true}

// pairCase is what a constraint's conditions look at: the two sides of an event, and whether its target is
// one of a list, asked only when a condition needs it.
type pairCase struct {
	src, tgt dyad.EventActor
	listed   func() bool
}

// constraint is one line of ConstraintsFile.
type constraint struct {
	action         string
	conds          []func(pairCase) bool
	prefixes, cuts []string // the codes it applies to, and those excepted (!PREFIX)
}

// constraints are the lines of ConstraintsFile, in order.
type constraints []constraint

// applies reports whether the line covers code.
func (c constraint) applies(code string) bool {
	in := false
	for _, p := range c.prefixes {
		if strings.HasPrefix(code, p) {
			in = true
			break
		}
	}
	if !in {
		return false
	}
	for _, p := range c.cuts {
		if strings.HasPrefix(code, p) {
			return false
		}
	}
	return true
}

// holds reports whether a line of action covers ev's code and all its conditions hold.
func (cs constraints) holds(action string, ev dyad.Event, listed func() bool) bool {
	pc := pairCase{src: ev.Source, tgt: ev.Target, listed: listed}
next:
	for _, c := range cs {
		if c.action != action || !c.applies(ev.Code) {
			continue
		}
		for _, f := range c.conds {
			if !f(pc) {
				continue next
			}
		}
		return true
	}
	return false
}

// governmentTarget makes the target of ev its country's government where a government line holds.
func (cs constraints) governmentTarget(ev *dyad.Event, listed func() bool) {
	if cs.holds(actGovernment, *ev, listed) {
		cc := ev.Target.Country
		ev.Target = dyad.EventActor{Code: cc + "GOV", Name: cc + " government", Country: cc, Sector: "GOV"}
	}
}

// ownCountryTarget gives the target of ev the source's country where an own-country line holds.
func (cs constraints) ownCountryTarget(ev *dyad.Event, listed func() bool) {
	if cs.holds(actOwnCountry, *ev, listed) {
		ev.Target.Country, ev.Target.Code, ev.Target.ActorID = ev.Source.Country, ev.Source.Country+ev.Target.Code, ""
	}
}

// condition returns the test a condition word names (NAME or NAME=S,...).
func condition(word string) (func(pairCase) bool, error) {
	name, arg, hasArg := strings.Cut(word, "=")
	switch name {
	case "same-country", "target-own-country", "own-organ", "target-listed", "target-countryless":
		if hasArg {
			return nil, fmt.Errorf("condition %s takes no value", name)
		}
	case "source-sector", "source-not-sector", "target-sector":
		if !hasArg || arg == "" {
			return nil, fmt.Errorf("condition %s wants sectors: %s=GOV,MIL", name, name)
		}
	default:
		return nil, fmt.Errorf("unknown condition %q", name)
	}
	switch name {
	case "same-country":
		return func(c pairCase) bool { return c.src.Country != "" && c.src.Country == c.tgt.Country }, nil
	case "target-own-country":
		return func(c pairCase) bool {
			return c.src.Country != "" && c.tgt.Code == c.src.Country && c.tgt.Country == c.src.Country
		}, nil
	case "own-organ":
		return func(c pairCase) bool {
			return c.src.Country == c.tgt.Country && (c.src.Code == c.src.Country) != (c.tgt.Code == c.tgt.Country)
		}, nil
	case "target-listed":
		return func(c pairCase) bool { return c.listed != nil && c.listed() }, nil
	case "target-countryless":
		return func(c pairCase) bool { return countryless(c.tgt) && c.src.Country != "" }, nil
	}
	secs := map[string]bool{}
	for _, s := range strings.Split(arg, ",") {
		switch {
		case s == "state":
			for k := range stateSectors {
				secs[k] = true
			}
		case len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
			secs[s] = true
		default:
			return nil, fmt.Errorf("sector %q: want a CAMEO agent code of three capitals, or state", s)
		}
	}
	switch name {
	case "source-sector":
		return func(c pairCase) bool { return secs[c.src.Sector] }, nil
	case "source-not-sector":
		return func(c pairCase) bool { return !secs[c.src.Sector] }, nil
	default:
		return func(c pairCase) bool { return secs[c.tgt.Sector] }, nil
	}
}

// loadConstraints reads ConstraintsFile.
func loadConstraints(p *packs.Set) (constraints, []error) {
	files, err := p.Files(ConstraintsFile)
	if err != nil {
		return nil, []error{err}
	}
	var out constraints
	var errs []error
	for _, f := range files {
	lines:
		for l := range f.Lines() {
			head := strings.Fields(l.Fields[0])
			if len(l.Fields) != 2 || len(head) == 0 || strings.TrimSpace(l.Fields[1]) == "" {
				errs = append(errs, l.Errorf("want ACTION CONDITION ... | PREFIX ..."))
				continue
			}
			c := constraint{action: head[0]}
			if !actions[c.action] {
				errs = append(errs, l.Errorf("action %q: want drop, government, own-country, drop-at-place or drop-one-sided", c.action))
				continue
			}
			for _, w := range head[1:] {
				f, err := condition(w)
				if err != nil {
					errs = append(errs, l.Errorf("%v", err))
					continue lines
				}
				c.conds = append(c.conds, f)
			}
			for _, p := range strings.Fields(l.Fields[1]) {
				cut := strings.HasPrefix(p, "!")
				p = strings.TrimPrefix(p, "!")
				if !isCodePrefix(p) {
					errs = append(errs, l.Errorf("want a CAMEO code or prefix of 2 to 4 digits, or !PREFIX, got %q", p))
					continue lines
				}
				if cut {
					c.cuts = append(c.cuts, p)
				} else {
					c.prefixes = append(c.prefixes, p)
				}
			}
			if len(c.prefixes) == 0 {
				errs = append(errs, l.Errorf("no code to apply to: want at least one PREFIX without !"))
				continue
			}
			out = append(out, c)
		}
	}
	return out, errs
}
