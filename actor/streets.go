package actor

import "strings"

// maxStreetWords is the most words of a phrase of actors/stop's street and named lines.
const maxStreetWords = 3

// dropStreetNames voids the matches that name a street, a square, an airport or a race after a person or a
// country, not the actor: a match right after a word of actors/stop's street line ("avenida Presidente
// Vargas", "đại lộ Võ Nguyên Giáp", "piazza Venezia"; also after an @of word of the language: "plaza de
// España", "rue de Turquie"), with the matches glued to it that continue the name; and a match right before
// a capitalised word of its named line ("Nelson Mandela Square", "Kennedy Airport", "Monaco Grand Prix").
// A lower-case named word is a noun of the sentence ("Kenya street protests"). A voided match stays an item
// that names no actor, as a phrase of the not line does, so that no later word takes its words as a short name.
func (r *resolver) dropStreetNames() {
	if len(r.d.streetBefore) == 0 && len(r.d.streetAfter) == 0 {
		return
	}
	run := -1 // the end of the last voided match of a street's name, -1 when none
	for k, it := range r.items {
		if run >= 0 && r.glued(run, it.i) || r.afterStreet(it.i) || r.beforeNamed(it.j) {
			run = it.j
			r.items[k].pats = []int32{r.d.notPat}
			continue
		}
		run = -1
	}
}

// glued reports whether token i is the token right after token j-1, or right after a hyphen there.
func (r *resolver) glued(j, i int) bool {
	return i == j || i == j+1 && r.toks[j].fold == "-"
}

// afterStreet reports whether a phrase of the street line (or one and an @of word) ends right before token i.
func (r *resolver) afterStreet(i int) bool {
	p := r.prevWord(i)
	if p < 0 {
		return false
	}
	if r.conns()(r.toks[p].fold)&connOf != 0 {
		if q := r.prevWord(p); q >= 0 && r.streetEndsAt(q) {
			return true
		}
	}
	return r.streetEndsAt(p)
}

// streetEndsAt reports whether a phrase of the street line ends with word p.
func (r *resolver) streetEndsAt(p int) bool {
	if !r.d.streetLast[r.toks[p].fold] {
		return false
	}
	words := []string{r.toks[p].fold}
	for n := 1; n <= maxStreetWords; n++ {
		if r.d.streetBefore[strings.Join(words, " ")] {
			return true
		}
		if p = r.prevWord(p); p < 0 {
			return false
		}
		words = append([]string{r.toks[p].fold}, words...)
	}
	return false
}

// beforeNamed reports whether a capitalised phrase of the named line starts at token j.
func (r *resolver) beforeNamed(j int) bool {
	if j >= len(r.toks) || !r.d.namedFirst[r.toks[j].fold] {
		return false
	}
	var words []string
	for k := j; k < len(r.toks) && len(words) < maxStreetWords; k++ {
		if t := r.toks[k]; !t.word || !t.cap || t.han {
			break
		}
		words = append(words, r.toks[k].fold)
		if r.d.streetAfter[strings.Join(words, " ")] {
			return true
		}
	}
	return false
}
