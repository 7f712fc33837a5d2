package coder

import "slices"

// maxCircum is the most units between the opening and the closing word of a circumposition.
const maxCircum = 40

// circumOpen returns, when the closing word of a circumposition of grammar (class circum-close: "期间", "之际",
// "上", "时") ends at unit p, the unit of its opening word to the left (circum-open: "在", "于"), within
// maxCircum units and with no comma or stop between; else -1. "习近平在利马出席亚太经合组织领导人非正式会议期间会见石破茂":
// the adverbial from 在 to 期间 stands between the subject and its verb, and the actors inside it (the
// place, the summit) are no side of the event, so a walk towards the subject passes over it whole. A closer
// of one ideograph counts only before punctuation or a word of the match: its next ideograph may make
// another word of it ("上午", "中方", "时间"). A comma closes a conditional clause (class cond-open: "如果") the same
// way: "川普威胁，如果北京不撤回报复性关税，将对中国商品加征关税" (the subject is Trump's, not Beijing's). An opener inside a word of class
// circum-not ("正在", "所在") opens nothing.
func (s *sentence) circumOpen(p int, b *binding) int {
	lg := s.d.lg
	if p <= 0 || p >= len(s.u) || s.u[p].phrase >= 0 {
		return -1
	}
	if isComma(s.u[p].fold) {
		if k := s.circumFrom(p, []seq{{s.u[p].fold}}, lg.kindSeqs[pkCondOpen], b); k >= 0 {
			return k // "如果……，"
		}
		return s.clauseOpen(p, b)
	}
	if k := s.circumFrom(p, lg.kindSeqs[pkCircumClose], lg.kindSeqs[pkCircumOpen], b); k >= 0 {
		return k
	}
	// a cause (cause-open, cause-close: "以……为由") closes only on its own openers: "以" before "后" or "时"
	// would open too much ("以军……后")
	return s.circumFrom(p, lg.kindSeqs[pkCauseClose], lg.kindSeqs[pkCauseOpen], b)
}

// clauseOpen returns, for the comma at unit p, the unit that opens an adverbial clause of purpose, cause or
// occasion it closes (grammar clause-open: "为维护国家主权与尊严，", "鉴于……，", "应……邀请，"), or -1. The opener
// must begin its clause: after a comma, an actor phrase, a date or at the sentence's start ("外交部长吴钊燮今天宣布，
// 为维护……，即日起终止……"), never inside a word ("认为，", "作为……，").
func (s *sentence) clauseOpen(p int, b *binding) int {
	k := s.circumFrom(p, []seq{{s.u[p].fold}}, s.d.lg.kindSeqs[pkClauseOpen], b)
	if k < 0 {
		return -1
	}
	if q := k - 1; q >= 0 && s.u[q].phrase < 0 && !isComma(s.u[q].fold) && !s.isDate(q) && s.d.toks[s.u[q].tok].IsWord() {
		return -1
	}
	return k
}

// clauseAfterComma reports whether the comma at unit p closes an adverbial clause of grammar clause-open that
// opens at unit k right after another comma ("宣布，為維護國家尊嚴，"): the verb after it continues the clause
// before, whose subject is the sentence's (sentenceSubjectBind).
func (s *sentence) clauseAfterComma(p, k int, b *binding) bool {
	return k > 0 && isComma(s.u[k-1].fold) && s.u[k-1].phrase < 0 && p < len(s.u) && isComma(s.u[p].fold) && s.clauseOpen(p, b) == k
}

