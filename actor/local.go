package actor

// A city's or region's office ("mayor", "governor", "maire", "sindaco", "市长": an @local line of agents) names
// no country of its own: the place it governs does, before the title ("New York Mayor", "Texas Governor",
// "东京都知事") or after it and an @of word ("la maire de Paris", "il sindaco di Roma", "burgemeester van
// Amsterdam"). The place is read as a place, not as a capital's government: "Moscow Mayor Yuri Luzhkov" is a
// Russian official.

// maxLocalPlace is the most words of a place named beside a local title.
const maxLocalPlace = 4

// localTitle reports whether the title in tokens [start, end) is one of an @local line.
func (r *resolver) localTitle(start, end int) bool {
	return r.formIn(r.d.local, start, end)
}

// localPlaceBefore returns the country of the place whose capitalised words end right before token start
// and that no other match holds, and the token where the place starts; or -1.
func (r *resolver) localPlaceBefore(start int) (int32, int) {
	for n := min(maxLocalPlace, start); n >= 1; n-- {
		if c := r.localPlace(start-n, start); c >= 0 {
			return c, start - n
		}
	}
	return -1, start
}

// localPlaceAfter returns the country of the place named after an @of word that follows token end, and the
// tokens of the place; or -1.
func (r *resolver) localPlaceAfter(end int) (int32, int, int) {
	p := r.skipConn(end, connOf)
	if p == end {
		return -1, end, end
	}
	for n := min(maxLocalPlace, len(r.toks)-p); n >= 1; n-- {
		if c := r.localPlace(p, p+n); c >= 0 {
			return c, p, p + n
		}
	}
	return -1, end, end
}

// placed records tokens [i, j) as a place a title named: no capital's government ("burgemeester X van
// Amsterdam", "il sindaco di Roma, X").
func (r *resolver) placed(i, j int) {
	r.placedToks = append(r.placedToks, [2]int{i, j})
}

// localPlace returns the country of the place named by tokens [i, j) (capitalised words that no other match
// holds): a place or capital of the dictionary, else one of the gazetteer (SetPlaces); or -1.
func (r *resolver) localPlace(i, j int) int32 {
	for q := i; q < j; q++ {
		t := r.toks[q]
		if !t.word || !t.cap || r.covered(q) {
			return -1
		}
	}
	key := placeKey(r.toks[i:j])
	if c, ok := r.d.places[key]; ok {
		return c
	}
	if c, ok := r.d.capitals[key]; ok {
		return c
	}
	if r.d.placeFn == nil {
		return -1
	}
	return r.gazetteerCountry(key, r.preferredCountry())
}

// preferredCountry is the article's main country, which the gazetteer prefers among places of one name; "" if none.
func (r *resolver) preferredCountry() string {
	if m := r.mainCountry(); m >= 0 {
		return r.d.actors[m].Country
	}
	return ""
}

// gazetteerCountry returns the country of the gazetteer's place named key (SetPlaces), preferring places in
// the country prefer; or -1.
func (r *resolver) gazetteerCountry(key, prefer string) int32 {
	if cc, ok := r.d.placeFn(key, prefer); ok {
		if c, ok := r.d.country[cc]; ok {
			return c
		}
	}
	return -1
}
