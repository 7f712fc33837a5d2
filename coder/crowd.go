package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Crowds: protests and their repression told the way news tells them (docs/patterns.md, "One-sided events").

// strike reports whether a protest (14) is a strike or boycott (143): a crowd that strikes and marches ("haben
// gestreikt und demonstriert", "đình công và xuống đường", "iniciaron un paro y cortaron vías") is told as two
// protests, as the gold codes them; two crowds of a sentence, one marching, the other (a union) calling the
// strike, stay one protest (protestBy).
func strike(code string) bool { return strings.HasPrefix(code, "143") }

// protestBy is the key under which keepProtest records which source told a protest of a country: the second
// protest act of a sentence (a strike besides a march) is kept only from the same source.
func protestBy(ev dyad.Event) string {
	return "14by|" + ev.Source.Country + "|" + ev.Target.Country
}

// secondProtest reports whether a protest act of code may follow the protests the sentence told under key by
// (protestBy): a strike beside a demonstration (141), either way round; a strike beside a blockade stays one
// ("cumplen su sexto día de huelga y mantienen cortada la Gran Vía").
func secondProtest(seen map[string]bool, by, code string) bool {
	if strike(code) {
		return seen[by+"|141"]
	}
	return strings.HasPrefix(code, "141") && seen[by+"|143"]
}

// crowdRepression reports whether a one-sided event is repression (175: "la Policía los dispersó con gases
// lacrimógenos", "die Polizei setzte Tränengas ein") by a source that does not act for the state: patterns that
// tell it by the crowd-control weapon alone ("tear gas", "balas de goma", "催泪弹") take the nearest actor before
// it, which may be the crowd itself ("protesters were dispersed with tear gas"); only the state represses.
func crowdRepression(src dyad.EventActor, code string) bool {
	return strings.HasPrefix(code, "175") && !stateSectors[src.Sector]
}

// repressionByCrowd reports whether an event between two named actors is repression (175) by a source of a
// sector that does not act for the state ("Taxistas paralisaram Luanda ... e a polícia dispersou com gás": the
// drivers do not repress the police); a country named alone may.
func repressionByCrowd(src dyad.EventActor, code string) bool {
	return src.Sector != "" && crowdRepression(src, code)
}

// purposePattern names, in traces and event mentions, the events that protestPurpose codes.
var purposePattern = &pattern{code: "140", id: "grammar:protest", text: "a crowd acting in protest (grammar protest)", conf: 0.8}

