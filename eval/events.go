package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

// Events runs c on every event item of g and scores the events it codes.
//
// A predicted event matches a gold event when its source and target match the gold actors at the gold's
// level (see ActorMatches) and its CAMEO root equals the gold code's root; that is the Overall score. The
// Exact score asks for the full code too; the Countries score asks only the source and target countries
// (or the non-country roots, IGO, NGO ...) and the root, the level at which outside evaluations of
// event coders usually score. Each gold and each predicted event is matched at most once (a
// maximum bipartite matching per item). Per-root counts file true positives and false negatives under the
// gold code's root and false positives under the predicted code's root. A coder error on one item is
// recorded in Errors and counts as coding nothing; only a cancelled ctx stops the run.
func Events(ctx context.Context, g *Gold, c Coder) (*Report, error) {
	r := &Report{Kind: KindEvents, Gold: g.Path, Exact: &Score{}, Countries: &Score{}, ByRoot: map[string]Score{}, ByLang: map[string]Score{}}
	for i := range g.Items {
		it := &g.Items[i]
		if it.Kind() != KindEvents {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.Items++
		var pred []dyad.Event
		rec, err := c(ctx, it.Lang, it.Date, it.Text)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.Errors = append(r.Errors, ItemError{ID: it.ID, Error: err.Error()})
		} else if rec != nil {
			pred = rec.Events
		}
		scoreEvents(r, it, pred)
	}
	r.finish()
	return r, nil
}

func scoreEvents(r *Report, it *Item, pred []dyad.Event) {
	gold := it.Events
	root := func(gi, pi int) bool {
		return eventActorsMatch(gold[gi], pred[pi]) && codeRoot(pred[pi].Code) == codeRoot(gold[gi].Code)
	}
	exact := func(gi, pi int) bool {
		return eventActorsMatch(gold[gi], pred[pi]) && strings.TrimSpace(pred[pi].Code) == gold[gi].Code
	}
	countries := func(gi, pi int) bool {
		return countryActorsMatch(gold[gi], pred[pi]) && codeRoot(pred[pi].Code) == codeRoot(gold[gi].Code)
	}
	gm, pm := match(len(gold), len(pred), root)
	egm, _ := match(len(gold), len(pred), exact)
	cgm, _ := match(len(gold), len(pred), countries)

	var s Score
	exactTP, countryTP := 0, 0
	for gi, e := range gold {
		if cgm[gi] >= 0 {
			countryTP++
		}
		if gm[gi] >= 0 {
			s.TP++
			bump(r.ByRoot, codeRoot(e.Code), 1, 0, 0)
		} else {
			s.FN++
			bump(r.ByRoot, codeRoot(e.Code), 0, 0, 1)
		}
		if egm[gi] >= 0 {
			exactTP++
		}
	}
	for pi, p := range pred {
		if pm[pi] < 0 {
			s.FP++
			bump(r.ByRoot, rootKey(p.Code), 0, 1, 0)
		}
	}
	r.Exact.add(Score{TP: exactTP, FP: len(pred) - exactTP, FN: len(gold) - exactTP})
	r.Countries.add(Score{TP: countryTP, FP: len(pred) - countryTP, FN: len(gold) - countryTP})
	r.Overall.add(s)
	bump(r.ByLang, it.Lang, s.TP, s.FP, s.FN)

	if s.FP == 0 && s.FN == 0 {
		return
	}
	m := Miss{ID: it.ID, Lang: it.Lang, Line: it.Line, Text: it.Text, Expected: []string{}, Got: []string{}}
	for gi, e := range gold {
		m.Expected = append(m.Expected, e.String())
		if gm[gi] < 0 {
			m.Missed = append(m.Missed, e.String())
		}
	}
	for pi, p := range pred {
		m.Got = append(m.Got, formatEvent(p))
		if pm[pi] < 0 {
			m.Spurious = append(m.Spurious, formatEvent(p))
		}
	}
	r.Misses = append(r.Misses, m)
}

