package actor

import "github.com/dyad-events/dyad"

// dropNameParts drops country names that are parts of a person's name, not mentions of the country: a
// country word glued by a hyphen to an Arabic article of actors/stop's nisba line ("Mohammed Shia
// al-Sudani", "Abu Ayyub al-Masri"), and a country name used as a given name ("Salvador Nasralla said",
// "Francia Márquez, the vice-president", "Jordan Bardella said"): right before one capitalised word that
// no dictionary entry, stop word, date word or place holds, when actors/stop lists the country word as a
// given name (German capitalises every noun: "warf Russland Kriegsverbrechen vor" names Russia) (Dutch "dat Rusland Kiev ... aanviel" is two
// actors), itself followed by a lower-case word, a comma or full stop, or the end of the text ("Chad Johnson"). A country name after a word of
// the agents' @of, @to or @place lines stays a country ("the ambassador to Japan Tanaka said").
func (r *resolver) dropNameParts() {
	out := r.items[:0]
	for k, it := range r.items {
		if !r.namePart(k, it) {
			out = append(out, it)
		}
	}
	r.items = out
}

func (r *resolver) namePart(k int, it item) bool {
	if it.j != it.i+1 {
		return false
	}
	t := r.toks[it.i]
	if !t.word || !t.cap || t.upper || t.han {
		return false
	}
	country := true
	for _, pi := range it.pats {
		p := &r.d.m.pats[pi]
		switch {
		case p.kind == kindName && r.d.actors[p.ref].Type == dyad.TypeCountry:
		case p.kind == kindDemonym:
			country = false
		default:
			return false
		}
	}
	// "al-Sudani", "el-Masri": an article, a hyphen and the word, glued
	if i := it.i; i >= 2 {
		a, h := r.toks[i-2], r.toks[i-1]
		if h.fold == "-" && a.end == h.start && h.end == t.start && r.d.nisba[a.fold] {
			return true
		}
	}
	if !country || !r.d.given[t.fold] {
		return false
	}
	if p := r.prevWord(it.i); p >= 0 && r.conns()(r.toks[p].fold)&(connOf|connTo|connPlace) != 0 {
		return false
	}
	n := it.j
	if n >= len(r.toks) || k+1 < len(r.items) && r.items[k+1].i <= n+1 {
		return false
	}
	w := r.toks[n]
	if !w.word || !w.cap || w.upper || w.han || r.a.Text[t.end:w.start] != " " ||
		r.d.timeWords[w.fold] || r.d.common[w.fold] || r.d.capWords[w.fold] || r.d.knownPlace(placeKey(r.toks[n:n+1]), false) {
		return false
	}
	if n+1 == len(r.toks) {
		return true // the text ends with the name
	}
	switch x := r.toks[n+1]; {
	case x.word:
		return !x.cap && !x.han
	default:
		return x.fold == "," || x.fold == "."
	}
}