// protestPurpose codes a protest told by its purpose: whatever a crowd does, it does it as a protest when the
// sentence says so ("walked off the job in protest at", "paralizaron el servicio en protesta por", "hebben het
// werk neergelegd uit protest tegen", "xông vào ... để phản đối", "集體離開工作崗位，抗議"): the words of
// grammar's protest class, after a crowd. The crowd is the first actor phrase before those words that is a
// group, organisation or person of no state sector (nor a news agency or an international body), a place
// phrase passed over; a state actor or a country that opens the clause instead acts in protest by other means
// ("recalled its ambassador in protest", "召见……大使，抗议"), which its own patterns code. Without a crowd named
// (an unnamed one: "Duizenden arts-assistenten in Zuid-Korea") and with nothing else coded in the sentence, the
// source is the country of the place, where the sentence names a country only in passing. The target is the
// government of the place's country, as for any one-sided protest. No event when the sentence already tells a
// protest of that country, or another act of that crowd ("stormed the embassy to protest": the storming).
func (d *doc) protestPurpose(s *sentence, sp dyad.Span, ta, tb int, res *Result, nEvents int, seen map[string]bool) {
	at := -1
	for k := range s.u {
		if !s.u[k].lead {
			continue // no phrase begins here
		}
		for _, sq := range d.lg.phrases["protest"] {
			if s.seqAt(k, sq) {
				at = k
				break
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		return
	}
	var src dyad.EventActor
	found, country, subject := false, "", true
	stateSubject, countrySubject := false, false
	for k := 0; k < at && !found; k++ {
		u := s.u[k]
		if u.phrase < 0 || d.datelinePhrase(u.phrase) {
			continue
		}
		m := d.ments[d.phrases[u.phrase].head]
		a := d.actorOf(u.phrase)
		switch {
		case m.Actor.Type == dyad.TypeCountry:
			if subject && !s.locative(k) && !s.governed(k) && m.Via != "demonym" {
				// "Algeria withdrew its ambassador in protest": a country's act, not a crowd's; but "南韓數千名
				// 實習醫師": a country named before an unnamed crowd
				subject, countrySubject = false, true
			}
			if country == "" {
				country = a.Country // "arts-assistenten in Zuid-Korea", "hondureños"
			}
			continue
		case d.place(s, k):
			continue
		case stateSectors[a.Sector] || a.Sector == "MED" || isIGO(a):
			if subject && !s.governed(k) {
				// "Cảnh sát Nepal đã nổ súng vào đám đông người biểu tình ... để phản đối": police, then the
				// crowd, who protests; without a crowd, the state's own act
				subject, stateSubject = false, true
			}
			continue
		}
		src, found = a, true
	}
	if !found {
		if a, ok := d.attribCrowd(s, at); ok {
			// "驱散抗议议员高额津贴的示威者": the protest word opens a clause that describes the crowd after "的"
			src, found = a, true
		}
	}
	if !found {
		if stateSubject || othersAct(res.Events[nEvents:]) {
			return
		}
		if countrySubject {
			if _, ok := d.foreignBefore(s, at, country); ok {
				return // "X recalled its envoy to Y in protest": a diplomatic act the patterns missed
			}
		}
		if country == "" {
			country = d.placeCountry(ta, tb)
		}
		if country == "" {
			return
		}
		src = dyad.EventActor{Code: country, Name: country, Country: country}
	}
	tgt, ok := d.homeTarget(ta, tb, src)
	if !ok {
		return
	}
	if f, ok := d.foreignBefore(s, at, tgt.Country); ok {
		tgt = f // "hanno fatto irruzione nell'ambasciata svedese ... per protestare": a protest against Sweden
	}
	if countryless(src) {
		src.Country, src.Code, src.ActorID = tgt.Country, tgt.Country+src.Code, "" // "los jóvenes" are from where they act
	}
	for _, e := range res.Events[nEvents:] {
		if family(e.Code) == "14" && e.Source.Country == src.Country || e.Source.Code == src.Code {
			return
		}
	}
	cd := candidate{pt: purposePattern, b: binding{s: -1, t: -1, r: [2]int{-1, -1}, trig: at, trigLast: at, lo: at, hi: at}}
	ev := d.eventActors(sp, ta, tb, s, cd, src, tgt, purposePattern.conf)
	d.keepProtest(res, seen, sp, cd, ev)
}

// othersAct reports whether the sentence's events tell an act that a protest word may be the purpose of: any
// event but the state's force against its own country ("爆发抗议活动……，警方使用催泪瓦斯驱散人群": the police's
// dispersal is no act done in protest, and the crowd's protest is its own event).
func othersAct(evs []dyad.Event) bool {
	for _, e := range evs {
		if !stateSectors[e.Source.Sector] || e.Target.Country != e.Source.Country || family(e.Code) != "17" {
			return true
		}
	}
	return false
}

// foreignBefore returns the nearest actor phrase before unit at, neither a place nor the dateline, of another
// country than home: the foreign state whose embassy or envoy a crowd went to in protest, which is the
// protest's target, as CAMEO codes a protest against a foreign government.
func (d *doc) foreignBefore(s *sentence, at int, home string) (dyad.EventActor, bool) {
	for k := at - 1; k >= 0; k-- {
		u := s.u[k]
		if u.phrase < 0 || s.locative(k) || d.datelinePhrase(u.phrase) {
			continue
		}
		if a := d.actorOf(u.phrase); a.Country != "" && a.Country != home && (stateSectors[a.Sector] || a.Code == a.Country) {
			return a, true
		}
	}
	return dyad.EventActor{}, false
}

// place reports whether the actor phrase at unit k stands for a place ("in Zuid-Korea", "a Baghdad"): after a
// loc word, and no group or person, who may stand after one too ("fired at protesters").
func (d *doc) place(s *sentence, k int) bool {
	t := d.ments[d.phrases[s.u[k].phrase].head].Actor.Type
	return t != dyad.TypeGroup && t != dyad.TypePerson && s.locative(k)
}

// datelineDash reports whether token t is the dash that closes the article's dateline ("DHAKA, 31/10 (AFP) -"),
// the first dash of the article's first twelve tokens.
func (d *doc) datelineDash(t int) bool {
	if d.a.Dateline == "" {
		return false
	}
	for k := 0; k < len(d.toks) && k < 12; k++ {
		if isDash(d.toks[k].Text) {
			return k == t
		}
	}
	return false
}

// attribCrowd finds the crowd an attributive clause opened by the protest word at unit at describes: the first
// actor phrase after it in its clause, right after an attrib particle of grammar ("的"), of no state sector, no
// IGO or news outlet ("使用催泪弹驱散抗议议员高额津贴的示威者": the demonstrators protest).
func (d *doc) attribCrowd(s *sentence, at int) (dyad.EventActor, bool) {
	parts := d.lg.phrases["attrib"]
	if len(parts) == 0 {
		return dyad.EventActor{}, false
	}
	for k := at + 1; k < len(s.u) && k <= at+12; k++ {
		u := s.u[k]
		if u.phrase < 0 {
			if isComma(u.fold) || isStop(d.toks[u.tok].Text) {
				break
			}
			continue
		}
		after := false
		for _, sq := range parts {
			if k > 0 && s.phraseAt(k-1, sq) {
				after = true
			}
		}
		a := d.actorOf(u.phrase)
		if !after || stateSectors[a.Sector] || a.Sector == "MED" || isIGO(a) || d.ments[d.phrases[u.phrase].head].Actor.Type == dyad.TypeCountry {
			continue
		}
		return a, true
	}
	return dyad.EventActor{}, false
}
