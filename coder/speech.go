package coder

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// speechAt matches a reporting verb form at unit i; it returns the unit after it.
func (s *sentence) speechAt(i int) (int, bool) {
	u := s.u[i]
	if u.phrase >= 0 {
		return i, false
	}
	best := -1
	for _, sq := range s.d.lg.speech[u.fold] {
		q := i
		ok := true
		for _, t := range sq {
			if q >= len(s.u) || s.u[q].phrase >= 0 || s.u[q].fold != t {
				ok = false
				break
			}
			q++
		}
		if ok && q > best {
			best = q
		}
	}
	return best, best > i
}

// speaker is who a statement is attributed to.
type speaker struct {
	ref  dyad.ActorRef
	unit int // the unit naming it
	ok   bool
}

// speakerAt resolves unit k as a speaker: an actor phrase, or a pronoun standing for the last person named.
func (s *sentence) speakerAt(k int) speaker {
	if k < 0 || k >= len(s.u) {
		return speaker{}
	}
	u := s.u[k]
	if u.phrase >= 0 {
		m := s.d.ments[s.d.phrases[u.phrase].head]
		return speaker{ref: m.Actor, unit: k, ok: true}
	}
	if u.is(cHe) {
		return s.pronounSpeaker(k)
	}
	return speaker{}
}

// pronounSpeaker resolves a "he" pronoun at word unit k: the person the last sentences were about, else the
// last person named.
func (s *sentence) pronounSpeaker(k int) speaker {
	if s.d.subject.ok && s.d.subjectAge <= 2 {
		return speaker{ref: s.d.subject.ref, unit: k, ok: true}
	}
	if m, ok := s.d.lastPerson(s.d.toks[s.u[k].tok].Start); ok {
		return speaker{ref: m.Actor, unit: k, ok: true}
	}
	return speaker{}
}

// lastPerson returns the last mention of a person before byte offset off.
func (d *doc) lastPerson(off int) (dyad.ActorMention, bool) {
	n := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].Start >= off })
	for i := n - 1; i >= 0 && n-i < 200; i-- {
		m := d.ments[i]
		if m.Start < off && m.Actor.Type == dyad.TypePerson {
			return m, true
		}
	}
	return dyad.ActorMention{}, false
}

// statement finds a statement in the sentence: a reporting verb with its speaker and what was said.
func (s *sentence) statement(sa, sb int) (dyad.Statement, bool) {
	d := s.d
	for i := range s.u {
		end, ok := s.speechAt(i)
		if !ok {
			continue
		}
		verb := d.a.Text[d.toks[s.u[i].tok].Start:d.toks[s.u[end-1].last].End]
		comma := func(k int) bool { return k >= 0 && k < len(s.u) && s.u[k].phrase < 0 && isCommaLike(s.u[k].fold) }
		// inverted first: "..., said Wang." / "…, zei hij."
		if comma(i-1) && end < len(s.u) {
			if c := s.speakerAt(end); c.ok && (end+1 == len(s.u) || s.isBarrier(s.u[end+1]) || comma(end+1)) {
				if content := stripDateline(s.span(0, i-2)); wordCount(content) >= 3 {
					return d.newStatement(c.ref, verb, content, sa, sb), true
				}
			}
		}
		// speaker before the verb: "X said", "Wang, for his part, noted"
		sp, spk := s.appositiveSpeaker(i)
		lower := 0
		for k := i - 1; !sp.ok && k >= 0 && lower <= slackLeft; k-- {
			if s.u[k].phrase >= 0 && s.locative(k) {
				continue // a place is where the speaker spoke, not who: "朔尔茨在联邦议院宣布", "X said at the UN"
			}
			if c := s.speakerAt(k); c.ok {
				sp, spk = c, k
				break
			}
			u := s.u[k]
			if s.isBarrier(u) {
				break
			}
			if u.is(cAnd) && k > 0 && s.u[k-1].fold == "," {
				// "X briefed Y on ..., and affirmed that": the subject of the sentence speaks
				for f := 0; f < k; f++ {
					if c := s.speakerAt(f); c.ok {
						sp, spk = c, f
						break
					}
				}
				break
			}
			if u.fold != "," && !d.capitalized(u) {
				lower++
			}
		}
		if sp.ok {
			k := end
			for k < len(s.u) && s.u[k].phrase < 0 && s.u[k].is(cThat) {
				k++
			}
			if !comma(k) {
				content := s.span(k, len(s.u)-1)
				if wordCount(content) >= 4 || (wordCount(content) >= 2 && (!comma(spk-1) || k > end)) {
					return d.newStatement(sp.ref, verb, content, sa, sb), true
				}
			}
			// ", he added." / "These efforts, he noted, will ..." : the content is around, not after
			if comma(spk - 1) {
				before := stripDateline(s.span(0, spk-2))
				after := ""
				if comma(end) {
					after = s.span(end+1, len(s.u)-1)
				}
				content := before
				if wordCount(before) < 6 && after != "" {
					content = before + " " + after
				}
				if wordCount(content) >= 3 {
					return d.newStatement(sp.ref, verb, content, sa, sb), true
				}
			}
			if content := s.span(k+1, len(s.u)-1); comma(k) && wordCount(content) >= 2 {
				return d.newStatement(sp.ref, verb, content, sa, sb), true
			}
			continue
		}
	}
	return dyad.Statement{}, false
}