// circumFrom returns, when one of closers ends at unit p, the unit of the farthest of openers to its left (see
// circumOpen), or -1.
func (s *sentence) circumFrom(p int, closers, openers []seq, b *binding) int {
	if len(closers) == 0 || len(openers) == 0 {
		return -1
	}
	start := -1
	for _, sq := range closers {
		k := p - len(sq) + 1
		if k <= 0 || !s.seqAt(k, sq) {
			continue
		}
		if len(sq) == 1 && p+1 < len(s.u) && s.d.toks[s.u[p].tok].IsWord() {
			if n := s.u[p+1]; n.phrase >= 0 || s.d.toks[n.tok].IsWord() && !slices.Contains(b.lits, p+1) {
				continue
			}
		}
		start = k
		break
	}
	if start < 0 {
		return -1
	}
	open := -1 // the farthest opener: "如果北京不在8日前撤回……，" is one clause, not "在8日前……，"
	for j := start - 1; j >= 0 && start-j <= maxCircum; j-- {
		u := s.u[j]
		if u.phrase >= 0 {
			continue
		}
		if isComma(u.fold) || isStop(s.d.toks[u.tok].Text) || u.fold == "；" || u.fold == "：" {
			break // a comma or a stop: the closer ends a phrase of its own clause
		}
		for _, sq := range openers {
			if s.phraseAt(j, sq) && !s.circumNot(j) {
				open = j
			}
		}
	}
	return open
}

// circumNot reports whether unit j lies inside a word of class circum-not ("正在", "现在", "存在").
func (s *sentence) circumNot(j int) bool {
	for _, sq := range s.d.lg.phrases["circum-not"] {
		for i := range sq {
			if k := j - i; k >= 0 && s.phraseAt(k, sq) {
				return true
			}
		}
	}
	return false
}

// attributive reports whether a match tells a clause that modifies a noun rather than the news: its verb, the
// last word of the pattern, is followed right by an attributive particle of grammar (class attrib: "的").
// "瑙鲁成为第183个同中国建交的国家" (the country that established ties with China), "以换取被美方羁押的俄罗斯公民"
// (the citizen held by the US) describe who is meant; what they tell happened before, or is the news of
// another clause.
func (s *sentence) attribClause(b binding) bool {
	parts := s.d.lg.phrases["attrib"]
	if len(parts) == 0 || len(b.lits) == 0 {
		return false
	}
	last := slices.Max(b.lits)
	if last+1 >= len(s.u) {
		return false
	}
	for _, sq := range parts {
		if s.phraseAt(last+1, sq) {
			return true
		}
	}
	return false
}

// crossesCircum reports whether a match's trigger lies inside a circumposition ("在……会晤期间") while a side of
// it lies outside: "习近平在出席金砖国家领导人会晤期间会见莫迪" tells no summit of BRICS with Modi; the summit is
// where Xi met him.
func (s *sentence) crossesCircum(b binding) bool {
	if len(s.d.lg.kindSeqs[pkCircumClose]) == 0 && len(s.d.lg.kindSeqs[pkCondOpen]) == 0 && len(s.d.lg.kindSeqs[pkClauseOpen]) == 0 && len(s.d.lg.kindSeqs[pkCauseClose]) == 0 {
		return false
	}
	for p := b.trig; p <= b.hi && p < len(s.u); p++ {
		if k := s.circumOpen(p, &b); k >= 0 && k < b.trig {
			return b.hi > p || b.lo < k
		}
	}
	return false
}

// inCause reports whether a match's trigger lies inside a cause ("以……为由": class cause-open, cause-close): what a
// side is said to have done is the reason the sentence's actor gives for its act, not the news ("德国外交部以俄方
// 不配合调查为由，宣布驱逐……": no probe of Russia).
func (s *sentence) inCause(b binding) bool {
	if len(s.d.lg.kindSeqs[pkCauseClose]) == 0 {
		return false
	}
	for p := b.trig; p < len(s.u) && p-b.trig <= maxCircum; p++ {
		if u := s.u[p]; u.phrase < 0 && (isComma(u.fold) || isStop(s.d.toks[u.tok].Text)) {
			return false
		}
		if k := s.circumFrom(p, s.d.lg.kindSeqs[pkCauseClose], s.d.lg.kindSeqs[pkCauseOpen], &b); k >= 0 && k < b.trig {
			return true
		}
	}
	return false
}

// isComma reports whether a folded token is a comma, Latin or ideographic.
func isComma(f string) bool { return f == "," || f == "，" }
