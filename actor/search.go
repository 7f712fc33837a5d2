package actor

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// Actor returns the dictionary entry with the given id (a country's alpha-3 code, or an id such as
// "xi-jinping").
func (d *Dictionary) Actor(id string) (dyad.Actor, bool) {
	i, ok := d.byID[id]
	if !ok {
		return dyad.Actor{}, false
	}
	return d.entryActor(i), true
}

func (d *Dictionary) entryActor(i int32) dyad.Actor {
	a := d.actors[i].Actor
	a.Aliases = slices.Clone(a.Aliases)
	a.Roles = slices.Clone(a.Roles)
	return a
}

// Search returns up to limit actors whose id, name or an alias (in any language) contains query, folded:
// exact names first, then prefixes, then other substrings, each group in dictionary order. An empty query
// lists the dictionary. limit <= 0 means no limit.
func (d *Dictionary) Search(query string, limit int) []dyad.Actor {
	q := strings.TrimSpace(text.Fold(query))
	var groups [3][]int32
	for i, e := range d.actors {
		best := 3
		if q == "" || strings.EqualFold(e.ID, query) {
			best = 0
		}
		for _, n := range e.search {
			if best == 0 {
				break
			}
			switch {
			case n == q:
				best = 0
			case strings.HasPrefix(n, q) && best > 1:
				best = 1
			case best > 2 && strings.Contains(n, q):
				best = 2
			}
		}
		if best < 3 {
			groups[best] = append(groups[best], int32(i))
		}
	}
	var out []dyad.Actor
	for _, g := range groups {
		for _, i := range g {
			if limit > 0 && len(out) >= limit {
				return out
			}
			out = append(out, d.entryActor(i))
		}
	}
	return out
}

// Len returns the number of names (patterns) in the matcher: every name, alias, generated country name,
// title and demonym.
func (d *Dictionary) Len() int { return len(d.m.pats) }

// Sovereign returns the country that CAMEO codes the country or territory a3 as (actors/countries:
// Guadeloupe, GLP, is FRA), else a3 itself.
func (d *Dictionary) Sovereign(a3 string) string {
	if i, ok := d.country[a3]; ok {
		return d.actors[i].Country
	}
	return a3
}
