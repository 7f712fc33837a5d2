package actor

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// sentenceWindow bounds how far from a group title the sentence is searched for a place that gives the
// group its country, so that long texts stay linear.
const sentenceWindow = 40

// capitals adds a country mention for each capital of actors/capitals that stands alone in the text
// ("Beijing said", "Moskau wies ... zurück", "Kinshasa a rompu avec Kigali"): CAMEO codes a capital as its
// country's government. A capital after a place word of the agents' @place line ("in Beijing", "à Paris")
// is a place, not an actor; one glued to other capitalised words ("Washington Post") is part of a name. A
// capital of actors/seats stands for the body seated there ("Brussels warned": the EU).
func (r *resolver) capitals() {
	if len(r.d.capitals) == 0 {
		return
	}
	taken := make([]bool, len(r.toks))
	for _, it := range r.items { // dictionary matches, including phrases that name no actor ("Brussels sprouts")
		for k := it.i; k < it.j; k++ {
			taken[k] = true
		}
	}
	for _, pl := range r.placedToks { // the place of a local title ("sindaco di Roma")
		for k := pl[0]; k < pl[1]; k++ {
			taken[k] = true
		}
	}
	for k, mi := 0, 0; k < len(r.toks) && mi < len(r.out); { // r.out is sorted by Start
		switch m := r.out[mi]; {
		case r.toks[k].end <= m.Start:
			k++
		case r.toks[k].start >= m.End:
			mi++
		default:
			taken[k] = true
			k++
		}
	}
	if !slices.IsSortedFunc(r.out, byStart) {
		slices.SortStableFunc(r.out, byStart)
	}
	conn := r.conns()
	var added []dyad.ActorMention // by Start, as i rises
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		if !t.word || !t.cap || taken[i] || (t.upper && len(t.fold) > 3) {
			continue
		}
		// A capitalised word before it glues the two into one name, unless that word ends an actor already
		// found: a verb-final clause puts subject and object side by side ("dat Rusland Kiev ... aanviel").
		// A genitive listed beside its capital ("Washingtons", "Moskaus") ends no name: it follows its noun,
		// capitalised in German ("die Vorwürfe Washingtons", "die Haltung Moskaus").
		// Not across a closing bracket or a dash ("WASHINGTON (ANP) - Washington accuses ...": an agency's
		// name before the text opens).
		if p := r.prevWord(i); p >= 0 && (conn(r.toks[p].fold)&connPlace != 0 && !r.stanceBefore(p) && !r.dativeBefore(p) || r.toks[p].cap && r.toks[p].word && !r.toks[p].han && !r.sentenceStart(p) && !taken[p] && !r.genitiveCapital(i) && !strings.ContainsAny(r.a.Text[r.toks[p].end:t.start], ")-–—")) {
			continue
		}
		for n := min(4, len(r.toks)-i); n > 0; n-- {
			j := i + n
			if slices.Contains(taken[i:j], true) {
				continue
			}
			c, ok := r.d.capitals[string(r.placeKeyOf(i, j))]
			if !ok || !r.toks[j-1].word {
				continue
			}
			if nx := r.nextWord(j); nx >= 0 && r.toks[nx].cap && r.toks[nx].word && !r.toks[nx].han && !(j == i+1 && r.genitiveCapital(i)) {
				break // "Washington Post", "Paris Saint-Germain"; not "Moskaus Vorwürfe" (a genitive before its noun)
			}
			e := r.d.actors[c]
			ref := dyad.ActorRef{ID: e.ID, Name: e.Name, Type: e.Type, Country: e.Country, Sector: "GOV", Code: e.Code + "GOV"}
			if b, ok := r.d.seats[string(r.placeKeyOf(i, j))]; ok { // "Brussels warned": the EU seated there
				e = r.d.actors[b]
				ref = dyad.ActorRef{ID: e.ID, Name: e.Name, Type: e.Type, Country: e.Country, Sector: e.Sector, Code: e.Code}
			}
			s, en := r.toks[i].start, r.toks[j-1].end
			added = append(added, dyad.ActorMention{Start: s, End: en, Text: r.a.Text[s:en], Actor: ref, Via: "capital"})
			i = j - 1
			break
		}
	}
	if len(added) > 0 {
		r.out = mergeByStart(r.out, added)
	}
}

// mergeByStart merges b into a, both sorted by Start, as a stable sort of a followed by b would: at an equal
// Start a's mention comes first. A stable sort of the whole list for each article took 5% of Recognize on a
// long text.
func mergeByStart(a, b []dyad.ActorMention) []dyad.ActorMention {
	i, j := len(a)-1, len(b)-1
	a = append(a, b...) // in place, from the end: the larger Start last, b's mention last of equal ones
	for k := len(a) - 1; j >= 0; k-- {
		if i >= 0 && a[i].Start > b[j].Start {
			a[k], i = a[i], i-1
		} else {
			a[k], j = b[j], j-1
		}
	}
	return a
}

