package coder

import (
	"slices"

	"github.com/dyad-events/dyad"
)

// likewise copies the act of a sentence to the sources named after a `likewise` phrase of grammar ("as did",
// "followed by", "tal como fizeram", "tout comme", "ebenso wie", "net als", "cũng như", "继"): "Slovenia
// recognised Palestine, as did Spain, Ireland and Norway" is Spain's, Ireland's and Norway's recognition too.
// The act copied is the one whose trigger stands nearest before the phrase, else nearest after it ("继西班牙、
// 爱尔兰和挪威之后，斯洛文尼亚……承认"); each of its events of the sentence (from res.Events[from:]) is copied with
// every member of the list after the phrase as its source. An entry that ends in "..." lets up to three words
// stand between it and the list ("tal como fizeram horas antes o Reino Unido"), none of them a comma or a
// preposition; otherwise only determiners may. A member of the target's country, or one the sentence already
// gives the act to, adds nothing.
func (d *doc) likewise(s *sentence, sp dyad.Span, res *Result, from int) {
	seqs := d.lg.phrases["likewise"]
	if len(seqs) == 0 || len(res.Events) == from {
		return
	}
	for k := range s.u {
		if !s.u[k].lead || s.u[k].phrase >= 0 {
			continue
		}
		for _, sq := range seqs {
			end, gap := s.likewiseAt(k, sq)
			if end < 0 {
				continue
			}
			ph := s.likewiseList(end, gap)
			if ph < 0 {
				continue
			}
			members := s.likewiseMembers(ph)
			d.copyAct(sp, res, from, d.toks[s.u[k].tok].Start, members)
			break
		}
	}
}

// likewiseAt matches a likewise entry at unit k: the unit after it, and the words allowed before the list, or
// -1. Three dots in an entry (tokens ". . .") are a gap of up to three words: inside it ("followed ... by": "followed
// hours later by"), or at its end before the list ("tal como fizeram ...": "tal como fizeram horas antes o Reino
// Unido").
func (s *sentence) likewiseAt(k int, sq seq) (int, int) {
	p := k
	for len(sq) > 0 {
		n := 0
		for n < len(sq) && !(n+2 < len(sq) && sq[n] == "." && sq[n+1] == "." && sq[n+2] == ".") {
			n++
		}
		if n > 0 && !s.seqAt(p, sq[:n]) {
			return -1, 0
		}
		p += n
		if n == len(sq) {
			return p, 0
		}
		sq = sq[n+3:]
		if len(sq) == 0 {
			return p, 3
		}
		// the gap: the nearest place, past at most three plain words, where the rest goes on
		q := p
		for ; q <= p+3 && q < len(s.u) && !s.seqAt(q, sq[:1]); q++ {
			if u := s.u[q]; u.phrase >= 0 || u.fold == "," || isStop(u.fold) {
				return -1, 0
			}
		}
		if q > p+3 || q >= len(s.u) {
			return -1, 0
		}
		p = q
	}
	return p, 0
}

// likewiseList returns the actor phrase that opens the list after a likewise entry ending before unit p, past
// determiners and at most gap other words (no comma or sentence stop, and no preposition right before it), or -1.
func (s *sentence) likewiseList(p, gap int) int {
	for j := p; j < len(s.u); j++ {
		u := s.u[j]
		if u.phrase >= 0 {
			return u.phrase
		}
		if u.is(cDet) {
			continue
		}
		if gap == 0 || u.fold == "," || u.fold == ";" || isStop(u.fold) || u.quote != 0 || u.is(cAgent|cBetween|cAnd) {
			return -1
		}
		if u.is(cPrep|cLoc|cGoal|cGenitive|cAddressee) && s.nextPhrase(j) {
			return -1 // "como fez com a Rússia": the object of a preposition, where "na semana passada a Espanha" is a time
		}
		gap--
	}
	return -1
}

// likewiseMembers returns the list that actor phrase ph opens: ph and the phrases after it joined by commas and
// "and" words, determiners passed over ("a Espanha e a Irlanda").
func (s *sentence) likewiseMembers(ph int) []int {
	if l := s.d.listAt(ph); l != nil && l[0] == ph {
		return l
	}
	members := []int{ph}
	last := -1
	for j := range s.u {
		if s.u[j].phrase == ph {
			last = j
		}
	}
	for j := last + 1; j < len(s.u); j++ {
		u := s.u[j]
		switch {
		case u.phrase >= 0:
			if s.u[j-1].phrase < 0 && !s.u[j-1].is(cDet|cAnd) && s.u[j-1].fold != "," {
				return members
			}
			members = append(members, u.phrase)
		case u.fold == "," || u.is(cAnd|cDet):
		default:
			return members
		}
	}
	return members
}

// nextPhrase reports whether an actor phrase follows unit j, past determiners.
func (s *sentence) nextPhrase(j int) bool {
	for k := j + 1; k < len(s.u); k++ {
		if s.u[k].phrase >= 0 {
			return true
		}
		if !s.u[k].is(cDet) {
			return false
		}
	}
	return false
}

// copyAct copies the events of res.Events[from:] whose trigger is nearest to the byte offset at (before it if
// any, else after) to each source phrase of members.
func (d *doc) copyAct(sp dyad.Span, res *Result, from, at int, members []int) {
	trig := -1
	for _, ev := range res.Events[from:] {
		switch {
		case ev.Trigger < at && (trig < 0 || trig > at || ev.Trigger > trig):
			trig = ev.Trigger
		case ev.Trigger > at && (trig < 0 || trig > at && ev.Trigger < trig):
			trig = ev.Trigger
		}
	}
	if trig < 0 {
		return
	}
	n := len(res.Events)
	for i := from; i < n; i++ {
		ev := res.Events[i]
		if ev.Trigger != trig {
			continue
		}
		for _, ph := range members {
			src := d.actorOf(ph)
			if src.Country == "" || src.Country == ev.Target.Country || src.Code == ev.Source.Code {
				continue
			}
			cp := ev
			cp.Source = src
			cp.ID = eventID(d.a.ID, sp.Start, cp.Code, src.Code, cp.Target.Code)
			cp.Mentions = slices.Clone(ev.Mentions)
			cp.Languages = slices.Clone(ev.Languages)
			if told(res.Events, cp) {
				continue
			}
			res.Events = append(res.Events, cp)
		}
	}
}