func isCommaLike(f string) bool {
	switch f {
	case ",", ":", "\"", "“", "”", "«", "»", "„", "，", "：", "、", "「", "」":
		return true
	}
	return false
}

// span returns the text of units [a, b], trimmed of quotes and final punctuation.
func (s *sentence) span(a, b int) string {
	if a < 0 || b >= len(s.u) || a > b {
		return ""
	}
	d := s.d
	t := d.a.Text[d.toks[s.u[a].tok].Start:d.toks[s.u[b].last].End]
	return strings.TrimFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?-–—。！？，；：", r)
	})
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && (!in || r >= 0x2E80) {
			n++
		}
		in = w
	}
	return n
}

func (d *doc) newStatement(sp dyad.ActorRef, verb, content string, a, b int) dyad.Statement {
	st := dyad.Statement{
		ID:        eventID(d.a.ID, a, "stmt", sp.ID, verb),
		ArticleID: d.a.ID, Speaker: sp, Verb: verb, Text: content, Lang: d.lg.code,
		Start: a, End: b, Source: string(d.a.Source),
	}
	if q, ok := quoted(content); ok {
		st.Text, st.Direct = q, true
	}
	return st
}

// quoted returns the inside of content when it is wholly a quotation.
func quoted(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	l, m := utf8.DecodeLastRuneInString(s)
	if n == 0 || len(s) < n+m+4 {
		return "", false
	}
	pairs := map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“', '「': '」'}
	if want, ok := pairs[r]; ok && l == want && !strings.ContainsRune(s[n:len(s)-m], want) {
		return strings.TrimSpace(s[n : len(s)-m]), true
	}
	return "", false
}

// continues reports whether a sentence goes on with the previous statement: it opens with a first-person
// plural pronoun ("We consider ...", "Wij beschouwen ...").
func (s *sentence) continues() bool {
	for _, u := range s.u {
		if u.phrase >= 0 {
			return false
		}
		if isCommaLike(u.fold) {
			continue
		}
		return u.is(cWe) || s.startsWith(s.d.lg.phrases["we"])
	}
	return false
}

func (s *sentence) startsWith(seqs []seq) bool {
	for _, sq := range seqs {
		if len(sq) <= len(s.u) {
			ok := true
			for k, t := range sq {
				if s.u[k].phrase >= 0 || s.u[k].fold != t {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// appositiveSpeaker finds the speaker of "X, a member of ..., said": when a comma comes right before the
// reporting verb, the unit before the previous comma.
func (s *sentence) appositiveSpeaker(verb int) (speaker, int) {
	k := verb - 1
	if k < 1 || s.u[k].phrase >= 0 || s.u[k].fold != "," {
		return speaker{}, -1
	}
	for j := k - 1; j >= 0 && k-j <= 30; j-- {
		u := s.u[j]
		if u.phrase < 0 && s.isBarrier(u) {
			return speaker{}, -1
		}
		if u.phrase >= 0 && (j == 0 || (s.u[j-1].phrase < 0 && s.u[j-1].fold == ",")) && s.d.phrases[u.phrase].first < s.u[j].last {
			// a phrase that holds its own apposition: "Wang, head of the CPC foreign affairs office"
			if c := s.speakerAt(j); c.ok && strings.Contains(s.d.a.Text[s.d.toks[u.tok].Start:s.d.toks[u.last].End], ",") {
				return c, j
			}
		}
		if u.phrase < 0 && u.fold == "," && j >= 1 {
			if c := s.speakerAt(j - 1); c.ok {
				return c, j - 1
			}
			return speaker{}, -1
		}
	}
	return speaker{}, -1
}

// stripDateline drops a leading dateline ("HANOI, Dec. 2 (Agency) -- ") from a statement's content.
func stripDateline(s string) string {
	for _, sep := range []string{" -- ", " — ", " – "} {
		if i := strings.Index(s, sep); i >= 0 && i < 60 {
			return strings.TrimSpace(s[i+len(sep):])
		}
	}
	return s
}

// trackSubject remembers the person a sentence is about: its first actor phrase, when that is a person near
// the start, or the person its opening pronoun stands for. Pronouns of the next sentences resolve to it.
func (s *sentence) trackSubject() {
	d := s.d
	d.subjectAge++
	for k, u := range s.u {
		if k > 6 {
			return
		}
		if u.phrase >= 0 {
			m := d.ments[d.phrases[u.phrase].head]
			if m.Actor.Type == dyad.TypePerson {
				d.subject = speaker{ref: m.Actor, unit: k, ok: true}
				d.subjectAge = 0
			}
			return
		}
		if u.is(cHe) {
			if c := s.speakerAt(k); c.ok {
				d.subject = c
				d.subjectAge = 0
			}
			return
		}
		if d.trigger(u.tok) || len(d.lg.speech[u.fold]) > 0 {
			return
		}
	}
}