// genitiveCapital reports whether word token i is a capital's genitive that actors/capitals lists beside the
// capital itself ("Washingtons" beside "Washington"), in a language whose agents give the genitive's endings
// (@genitive: German "s"). Such a genitive follows its noun ("die Haltung Moskaus") or stands before it
// ("Moskaus Vorwürfe", "Pekings Haltung"): a capitalised German noun beside it starts no longer name.
func (r *resolver) genitiveCapital(i int) bool {
	f := r.toks[i].fold
	if _, ok := r.d.capitals[f]; !ok {
		return false
	}
	for e := range r.d.genEnd[r.lang] {
		if len(f) > len(e)+2 && strings.HasSuffix(f, e) {
			if _, ok := r.d.capitals[strings.TrimSuffix(f, e)]; ok {
				return true
			}
		}
	}
	return false
}

// prevWord returns the index of the word token before i in the same sentence, or -1.
func (r *resolver) prevWord(i int) int {
	for p := i - 1; p >= 0; p-- {
		if r.toks[p].word {
			return p
		}
		if isSentenceEnd(r.toks[p].fold) {
			return -1
		}
	}
	return -1
}

// stanceBefore reports whether the word at p is an @of word ("de", "di") that follows, within three words, a
// noun of the language's @stance line: "les accusations répétées de Kinshasa", "le plan d'autonomie de Rabat",
// "l'invito di Washington" name the government's act, where "les rues de Quito" name a place.
func (r *resolver) stanceBefore(p int) bool {
	m := r.d.stance[r.lang]
	if len(m) == 0 || r.conns()(r.toks[p].fold)&connOf == 0 {
		return false
	}
	return r.wordOfBefore(p, m)
}

// dativeBefore reports whether the word at p is a place word that is no @of word ("à", "au") and follows, within
// three words, a verb or noun of the language's @dative line, whose indirect object it then introduces: "a imputé
// mercredi à Kiev", "reproche à Washington", "a livré des armes à Kiev" name the government, where "est arrivé à
// Kiev" and "les rues de Kiev" name a place.
func (r *resolver) dativeBefore(p int) bool {
	m := r.d.dative[r.lang]
	conn := r.conns()
	if len(m) == 0 || conn(r.toks[p].fold)&connOf != 0 {
		return false
	}
	return r.wordOfBefore(p, m)
}

// wordOfBefore reports whether one of the three words before token p, in its clause (no comma or sentence end
// between), is in m.
func (r *resolver) wordOfBefore(p int, m map[string]bool) bool {
	for k, n := p-1, 0; k >= 0 && n < 3; k-- {
		if !r.toks[k].word {
			if isSentenceEnd(r.toks[k].fold) || r.toks[k].fold == "," {
				return false
			}
			continue
		}
		if m[r.toks[k].fold] {
			return true
		}
		n++
	}
	return false
}

// nextWord returns the index of the token at or after j when it is a word directly following, or -1.
func (r *resolver) nextWord(j int) int {
	if j < len(r.toks) && r.toks[j].word {
		return j
	}
	return -1
}

// sentenceStart reports whether word token p opens its sentence.
func (r *resolver) sentenceStart(p int) bool {
	return r.prevWord(p) < 0
}

func isSentenceEnd(s string) bool {
	switch s {
	case ".", "!", "?", "。", "！", "？", ";", ":", "\n":
		return true
	}
	return false
}

// countryName returns the country whose name, or an oblique form of it in the demonyms of lang ("в
// Грузии", "in Russlands"), is the folded key k.
func (r *resolver) countryName(k []byte, lang string) (int32, bool) {
	if nd, ok := r.d.m.keys[string(k)]; ok {
		for _, pi := range r.d.m.nodes[nd].pats {
			p := r.d.m.pats[pi]
			if p.kind == kindName && r.d.actors[p.ref].Type == dyad.TypeCountry || p.kind == kindDemonym && p.lang == lang && p.flags&flagCap != 0 {
				return p.ref, true
			}
		}
	}
	return -1, false
}

// impliedCountry returns the country that the title in tokens [start, end) names by itself in the article's
// language (the @country lines of agents: "Bundespräsident" is German, "capo dello Stato" Italian).
func (r *resolver) impliedCountry(start, end int) (int32, bool) {
	m := r.d.titleCountry[r.lang]
	if len(m) == 0 {
		return -1, false
	}
	for i := start; i < end; i++ { // the whole title, or its end ("der Bundespräsident", "il capo dello Stato")
		k := r.placeKeyOf(i, end)
		if c, ok := m[string(k)]; ok {
			if r.dateline >= 0 && slices.Contains(r.d.titleAlt[r.lang][string(k)], r.dateline) {
				return r.dateline, true
			}
			if r.agency >= 0 && slices.Contains(r.d.titleAlt[r.lang][string(k)], r.agency) {
				return r.agency, true // "（中央社華盛頓25日電）……國防部": the Taiwanese agency's ministry
			}
			return c, true
		}
	}
	return -1, false
}

func byStart(a, b dyad.ActorMention) int { return a.Start - b.Start }