// formatEvent writes a predicted event as "CHNGOV->VNMGOV 040".
func formatEvent(e dyad.Event) string {
	return fmt.Sprintf("%s->%s %s", actorCode(e.Source), actorCode(e.Target), e.Code)
}

func actorCode(a dyad.EventActor) string {
	if a.Code != "" {
		return a.Code
	}
	return a.Country + a.Sector
}

func codeRoot(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// rootKey is codeRoot for a predicted code, "??" when it is not a CAMEO code at all.
func rootKey(code string) string {
	r := codeRoot(code)
	if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
		return "??"
	}
	return r
}

func eventActorsMatch(g GoldEvent, p dyad.Event) bool {
	return ActorMatches(g.Source, p.Source.Code, p.Source.Country, p.Source.Sector) &&
		ActorMatches(g.Target, p.Target.Code, p.Target.Country, p.Target.Sector)
}

// countryActorsMatch is eventActorsMatch with each gold actor cut to its country (or its non-country root).
func countryActorsMatch(g GoldEvent, p dyad.Event) bool {
	return ActorMatches(countryLevel(g.Source), p.Source.Code, p.Source.Country, p.Source.Sector) &&
		ActorMatches(countryLevel(g.Target), p.Target.Code, p.Target.Country, p.Target.Sector)
}

// countryLevel cuts a gold actor code to its first three letters: the country, or a non-country root
// such as IGO, which ActorMatches then matches by prefix.
func countryLevel(code string) string {
	code = strings.TrimSpace(code)
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// ActorMatches reports whether a predicted actor (its CAMEO code, country and sector; any may be empty)
// matches a gold CAMEO actor code at the gold's level:
//
//   - a country code ("CHN") matches any actor of that country ("CHN", "CHNGOV", "CHNMIL");
//   - a country and sector ("CHNGOV") needs that sector too;
//   - a longer country code ("CHNGOVMIL") needs the predicted code to start with it;
//   - a code that is no country ("IGOUNO", "NGO", "IMG") needs the predicted code to start with it.
//
// The predicted country is its Country, else the first three letters of its Code; its sector is its Sector,
// else letters 4-6 of its Code when the code starts with the country.
func ActorMatches(gold, code, country, sector string) bool {
	code = strings.ToUpper(strings.TrimSpace(code))
	country = strings.ToUpper(strings.TrimSpace(country))
	sector = strings.ToUpper(strings.TrimSpace(sector))
	if gold == "" {
		return false
	}
	if nonCountryRoots[gold[:min(3, len(gold))]] {
		return strings.HasPrefix(code, gold)
	}
	if country == "" && len(code) >= 3 {
		country = code[:3]
	}
	if len(gold) < 3 || country != gold[:3] {
		return false
	}
	if len(gold) == 3 {
		return true
	}
	if sector == "" && len(code) >= 6 && code[:3] == country {
		sector = code[3:6]
	}
	if sector != gold[3:6] {
		return false
	}
	if len(gold) > 6 {
		return strings.HasPrefix(code, gold)
	}
	return true
}

// nonCountryRoots are the CAMEO actor roots that are not countries; gold codes starting with them are
// matched by prefix.
var nonCountryRoots = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "UIS": true, "INT": true, "NGM": true}

// match computes a maximum bipartite matching between ng gold and np predicted items, where ok(g, p) says
// whether they may be paired (Kuhn's augmenting paths; gold sets have a handful of events per item). It
// returns for each gold item the index of its predicted partner and for each predicted item its gold
// partner, -1 when unmatched.
func match(ng, np int, ok func(g, p int) bool) (gm, pm []int) {
	gm = make([]int, ng)
	pm = make([]int, np)
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	var try func(g int, seen []bool) bool
	try = func(g int, seen []bool) bool {
		for p := 0; p < np; p++ {
			if seen[p] || !ok(g, p) {
				continue
			}
			seen[p] = true
			if pm[p] < 0 || try(pm[p], seen) {
				pm[p] = g
				gm[g] = p
				return true
			}
		}
		return false
	}
	for g := 0; g < ng; g++ {
		try(g, make([]bool, np))
	}
	return gm, pm
}
