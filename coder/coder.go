package coder

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// Coder codes events and statements. It is safe for concurrent use.
type Coder struct {
	cb     *cameo.Codebook
	langs  map[string]*lang
	split  *text.Splitter
	places *gazetteer
	// discards: per language, phrases that void the sentence that holds them (<lang>/discards)
	discards map[string]*discards
	// frames: CAMEO's parallel codes under a verb of intent, refusal, threat or halting (FramesFile)
	frames frameMaps
	// nouns: the codes under a noun of a class in the subject or the object (NounsFile)
	nouns nounMaps
	// sectors: the codes by the source's sector (SectorCodesFile): gunmen's attacks are 18, not 19
	sectors sectorMaps
	// stateSectors: the sector of a bare country by the code of its event (StateSectorsFile)
	stateSectors stateSectorTable
	// constraints: rules about codes for an event between two named sides (ConstraintsFile)
	constraints constraints
	// sets: lists of codes treated alike (CodeSetsFile)
	sets codeSets
	// placeFn, when set (SetPlaces), knows more places than places/*: the gazetteer of the geo stage
	placeFn func(key, prefer string) (string, bool)
	// dates: the date expressions parsed so far, for every article
	dates dateMemo
	// scratch: the buffers of an article's coding, kept for the next
	scratch scratchPool
}

// gazMaxLen is the most words of a place name looked up through SetPlaces.
const gazMaxLen = 4

// SetPlaces gives the coder a finder of more places than places/* knows (the geo stage's gazetteer:
// geo.Gazetteer.PlaceCountry): f returns the country (alpha-3) of the city or region a folded key names,
// prefer being the article's main country or "". Such a place says where an event at home happened (an `H`
// slot, the place of a one-sided or agentless event: "se manifestaron en Juliaca"), not where a meeting
// took place. Call it before the first Code.
func (c *Coder) SetPlaces(f func(key, prefer string) (string, bool)) { c.placeFn = f }

// Result is what the coder found in one article.
type Result struct {
	Events     []dyad.Event
	Statements []dyad.Statement
	Trace      []Firing
}

// Firing is one pattern that matched: which, where, with whom, and why; negated firings are traced but not
// coded.
type Firing struct {
	Sentence dyad.Span
	Pattern  string // file:line
	Code     string
	Source   string // actor codes
	Target   string
	Negated  bool
	Why      string
}

func init() {
	packs.RegisterChecker("coder", func(s *packs.Set) []error {
		cb, err := cameo.Load(s)
		if err != nil {
			cb = nil // check the codes' syntax only; the cameo checker reports the codebook
		}
		langs, errs := loadAll(s, cb)
		_, perrs := loadPlaces(s)
		fm, ferrs := loadFrames(s, cb)
		errs = append(errs, ferrs...)
		errs = append(errs, checkFrames(langs, fm)...)
		nm, nerrs := loadNouns(s, cb)
		errs = append(errs, nerrs...)
		errs = append(errs, checkNouns(langs, nm)...)
		_, serrs := loadSectorCodes(s, cb)
		errs = append(errs, serrs...)
		_, sserrs := loadStateSectors(s)
		errs = append(errs, sserrs...)
		_, cerrs := loadConstraints(s)
		errs = append(errs, cerrs...)
		_, cserrs := loadCodeSets(s)
		errs = append(errs, cserrs...)
		errs = append(errs, checkSpaces(s)...)
		return append(errs, perrs...)
	})
}

// New loads and validates the verbs, speech, grammar and dates data of every language in p. Pattern codes
// must be in cb.
func New(p *packs.Set, cb *cameo.Codebook) (*Coder, error) {
	if cb == nil {
		return nil, errors.New("coder: no codebook")
	}
	langs, errs := loadAllWith(p, cb, true)
	if len(errs) > 0 {
		return nil, fmt.Errorf("coder data: %w", errors.Join(errs...))
	}
	places, perrs := loadPlaces(p)
	if len(perrs) > 0 {
		return nil, fmt.Errorf("coder places: %w", errors.Join(perrs...))
	}
	sp, err := text.NewSplitter(p)
	if err != nil {
		return nil, err
	}
	ds, derrs := loadDiscards(p)
	if len(derrs) > 0 {
		return nil, fmt.Errorf("coder discards: %w", errors.Join(derrs...))
	}
	fm, ferrs := loadFrames(p, cb)
	if ferrs = append(ferrs, checkFrames(langs, fm)...); len(ferrs) > 0 {
		return nil, fmt.Errorf("coder frames: %w", errors.Join(ferrs...))
	}
	nm, nerrs := loadNouns(p, cb)
	if nerrs = append(nerrs, checkNouns(langs, nm)...); len(nerrs) > 0 {
		return nil, fmt.Errorf("coder nouns: %w", errors.Join(nerrs...))
	}
	sm, serrs := loadSectorCodes(p, cb)
	if len(serrs) > 0 {
		return nil, fmt.Errorf("coder sector codes: %w", errors.Join(serrs...))
	}
	ss, sserrs := loadStateSectors(p)
	if len(sserrs) > 0 {
		return nil, fmt.Errorf("coder state sectors: %w", errors.Join(sserrs...))
	}
	cs, cerrs := loadConstraints(p)
	if len(cerrs) > 0 {
		return nil, fmt.Errorf("coder constraints: %w", errors.Join(cerrs...))
	}
	sets, cserrs := loadCodeSets(p)
	if len(cserrs) > 0 {
		return nil, fmt.Errorf("coder code sets: %w", errors.Join(cserrs...))
	}
	return &Coder{cb: cb, langs: langs, split: sp, places: places, discards: ds, frames: fm, nouns: nm, sectors: sm, stateSectors: ss,
		constraints: cs, sets: sets}, nil
}

// Langs returns the languages that have coder data.
func (c *Coder) Langs() []string {
	var out []string
	for k, lg := range c.langs {
		if lg.hasData {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Patterns returns the number of verb patterns loaded for a language.
func (c *Coder) Patterns(lang string) int {
	if lg := c.langs[lang]; lg != nil {
		lg.ensure()
		return len(lg.patterns)
	}
	return 0
}

// candidate is a pattern match before selection.
type candidate struct {
	pt   *pattern
	idx  int
	b    binding
	code string // the code to give, when not the pattern's own (the reverse event of a paired code)
}

// codeOf is the CAMEO code a candidate's event gets.
func (cd candidate) codeOf() string {
	if cd.code != "" {
		return cd.code
	}
	return cd.pt.code
}

// Code finds the events and statements of an article whose actor mentions are given.
func (c *Coder) Code(a *dyad.Article, mentions []dyad.ActorMention) Result {
	return c.CodeTokens(a, mentions, nil)
}

// CodeTokens is Code given the text.Tokens of the article's text, which the actor stage made already
// (actor.Dictionary.RecognizeTokens); nil tokenizes the text. It does not modify tt.
func (c *Coder) CodeTokens(a *dyad.Article, mentions []dyad.ActorMention, tt []text.Token) Result {
	return c.code(a, mentions, tt, true)
}

// CodeEvents is CodeTokens without the trace of the patterns that fired (Result.Trace stays nil): the same events
// and statements, for a caller that reads no trace (the pipeline), without a Firing and its reasons built for each
// match.
func (c *Coder) CodeEvents(a *dyad.Article, mentions []dyad.ActorMention, tt []text.Token) Result {
	return c.code(a, mentions, tt, false)
}

// code is CodeTokens, with the trace when trace is set.
func (c *Coder) code(a *dyad.Article, mentions []dyad.ActorMention, tt []text.Token, trace bool) Result {
	var res Result
	lg := c.langs[a.Lang]
	if lg == nil || !lg.hasData {
		return res
	}
	lg.ensure()
	sc := c.scratch.get()
	defer c.scratch.put(sc)
	d := &doc{c: c, lg: lg, a: a, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1, sc: sc, trace: trace}
	d.prepareTokens(mentions, tt)
	d.setReference()
	spans := c.split.Split(a.Lang, a.Text)
	type pending struct {
		cand candidate
		sent *sentence
		span dyad.Span
		ta   int
	}
	var recips []pending
	recipPrev := false
	var last *dyad.Statement
	lastTail := ""
	var firstPair *[2]dyad.EventActor
	for _, sp := range spans {
		ta, tb := d.tokAt(sp.Start), d.tokAt(sp.End)
		for tb < len(d.toks) && d.toks[tb].Start < sp.End {
			tb++
		}
		sc.buf = d.units(ta, tb, sc.buf)
		s := &window(&sc.sents, 1)[0] // (zero, in the scratch's slab: the sentences are dropped with the article)
		s.d, s.recipPrev = d, recipPrev
		if len(sc.buf) > 0 {
			s.u = window(&sc.units, len(sc.buf))
			copy(s.u, sc.buf)
		}
		s.markDates(ta, tb)
		s.maskAbstainers() // "com a abstenção da China": no side of any act
		s.markPhrases()
		recipPrev = false
		hasPhrase := false
		for _, u := range s.u {
			if u.phrase >= 0 {
				hasPhrase = true
				break
			}
		}
		// statements
		st, ok := s.statement(sp.Start, sp.End)
		s.trackSubject()
		if ok {
			st.Date = dyad.NullString(d.eventDate(ta, tb, ta).date)
			res.Statements = append(res.Statements, st)
			last = &res.Statements[len(res.Statements)-1]
			lastTail = ""
			if i := strings.LastIndex(a.Text[sp.Start:sp.End], st.Text); i >= 0 {
				lastTail = a.Text[sp.Start+i+len(st.Text) : sp.End] // the closing punctuation
			}
		} else if last != nil && s.continues() {
			last.Text += lastTail + " " + strings.TrimSpace(a.Text[sp.Start:sp.End])
			last.End = sp.End
			lastTail = ""
		} else {
			last = nil
		}
		// events
		var speakerRef *dyad.ActorRef
		if ok {
			speakerRef = &st.Speaker
		}
		nEvents := len(res.Events)
		cands := s.candidates()
		if len(cands) == 0 && !hasPhrase {
			continue
		}
		// a discard phrase (sports, awards, history): no events. Looked for only where a pattern matched:
		// matching has no effect on the article's state, and a sentence without a match yields no event
		if len(cands) > 0 && c.discards[a.Lang].voids(a.Text[sp.Start:sp.End]) {
			continue
		}
		seenPair := map[string]bool{}
		// our patterns first: an imported pattern adds nothing for a pair of actors ours have coded in the
		// sentence (ours are written for a matcher without a parse; the imported ones are not)
		// drop removes the candidates that tell no event by rule out, each traced with why
		drop := func(out func(candidate) bool, why string) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool {
				if !out(cd) {
					return false
				}
				if d.trace {
					f := d.firing(sp, cd, "", "", false)
					f.Why += why
					res.Trace = append(res.Trace, f)
				}
				return true
			})
		}
		// a clause that modifies a noun ("同中国建交的国家") or a trigger inside a circumposition tells no event, and
		// takes no words from the matches that do ("同瑙鲁外长签署两国关于恢复外交关系的联合公报": the signing)
		drop(func(cd candidate) bool { return s.attribClause(cd.b) || s.crossesCircum(cd.b) || s.inCause(cd.b) },
			" attributive or adverbial (a clause that modifies a noun, or a trigger inside a circumposition or cause of grammar): not coded")
		// "dismissed accusations that it backs the M23 rebels": what a denial denies is no event
		drop(func(cd candidate) bool { return s.deniedContent(cd, cands) }, " inside the content of a denial (016): not coded")
		// "La Russie et le Bélarus ont entamé des manœuvres conjointes près des frontières de l'Ukraine": the joint
		// exercises of a list of sides are their cooperation (062, which the list's own patterns code), no show of
		// force by each against the place; such a match takes no words from them
		drop(s.jointShow, " a show of force by a list of sides whose exercise is joint (a joint noun of grammar): their cooperation, not coded")
		sel := s.selectCands(cands)
		var gifts []candidate // one-sided aid: coded after the sentence's other events, which name its recipient
		oursPair := map[[2]string]bool{}
		// the events of joint acts, whose targets act too (stateSectors; made at the first)
		var joint map[string]bool
		for _, cd := range sel {
			framedThreat := false
			if cd.pt.recip {
				recipPrev = true
			}
			if cd.pt.code2 == "" && cd.pt.code != NullCode {
				// a noun that tells the kind of act in the subject or the object: "a rescue team arrived" (073)
				if code, class := s.nouned(cd.b, cd.codeOf()); class != "" {
					if code == NullCode {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.codeOf(),
								Why: fmt.Sprintf("pattern %q: a noun of class %s: no event", cd.pt.text, class)})
						}
						continue
					}
					cd.code = code
				}
				// a verb of intent, refusal, threat or halting before the trigger: CAMEO's parallel code
				if code, at := s.framed(cd.b, cd.codeOf()); len(at) > 0 {
					framedThreat = !strings.HasPrefix(cd.codeOf(), "13")
					cd.code = code
					cd.b.lits = append(slices.Clip(cd.b.lits), at...)
					if strings.HasPrefix(code, "13") && (cd.b.s >= 0 || cd.b.s == -2) {
						if q := s.condFrameSubject(cd.b); q >= 0 && s.u[q].phrase != cd.b.t {
							// "美国威胁，如果……，日本将对中国加征关税": the United States threatens, not Japan
							cd.b.s = s.u[q].phrase
						}
					}
				}
			}
			// a threat frame makes the condition after it part of the threat ("threatened that if ..., it would"):
			// the event is the threat, not hypothetical
			threat := framedThreat && strings.HasPrefix(cd.codeOf(), "13")
			if neg, hypo, bg, rel := s.negated(cd.b), !threat && s.hypothetical(cd.b), s.backgroundPhrase(cd.b, cd.pt.inverted), s.reducedRelative(cd.b); neg || hypo || bg || rel {
				src, tgt := "", ""
				if cd.b.s >= 0 || cd.b.s == -2 {
					src = d.slotActor(cd, cd.b.s).Code
				}
				if cd.b.t >= 0 || cd.b.t == -2 {
					tgt = d.targetActor(cd, cd.b.t).Code
				}
				if d.trace {
					f := d.firing(sp, cd, src, tgt, neg)
					switch {
					case neg:
					case hypo:
						f.Why += " hypothetical (a hypo word of grammar before the verb): not coded"
					case rel:
						f.Why += " a participle right after S describes it (\"the rebels fighting in ...\"): not coded"
					default:
						f.Why += " background (the cause or occasion of the news, after a background phrase of grammar): not coded"
					}
					res.Trace = append(res.Trace, f)
				}
				continue
			}
			if cd.pt.code == NullCode && cd.pt.code2 == "" {
				if d.trace {
					res.Trace = append(res.Trace, d.firing(sp, cd, "", "", false))
				}
				continue // a pattern that codes nothing: its words give no event
			}
			if cd.pt.recip && cd.b.r[0] < 0 {
				recips = append(recips, pending{cand: cd, sent: s, span: sp, ta: ta})
				continue
			}
			if cd.pt.agentless {
				for _, ph := range d.targets(cd) {
					tgt := d.targetActor(cd, ph)
					src, ok := d.agentFor(s, ta, tb, ph, cd.b.trig, tgt, cd.codeOf())
					// a bare country as the target stands for a person of it the actor stage does not know ("the
					// Russian activist X was arrested"): its own state arresting them is RUS -> RUS
					if !ok || countryless(tgt) || src.Code == tgt.Code && tgt.Sector != "" {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Target: tgt.Code,
								Why: fmt.Sprintf("pattern %q: agentless, but no agent or country for it", cd.pt.text)})
						}
						continue
					}
					ev := d.eventActors(sp, ta, tb, s, cd, src, tgt, cd.pt.conf)
					if d.oursFirst(cd, ev, oursPair) {
						d.keep(&res, seenPair, ev.Source.Code+"|"+ev.Target.Code+"|"+tellFamily(ev.Code), sp, cd, ev)
					}
				}
				continue
			}
			if cd.pt.oneSided && d.c.sets.has(setRecipientless, cd.codeOf()) {
				gifts = append(gifts, cd) // its recipient is named by another event of the sentence: after them
				continue
			}
			if cd.pt.oneSided {
				for _, ph := range d.sources(cd) {
					src := d.slotActor(cd, ph)
					if d.stateProtest(src, dyad.EventActor{}, cd.pt.code) {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Source: src.Code,
								Why: fmt.Sprintf("pattern %q: one-sided protest, but the source acts for the state: not coded", cd.pt.text)})
						}
						continue
					}
					if cd.pt.state && !actsForState(src) {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Source: src.Code,
								Why: fmt.Sprintf("pattern %q: an act of the state, but the source does not act for the state: not coded", cd.pt.text)})
						}
						continue
					}
					if crowdRepression(src, cd.pt.code) {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Source: src.Code,
								Why: fmt.Sprintf("pattern %q: one-sided repression, but the source does not act for the state: not coded", cd.pt.text)})
						}
						continue
					}
					tgt, ok := d.homeTarget(ta, tb, src)
					if ok && strings.HasPrefix(cd.codeOf(), "20") && ph >= 0 && d.namedGroup(ph, src) {
						// mass violence by an armed group named with its own country (the RSF, Boko Haram): its
						// victims are that country's people, wherever the hospital or camp is said to be from
						tgt = dyad.EventActor{Code: src.Country, Name: src.Country, Country: src.Country}
					}
					if !ok || countryless(src) {
						if d.trace {
							res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Source: src.Code,
								Why: fmt.Sprintf("pattern %q: one-sided, but neither the place nor the source gives a country", cd.pt.text)})
						}
						continue
					}
					ev := d.eventActors(sp, ta, tb, s, cd, src, tgt, cd.pt.conf)
					if d.oursFirst(cd, ev, oursPair) {
						d.keepProtest(&res, seenPair, sp, cd, ev)
					}
				}
				continue
			}
			if cd.pt.place || cd.pt.content && cd.b.t == -1 {
				// a place standing for the target: L, H, or the place C found in a speech act's content
				if objectOfAnother(cd, sel) {
					if d.trace {
						res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code,
							Why: fmt.Sprintf("pattern %q: its subject is the target of another match: not coded", cd.pt.text)})
					}
					continue
				}
				name := a.Text[d.toks[cd.b.placeAt[0]].Start:d.toks[cd.b.placeAt[1]].End]
				for _, pl := range d.placeList(cd) {
					cd, name := cd, name
					if pl[0] != cd.b.place {
						cd.b.place, name = pl[0], pl[1]
					}
					// a list in S ("Chile and Colombia recalled their ambassadors to Israel") gives one event each
					for _, ph := range d.sources(cd) {
						// H alone: no agent named ("two car bombs exploded in Mogadishu"): the place's country
						src := dyad.EventActor{Code: cd.b.place, Name: name, Country: cd.b.place}
						if ph != -1 {
							src = d.slotActor(cd, ph)
						} else if d.namePart(ta, cd.b.placeAt[0]) {
							if d.trace {
								res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code,
									Why: fmt.Sprintf("pattern %q: its place ends a longer name: not coded", cd.pt.text)})
							}
							continue
						}
						tgt := dyad.EventActor{Code: cd.b.place, Name: name, Country: cd.b.place}
						if ph == -1 {
							if body, ok := s.siteBody(cd); ok {
								tgt = body // "un carro bomba estalló en la sede de la Brigada 30 del Ejército en Cúcuta": COL -> COLMIL
							}
						}
						if src.Country == tgt.Country && !cd.pt.home {
							continue // a trip at home is no visit
						}
						if d.c.constraints.holds(actDropAtPlace, dyad.Event{Code: cd.pt.code, Source: src, Target: tgt}, nil) {
							continue // relief flown to a place at home is no aid between two sides (ConstraintsFile)
						}
						if cd.pt.home && d.stateProtest(src, tgt, cd.pt.code) {
							if d.trace {
								res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.pt.code, Source: src.Code,
									Why: fmt.Sprintf("pattern %q: protest at home, but the source acts for the state: not coded", cd.pt.text)})
							}
							continue
						}
						if cd.pt.home {
							// protests and riots in a place are against its government, as CAMEO codes them; a crackdown by
							// the state at home is against the country itself (as homeTarget)
							if !cd.pt.placeObj && (!stateSectors[src.Sector] || src.Country != cd.b.place) {
								tgt.Code, tgt.Sector = cd.b.place+"GOV", "GOV"
							}
							if countryless(src) {
								// a group with no country of its own ("los jóvenes") is from where it acts
								src.Country, src.Code, src.ActorID = cd.b.place, cd.b.place+src.Code, ""
							}
						}
						ev := d.eventActors(sp, ta, tb, s, cd, src, tgt, cd.pt.conf)
						if d.oursFirst(cd, ev, oursPair) {
							d.keepProtest(&res, seenPair, sp, cd, ev)
						}
					}
				}
				continue
			}
			for _, pr := range d.directedPairs(cd) {
				cd := cd
				if pr.reverse {
					cd.code = cd.pt.code2
					cd.b.sRef, cd.b.tRef = cd.b.tRef, cd.b.sRef
				}
				ev := d.event(sp, ta, tb, s, cd, pr.p[0], pr.p[1])
				if cd.pt.recip || cd.b.t == tMutual || pr.reverse {
					if joint == nil {
						joint = map[string]bool{}
					}
					joint[ev.ID] = true
				}
				if ev.Source.Code == ev.Target.Code {
					continue // an actor with itself, or two of the same kind: no event between actors
				}
				listed := func() bool { return pr.p[1] >= 0 && len(d.listAt(pr.p[1])) > 1 }
				// a protest or a crackdown at home: a title no one gave a country ("contra el presidente interino
				// X") is of the source's country; a protest at a parliament or a court is against the government
				// (ConstraintsFile)
				d.c.constraints.ownCountryTarget(&ev, listed)
				d.c.constraints.governmentTarget(&ev, listed)
				if countryless(ev.Source) && !stateSectors[ev.Source.Code] && s.agentPhrase(cd.b) {
					// the agent of a passive, an armed group with no country of its own ("enlevés par des hommes
					// armés", "abducted by gunmen"), is from where the sentence places the act ("dans le nord du
					// Bénin"), as H reads a crowd's
					if cc := d.placeCountry(ta, tb); cc != "" {
						ev.Source.Country, ev.Source.Code, ev.Source.ActorID = cc, cc+ev.Source.Code, ""
					}
				}
				if countryless(ev.Source) || countryless(ev.Target) {
					continue // "GOV" alone: a title whose country nobody knows is no actor to code
				}
				if repressionByCrowd(ev.Source, ev.Code) {
					continue // only the state represses a crowd
				}
				if cd.b.tPlace && ev.Source.Country == ev.Target.Country {
					continue // "Ziele im Iran" struck by Iran's own: a place at home, which the place twins read
				}
				if d.c.constraints.holds(actDrop, ev, listed) {
					continue // a visit to one's own country, a threat to it, a consultation with its own organ (ConstraintsFile)
				}
				k := ev.Source.Code + "|" + ev.Target.Country + "|" + tellFamily(ev.Code)
				if ev.Target.Country == "" {
					k = ev.Source.Code + "|" + ev.Target.Code + "|" + tellFamily(ev.Code)
				}
				if seenPair[k] {
					continue // a less specific pattern for the same pair and family
				}
				if up := unorderedPair(ev.Source, ev.Target); cd.pt.origin == "" {
					oursPair[up] = true
				} else if oursPair[up] {
					continue
				}
				seenPair[k] = true
				if family(ev.Code) == "14" {
					seenPair[protestKey(ev)] = true // another crowd's one-sided protest repeats it
				}
				if d.background(ev) {
					if d.trace {
						res.Trace = append(res.Trace, d.firingWhy(sp, cd, ev, "background: the sentence dates it "+string(ev.Date)))
					}
					continue
				}
				if firstPair == nil && !cd.pt.recip {
					firstPair = &[2]dyad.EventActor{ev.Source, ev.Target}
				}
				res.Events = append(res.Events, ev)
				if d.trace {
					res.Trace = append(res.Trace, d.firing(sp, cd, ev.Source.Code, ev.Target.Code, false))
				}
			}
		}
		for _, cd := range gifts {
			for _, ph := range d.sources(cd) {
				src := d.slotActor(cd, ph)
				tgt, ok := recipient(res.Events[nEvents:], src)
				if !ok || countryless(src) {
					if d.trace {
						res.Trace = append(res.Trace, Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.codeOf(), Source: src.Code,
							Why: fmt.Sprintf("pattern %q: aid with no recipient named in the sentence: not coded", cd.pt.text)})
					}
					continue
				}
				ev := d.eventActors(sp, ta, tb, s, cd, src, tgt, cd.pt.conf)
				if told(res.Events, ev) {
					continue
				}
				if d.background(ev) {
					if d.trace {
						res.Trace = append(res.Trace, d.firingWhy(sp, cd, ev, "background: the sentence dates it "+string(ev.Date)))
					}
					continue
				}
				res.Events = append(res.Events, ev)
				if d.trace {
					res.Trace = append(res.Trace, d.firing(sp, cd, ev.Source.Code, ev.Target.Code, false))
				}
			}
		}
		d.likewise(s, sp, &res, nEvents) // "..., as did Spain and Ireland": the act again, by each of them
		d.protestPurpose(s, sp, ta, tb, &res, nEvents, seenPair)
		res.Events = s.oneMeeting(res.Events, nEvents)
		// "Chancellor Scholz announced that Germany would send ...": a bare country as the source of an event
		// the sentence's speaker reports stands for the speaker's side
		if speakerRef != nil && speakerRef.Country != "" && speakerRef.Sector != "" {
			for i := nEvents; i < len(res.Events); i++ {
				e := &res.Events[i]
				if e.Source.Code == speakerRef.Country && e.Source.Country == speakerRef.Country {
					e.Source = eventActor(*speakerRef)
				}
			}
		}
		d.stateSectors(res.Events[nEvents:], ta, tb, joint)
	}
	// reciprocal phrases ("the two sides") stand for the article's main pair
	if len(recips) > 0 {
		pair, ok := d.mainPair(firstPair)
		for _, p := range recips {
			if !ok {
				if d.trace {
					res.Trace = append(res.Trace, Firing{Sentence: p.span, Pattern: p.cand.pt.id, Code: p.cand.pt.code,
						Why: "reciprocal subject but no main pair of actors in the article"})
				}
				continue
			}
			tb := d.tokAt(p.span.End)
			for _, pr := range [][2]dyad.EventActor{{pair[0], pair[1]}} {
				ev := d.eventActors(p.span, p.ta, tb, p.sent, p.cand, pr[0], pr[1], 0.7)
				one := []dyad.Event{ev}
				d.stateSectors(one, p.ta, tb, map[string]bool{ev.ID: true}) // as the sentence's other events have them, for told to compare
				ev = one[0]
				if told(res.Events, ev) {
					// "S received T ..., the two sides exchanged views": one event per pair and family
					if d.trace {
						res.Trace = append(res.Trace, d.firingWhy(p.span, p.cand, ev, "reciprocal: the sentence already tells this pair and family"))
					}
					continue
				}
				if d.background(ev) {
					// "1979年1月1日，中美两国正式建立外交关系": history, as for the other paths
					if d.trace {
						res.Trace = append(res.Trace, d.firingWhy(p.span, p.cand, ev, "background: the sentence dates it "+string(ev.Date)))
					}
					continue
				}
				res.Events = append(res.Events, ev)
				if d.trace {
					res.Trace = append(res.Trace, d.firing(p.span, p.cand, ev.Source.Code, ev.Target.Code, false))
				}
			}
		}
	}
	return res
}

// told reports whether events already holds one from ev's sentence for its pair (source, target) and CAMEO
// root (not family: "spoke by telephone (041) and the two leaders agreed to begin negotiations (036)" is two).
func told(events []dyad.Event, ev dyad.Event) bool {
	if len(ev.Mentions) == 0 {
		return false
	}
	for _, e := range events {
		if len(e.Mentions) > 0 && e.Mentions[0].Start == ev.Mentions[0].Start && e.Source.Code == ev.Source.Code &&
			e.Target.Country == ev.Target.Country && e.Target.Code == ev.Target.Code && len(e.Code) >= 2 && len(ev.Code) >= 2 && e.Code[:2] == ev.Code[:2] {
			return true
		}
	}
	return false
}

// candidates lists every pattern match in the sentence. Its words lead, through the language's index, to
// the anchors they trigger and the element sets they hold (elemIndex); a pattern is tried at an anchor only
// when the sentence holds every set it requires.
func (s *sentence) candidates() []candidate {
	lg := s.d.lg
	var out []candidate
	if sc := s.d.sc; sc != nil {
		out = sc.cands[:0]
		s.walkMemos, s.walkLits, s.walkHead = sc.walkMemos[:0], sc.walkLits[:0], table(&sc.walkHead, len(s.u))
		s.litBuf = sc.lits[:0]
		defer func() {
			clear(s.walkMemos) // the bindings' strings belong to the article
			sc.cands, sc.walkMemos, sc.walkLits, sc.lits = out[:0], s.walkMemos[:0], s.walkLits[:0], s.litBuf[:0]
		}()
		s.words = window(&sc.words, len(s.u))
	} else {
		s.words = make([]string, len(s.u))
		s.walkHead = make([]int32, len(s.u))
	}
	m, _ := lg.elems.marks.Get().(*elemMarks)
	if m == nil {
		m = &elemMarks{}
	}
	defer lg.elems.marks.Put(m)
	m.next(lg.elems.n)
	m.ents = slices.Grow(m.ents[:0], len(s.u))[:len(s.u)]
	clear(m.ents)
	ents := m.ents // each unit's word and stem entries
	for i, u := range s.u {
		w := s.unitWord(u)
		s.words[i] = w
		s.mask.add(w)
		if u.phrase >= 0 && !s.wordPhrase(i) {
			continue // a phrase matches no pattern word
		}
		wi := s.d.info(u.tok) // the unit's word is its token's fold
		if e := wi.anchor; e != nil {
			ents[i][0] = e
			m.set(e.elems, i)
		}
		if e := wi.stemEnt; e != nil {
			ents[i][1] = e
			m.set(e.elems, i)
		}
		m.set(wi.preSets, i)
	}
	try := func(ans []anchor, i int) {
		for k := range ans {
			an := &ans[k]
			if !s.mask.covers(an.need) || !m.keyHolds(an, i) {
				continue // a word the pattern needs is not in the sentence, or not on its side of the trigger
			}
			if !s.trigAt(an, i) {
				continue // the trigger's words, or its use as a verb: from the anchor, before the pattern is read
			}
			pt := lg.patterns[an.pat]
			if an.more && !m.holds(pt, i) {
				continue // the same for the pattern's other words
			}
			if b, ok := s.matchAt(pt, an, i); ok {
				out = append(out, candidate{pt: pt, idx: int(an.pat), b: b})
			}
		}
	}
	for i, u := range s.u {
		if u.phrase >= 0 && !s.wordPhrase(i) {
			continue // a one-word phrase ("troops") is a word, and may be a pattern's trigger
		}
		for _, e := range ents[i] {
			if e != nil {
				try(e.anchors, i)
			}
		}
		for _, ans := range s.d.info(u.tok).preAnchors {
			try(ans, i)
		}
	}
	return out
}

func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := range s {
		if i == n {
			return s[:k], true
		}
		i++
	}
	return s, i == n
}

// selectCands keeps the most specific match of each trigger, one per pair of actors and code family.
func (s *sentence) selectCands(cands []candidate) []candidate {
	// (slices' stable sort is sort.SliceStable's algorithm, without its reflection and allocations: less is cmp < 0)
	less := func(x, y *candidate) bool {
		// ours before imported ones (the third-party layer), which are matched without the parse they were
		// written for: an imported pattern only adds events on words ours leave unused
		if oi, oj := x.pt.origin == "", y.pt.origin == ""; oi != oj {
			return oi
		}
		if x.pt.weight != y.pt.weight {
			return x.pt.weight > y.pt.weight
		}
		// equally specific: a passive that names its agent ("ont été expulsés ... par S") before the agentless
		// fallback ("ont été expulsés"), which only guesses the source
		if ai, aj := x.pt.agentless, y.pt.agentless; ai != aj {
			return aj
		}
		// equally specific: a match that names a target (its S and T bound) before one that pairs the subject's
		// two sides (R): "A and B met with C" is each of them meeting C, not A meeting B
		if ri, rj := x.b.isR(), y.b.isR(); ri != rj {
			if o := x.b; rj && o.s != -1 && o.t != -1 {
				return true
			}
			if o := y.b; ri && o.s != -1 && o.t != -1 {
				return false
			}
		}
		// equally specific: the tighter match ("besuchte Scholz China", not "der G7 ... besuchte Scholz")
		if si, sj := x.b.hi-x.b.lo, y.b.hi-y.b.lo; si != sj {
			return si < sj
		}
		return x.idx < y.idx
	}
	slices.SortStableFunc(cands, func(x, y candidate) int {
		if less(&x, &y) {
			return -1
		}
		return 0
	})
	// circumstances last ("041+": pattern.beside): they take no word from an act's pattern, and for a family both
	// tell, the event stage keeps the act's
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.pt.beside == b.pt.beside:
			return 0
		case b.pt.beside:
			return -1
		}
		return 1
	})
	var out []candidate
	usedTrig := map[int]bool{}
	usedBeside := map[int]bool{} // the words of circumstances, which share an act's auxiliary ("Bei ... mit X hat Y ... gewarnt")
	usedPair := map[pairKey]bool{}
	kept := map[pairKey][]candidate{}
	for _, cd := range cands {
		used := usedTrig
		if cd.pt.beside {
			used = usedBeside
		}
		overlap := false
		for _, k := range cd.b.lits {
			if used[k] {
				overlap = true
			}
		}
		key := pairKey{cd.b.s, cd.b.t, cd.b.r, cd.b.recip, cd.b.place, "", cd.b.rel || cd.pt.objClause && s.subjectPhrase(cd.b.s)}
		if cd.pt.oneSided || cd.pt.agentless {
			// events without a named target are told one per family ("protesters blocked roads and clashed
			// with police, then police arrested 30": 14, 17)
			key.family = tellFamily(cd.pt.code)
		}
		if cd.pt.beside {
			// a circumstance ("in a phone call", "during his visit to") neither blocks the pair's act nor is
			// blocked by it: one of each per family (the event stage folds a circumstance the act repeats)
			key.family = "+" + tellFamily(cd.pt.code)
		}
		if overlap || usedPair[key] && !s.secondAct(cd, kept[key]) {
			continue
		}
		if cd.b.coord && s.objectAfter(cd.b.hi) {
			continue // the coordinated verb's own object is the other side: its own patterns tell that act
		}
		if cd.b.s >= 0 && repressionByCrowd(s.d.slotActor(cd, cd.b.s), cd.pt.code) {
			continue // its words are left to the state's act ("... y la Policía los dispersó con gases")
		}
		if cd.pt.place && !cd.pt.home && s.d.slotActor(cd, cd.b.s).Country == cd.b.place {
			// a visit or raid "in" a place of the source's own country codes nothing (the event stage drops
			// it): its words are left to a pattern that codes what happened there ("protesters stormed the
			// parliament in Nairobi")
			continue
		}
		for _, k := range cd.b.lits {
			used[k] = true
		}
		usedPair[key] = true
		kept[key] = append(kept[key], cd)
		out = append(out, cd)
	}
	return out
}

// actFamily is the family of an act for secondAct: the use of force (CodeSetsFile's force: 18, 19, 20) is one
// act however it is told ("attacked a base and killed two soldiers").
func (s *sentence) actFamily(code string) string {
	if s.d.c.sets.has(setForce, code) {
		return setForce
	}
	return family(code)
}

// secondAct reports whether cd, a match for a pair of sides that already has events (prev), tells a second act
// between them: both sides actors, a root family none of them has, its words all after an "and" word of grammar
// that follows all the words of each, its verb right after the "and" ("X met Y and signed an agreement", "X and Y met and signed a declaration"), where one
// sentence otherwise tells one event per pair of sides.
func (s *sentence) secondAct(cd candidate, prev []candidate) bool {
	if len(prev) == 0 || len(cd.b.lits) == 0 || cd.b.place != "" {
		return false
	}
	// an act of both sides (R) named as actors, not a place ("took the airfield of X"), or a second reply to
	// the party answered (P: "Islamabad dénonçant un « acte de guerre » et promettant de riposter"); else only
	// an act told in a relative clause with the object ("hat X empfangen, mit dem er ... unterzeichnete")
	relOnly := cd.b.r[0] < 0 && !cd.pt.answer
	fam := s.actFamily(cd.pt.code)
	for _, o := range prev {
		if s.actFamily(o.pt.code) == fam || len(o.b.lits) == 0 {
			return false
		}
		// the "and", then at most one word (an auxiliary, "then") before the second verb: "called it
		// unacceptable and unjustified, the attack of X" coordinates no act. The act kept first may be the
		// later one in the text (the more specific), the other coordinated before it.
		from, to := slices.Max(o.b.lits)+1, slices.Min(cd.b.lits)
		if m := slices.Max(cd.b.lits); m < slices.Min(o.b.lits) {
			from, to = m+1, slices.Min(o.b.lits)
		}
		and, gap, viaRel := false, 0, false
		// the later act's own "and" may be a word of its pattern ("et promettant de riposter"), and so may a
		// comma and a relative word that opens a clause of the subject's with the antecedent ("hat Selenskyj
		// empfangen, mit dem er ... unterzeichnete", "met wie hij", "avec qui il", "dove insieme a")
		for k := from; k < to || k == to && s.u[k].phrase < 0 && (s.u[k].is(cAnd) || s.commaRelAt(k)); k++ {
			u := s.u[k]
			switch {
			case s.commaRelAt(k) && k >= to-1:
				and, gap, viaRel = true, 0, true
			case u.phrase < 0 && u.is(cAnd):
				and, gap = true, 0
			case and && u.phrase >= 0:
				return false
			case and && !s.isDate(k):
				gap++
			}
		}
		if !and || gap > 1 || relOnly && !viaRel {
			return false
		}
	}
	return true
}

// commaRelAt reports whether unit k is a comma that opens a comitative relative clause: a comitative word and a
// relative word of grammar (", mit dem", ", avec qui", ", con quien", ", met wie"), or a where word and a comitative
// word (", dove insieme a", ", where together with").
func (s *sentence) commaRelAt(k int) bool {
	if k+2 >= len(s.u) || s.u[k].phrase >= 0 || s.u[k].fold != "," || s.u[k+1].phrase >= 0 || s.u[k+2].phrase >= 0 {
		return false
	}
	a, b := s.u[k+1], s.u[k+2]
	return a.is(cComitative) && b.is(cRel) || a.is(cWhere) && b.is(cComitative)
}

// subjectPhrase reports whether phrase ph is the sentence's subject (its first actor phrase) or a member of
// that phrase's list: the subject a clause hung on the object shares ("Russia expelled two U.S. diplomats,
// accusing them of ...", not "blocked roads of Guatemala to demand ..., whom they accuse of ...").
func (s *sentence) subjectPhrase(ph int) bool {
	f := s.firstPhrase()
	if f < 0 || ph < 0 {
		return false
	}
	g := s.u[f].phrase
	return g == ph || s.sameList(g, ph)
}

type pairKey struct {
	s, t   int
	r      [2]int
	recip  bool
	place  string
	family string // for events without a named target (one-sided, agentless)
	rel    bool   // the pair was read through a relative clause ("received X, with whom it signed"), or the act is told in a clause hung on the object (pattern.objClause): two events
}

// directedPair is a source and a target phrase, and whether they are the reverse event of a paired code.
type directedPair struct {
	p       [2]int
	reverse bool
}

// directedPairs is pairs with, for a paired code ("042:043"), each pair's reverse too; a null side gives no
// event.
func (d *doc) directedPairs(cd candidate) []directedPair {
	var out []directedPair
	for _, pr := range d.pairs(cd) {
		if cd.pt.code != NullCode {
			out = append(out, directedPair{p: pr})
		}
		if cd.pt.code2 != "" && cd.pt.code2 != NullCode && (cd.pt.code2 != cd.pt.code || cd.pt.origin == "") {
			// an imported pair of one code (PETRARCH's "046:046": "discussed the situation with T") is one act
			// of both sides, coded once, the first named as the source, as "X and Y" is; ours write such a pair
			// for acts that each side did ("互相指责": mutual accusations)
			out = append(out, directedPair{p: [2]int{pr[1], pr[0]}, reverse: true})
		} else if cd.b.mutual && cd.pt.code2 == "" && cd.codeOf() != NullCode && !d.c.sets.has(setJoint, cd.codeOf()) {
			// a reciprocal word ("accused each other", "se acusaron mutuamente", "elkaar bestookt"): each side
			// did the act to the other; a joint act ("spoke to each other", "met elkaar overlegd") stays one
			// event, the first named as the source, as "X and Y met" is
			out = append(out, directedPair{p: [2]int{pr[1], pr[0]}})
		}
	}
	return out
}

// pairs returns the source and target phrases of a match: for "X and Y" (R) the one event X→Y, X the first
// named; for a list in a slot ("A, B and C met D", "A met B and C") one event for each.
func (d *doc) pairs(cd candidate) [][2]int {
	if cd.pt.recip {
		// "A, B and C signed ...": the first named with each of the others
		if l := d.phrases[cd.b.r[0]].list; l != nil && slices.Contains(l, cd.b.r[1]) {
			var out [][2]int
			for _, o := range l[1:] {
				out = append(out, [2]int{l[0], o})
			}
			return out
		}
		return [][2]int{{cd.b.r[0], cd.b.r[1]}}
	}
	if cd.b.t == tMutual {
		// "A and B accused each other": the first named with each of the others (directedPairs adds the
		// other way)
		l := d.listAt(cd.b.s)
		var out [][2]int
		for _, o := range l[1:] {
			out = append(out, [2]int{l[0], o})
		}
		return out
	}
	srcs, tgts := []int{cd.b.s}, []int{cd.b.t}
	if cd.b.s >= 0 {
		if l := d.listAt(cd.b.s); l != nil && !slices.Contains(l, cd.b.t) && !d.phrases[cd.b.s].between {
			srcs = l
		}
	}
	if cd.b.t >= 0 {
		if l := d.listAt(cd.b.t); l != nil && !slices.Contains(l, cd.b.s) {
			tgts = l
		}
	}
	var out [][2]int
	for _, s := range srcs {
		for _, t := range tgts {
			out = append(out, [2]int{s, t})
		}
	}
	return out
}

// oneMeeting drops, among the events from index from on (one sentence's), a visit (042) that is the other side
// of a hosting the sentence codes (043): "Li Qiang received Pham Minh Chinh, who is on an official visit to
// China" is one meeting, the host's. A visit told before the hosting, which a clause after an "and" or a where
// word of grammar tells, is an act of its own (toldThen): "X arrived in Baghdad and was received by Y", "X s'est rendu en
// Mauritanie, où il a été accueilli par Y".
func (s *sentence) oneMeeting(evs []dyad.Event, from int) []dyad.Event {
	out := evs[:from]
	for i := from; i < len(evs); i++ {
		e := evs[i]
		dup := false
		if e.Code == "042" {
			for j := from; j < len(evs); j++ {
				h := evs[j]
				if h.Code == "043" && h.Target.Country == e.Source.Country && h.Source.Country == e.Target.Country && h.Source.Country != "" && !s.toldThen(e.ID, h.ID) {
					dup = true
				}
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// toldThen reports whether the pattern words of event a's match all stand before those of event b's, with an
// "and" or a where word of grammar between them: b is told in a clause after a's. One match of ours that tells
// both (a paired code, "042:043 | S llegó ..., donde fue recibido por T") tells them as two acts.
func (s *sentence) toldThen(a, b string) bool {
	la, oka := s.d.litsAt[a]
	lb, okb := s.d.litsAt[b]
	if !oka || !okb || lb[0] > len(s.u) {
		return false
	}
	if la == lb {
		return true
	}
	if la[1] >= lb[0] {
		return false
	}
	for k := la[1] + 1; k < lb[0]; k++ {
		if u := s.u[k]; u.phrase < 0 && (u.is(cAnd) || u.is(cWhere)) {
			return true
		}
	}
	return false
}

// placeList returns the countries (code, name) of an L match's place: the place itself, and when it is an actor
// phrase of a country that ends a list of countries ("une tournée au Vietnam, en Indonésie et à Singapour",
// "inviato soccorritori in Turchia e in Siria"), each member's country. An H place (at home) stays one.
func (d *doc) placeList(cd candidate) [][2]string {
	one := [][2]string{{cd.b.place, ""}}
	if cd.pt.home || cd.b.place == "" {
		return one
	}
	for ph := range d.phrases {
		if d.phrases[ph].first < cd.b.placeAt[0] || d.phrases[ph].last > cd.b.placeAt[1] {
			continue
		}
		l := d.listAt(ph)
		if l == nil || d.phrases[ph].between {
			return one
		}
		var out [][2]string
		for _, m := range l {
			a := d.actorOf(m)
			if d.ments[d.phrases[m].head].Actor.Type != dyad.TypeCountry || a.Country == "" {
				return one
			}
			p := d.phrases[m]
			out = append(out, [2]string{a.Country, d.a.Text[d.toks[p.first].Start:d.toks[p.last].End]})
		}
		return out
	}
	return one
}

// listAt returns the list "A, B and C" that phrase ph ends on either side, or nil: a slot reaches a list
// at its near end, the last member before the verb ("A, B and C condemned ..."), the first after it
// ("condemned by A, B and C", "met A, B and C").
func (d *doc) listAt(ph int) []int {
	if l := d.phrases[ph].list; l != nil && (l[0] == ph || l[len(l)-1] == ph) {
		return l
	}
	// a chain that repeats its genitive preposition is reached at any member ("la expulsión de diplomáticos de
	// Alemania, de Francia y de Polonia": a pattern's own "de T" may take the second)
	if l := d.phrases[ph].list; l != nil && d.phrases[l[0]].conjGen {
		return l
	}
	return nil
}

// sources returns the source phrases of a one-sided match: the whole list when S takes an end of
// "A, B and C" ("Farmers, truckers and teachers went on strike"), but not of a list after a `between` word
// of grammar, two sides rather than co-agents ("clashes between protesters and police, who dispersed ...").
func (d *doc) sources(cd candidate) []int {
	if cd.b.s >= 0 {
		if l := d.listAt(cd.b.s); l != nil && !d.phrases[cd.b.s].between {
			return l
		}
	}
	return []int{cd.b.s}
}

// targets returns the target phrases of an agentless match: the whole list when T takes an end of
// "A, B and C" ("X, Y and Z were arrested").
func (d *doc) targets(cd candidate) []int {
	if cd.b.t >= 0 {
		if l := d.listAt(cd.b.t); l != nil {
			return l
		}
	}
	return []int{cd.b.t}
}

// openingCountry is, for an act of force with no agent and no location word, the country the sentence opens with:
// its first actor phrase past the dateline's agency and city, when that names a country by its name and is not the target tp (Chinese tells where a
// blow fell as the subject of 遭: "巴基斯坦卡拉奇真纳国际机场附近6日晚遭自杀式袭击，造成2名中国公民遇难"); "" when none.
func (d *doc) openingCountry(s *sentence, tp, trig int) string {
	for i, u := range s.u {
		if u.phrase < 0 {
			continue
		}
		m := d.ments[d.phrases[u.phrase].head]
		if m.Actor.Sector == "MED" || m.Via == "capital" {
			continue // the dateline's agency and city ("新华社伊斯兰堡3月26日电")
		}
		if u.phrase == tp || m.Actor.Type != dyad.TypeCountry || m.Via != "name" && m.Via != "alias" {
			return ""
		}
		// the country must open the clause of the act: one that reports it ("France said that ...", "法国表示，
		// ……遭自杀式袭击") is not where it happened
		for k := i + 1; k < trig && k < len(s.u); k++ {
			if s.u[k].phrase >= 0 {
				continue
			}
			if isComma(s.u[k].fold) || s.u[k].is(cThat) {
				return ""
			}
			if _, ok := s.speechAt(k); ok {
				return ""
			}
		}
		return m.Actor.Country
	}
	return ""
}

// agentFor is the source of an agentless passive whose target is phrase tp: a state actor (a sector of
// stateSectors) the sentence names elsewhere in the home country ("X was detained on Sunday, police said"),
// else that country itself, the state: the country where the sentence places the event, else the target's.
// The use of force (CodeSetsFile's force set) has no state agent: the state actor a sentence names beside it reports it ("X was
// killed in Kabul, the government announced"), and the gold codes such killings from the country.
func (d *doc) agentFor(s *sentence, ta, tb, tp, trig int, tgt dyad.EventActor, code string) (dyad.EventActor, bool) {
	cc := d.placeCountry(ta, tb)
	if cc == "" && d.c.sets.has(setForce, code) {
		cc = d.openingCountry(s, tp, trig) // "巴基斯坦卡拉奇……遭自杀式袭击，造成2名中国公民遇难": PAK -> CHN
	}
	if cc == "" {
		cc = tgt.Country
	}
	if cc == "" {
		return dyad.EventActor{}, false
	}
	if d.c.sets.has(setForce, code) {
		return dyad.EventActor{Code: cc, Name: cc, Country: cc}, true
	}
	for _, u := range s.u {
		if u.phrase < 0 || u.phrase == tp {
			continue
		}
		// an actor of the target's own code is no agent of the act against it ("General X was arrested hours
		// after leading soldiers into ...": the soldiers are X's, not who arrested him)
		if a := d.actorOf(u.phrase); stateSectors[a.Sector] && a.Country == cc && a.Code != tgt.Code {
			return a, true
		}
	}
	return dyad.EventActor{Code: cc, Name: cc, Country: cc}, true
}

// placeCountry is the country where the sentence [ta, tb) places its event ("in the south of Niger"), or "". It
// asks d.location once per sentence and keeps its answer in d.loc, d.locCountry and d.locWeak, which callers
// read only after asking it.
func (d *doc) placeCountry(ta, tb int) string {
	if d.locFor != [2]int{ta, tb} {
		d.locFor = [2]int{ta, tb}
		d.loc, d.locCountry, d.locWeak = d.location(ta, tb)
	}
	return d.locCountry
}

// stateSectors are the sectors that act for the state: when one of them is the source of a one-sided event (a
// curfew, a state of emergency, a government resigning), the target is the country's people, not its
// government.
var stateSectors = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// isIGO reports whether a is an international body (a code of CAMEO's IGO class: the UN, the EU, ECOWAS ...).
func isIGO(a dyad.EventActor) bool { return strings.HasPrefix(a.Code, "IGO") }

// actsForState reports whether src may do an act of the state: an actor of a state sector, or a country named
// bare ("Nicaragua heeft de bisschop gevangengezet").
func actsForState(src dyad.EventActor) bool {
	return stateSectors[src.Sector] || src.Sector == "" && src.Country != "" && src.Code == src.Country
}

// homeTarget is the target of a one-sided event, as CAMEO codes domestic events: the government of the
// country where the sentence places it ("in Paris"), else of the source's country; a source that acts for the
// state targets the country itself. It fails when no country is known.
func (d *doc) homeTarget(ta, tb int, src dyad.EventActor) (dyad.EventActor, bool) {
	cc := d.placeCountry(ta, tb)
	if cc == "" {
		cc = src.Country
	}
	if cc == "" {
		return dyad.EventActor{}, false
	}
	if stateSectors[src.Sector] && src.Country == cc {
		return dyad.EventActor{Code: cc, Name: cc, Country: cc}, true
	}
	return dyad.EventActor{Code: cc + "GOV", Name: cc + " government", Country: cc, Sector: "GOV"}, true
}

// contentDateGap is how many tokens after a match a date still dates the act itself ("accused X on Monday of",
// "beschuldigde Y in 2015 van"): one further on lies in its content.
const contentDateGap = 3

// matchEndTok is the last token of a match: of its last unit, or of the actor phrase there.
func (s *sentence) matchEndTok(b binding) int {
	u := s.u[b.hi]
	if u.phrase >= 0 {
		return s.d.phrases[u.phrase].last
	}
	return u.tok
}

// background reports whether an event is history recalled, not news: its own sentence dates it (not
// inferred) more than a year before the year of the article's reference date ("fought a border war in
// 1979" in a 2019 story).
func (d *doc) background(ev dyad.Event) bool {
	if ev.DateInferred || len(ev.Date) < 4 || !d.ref.ok {
		return false
	}
	y, err := strconv.Atoi(string(ev.Date)[:4])
	return err == nil && y < d.ref.t.Year()-1
}

// firingWhy traces a match that was not coded, with the reason.
func (d *doc) firingWhy(sp dyad.Span, cd candidate, ev dyad.Event, why string) Firing {
	f := d.firing(sp, cd, ev.Source.Code, ev.Target.Code, false)
	f.Why += " " + why + ": not coded"
	return f
}

// slotActor is the actor of a slot's phrase, or of the pronoun S stands for.
func (d *doc) slotActor(cd candidate, ph int) dyad.EventActor {
	if ph == -2 {
		return eventActor(cd.b.sRef)
	}
	return d.actorOf(ph)
}

// targetActor is the actor of T's phrase, or of the pronoun T stands for.
func (d *doc) targetActor(cd candidate, ph int) dyad.EventActor {
	if ph == -2 {
		return eventActor(cd.b.tRef)
	}
	return d.actorOf(ph)
}

func (d *doc) actorOf(ph int) dyad.EventActor {
	m := d.ments[d.phrases[ph].head]
	a := eventActor(m.Actor)
	if a.Country == "" && a.Sector != "" && a.Code == a.Sector {
		// a title whose country the actor stage did not give, in a phrase that names a country ("日本驻华大使
		// 金杉宪治"): the title is that country's
		if cc := d.phraseCountry(&d.phrases[ph]); cc != "" {
			a.Country, a.Code, a.ActorID = cc, cc+a.Sector, ""
		}
	}
	if cc := d.partnerCountry(ph); cc != "" {
		a.Country, a.Code, a.ActorID = cc, cc+a.Sector, "" // "Maduro and the country's opposition" (joint.go)
	}
	// "his Spanish and Chilean counterparts": a country adjective coordinated before a noun with a sector
	// shares that noun ("Spanish" counterparts: ESPGOV)
	if l := d.phrases[ph].list; l != nil && l[len(l)-1] != ph && m.Via == "demonym" && m.Actor.Type == dyad.TypeCountry && m.Actor.Country != "" {
		last := d.ments[d.phrases[l[len(l)-1]].head]
		if last.Via == "demonym" && last.Actor.Sector != "" && last.Actor.Type != dyad.TypeCountry {
			a.Sector = last.Actor.Sector
			a.Code = a.Country + a.Sector
			a.ActorID = ""
		}
	}
	// "les forces kirghizes et tadjikes", "militari indiani e cinesi": a country adjective coordinated after a
	// noun with a sector and its own adjective shares that noun ("tadjikes" forces: TJKMIL)
	if l := d.phrases[ph].list; l != nil && l[0] != ph && m.Via == "demonym" && m.Actor.Type == dyad.TypeCountry && m.Actor.Country != "" && len(d.phrases[ph].members) == 1 {
		first := d.ments[d.phrases[l[0]].head]
		if first.Via == "demonym" && first.Actor.Type != dyad.TypeCountry && first.Actor.Sector != "" && first.Actor.Country != "" && first.Actor.Country != a.Country {
			a.Sector = first.Actor.Sector
			a.Code = a.Country + a.Sector
			a.ActorID = ""
		}
	}
	// "泰国和柬埔寨军队", "印度和巴基斯坦两国军队": in a language written without spaces, a country's name
	// coordinated before another country's body (its name glued to a sector noun) shares that noun (THAMIL)
	if l := d.phrases[ph].list; len(l) == 2 && l[0] == ph && m.Actor.Type == dyad.TypeCountry && (m.Via == "name" || m.Via == "alias") &&
		len(d.phrases[ph].members) == 1 && isHan(m.Text) {
		last := d.ments[d.phrases[l[1]].head]
		if last.Via == "genitive" && last.Actor.Type == dyad.TypeGroup && last.Actor.Sector != "" && last.Actor.Country != "" && last.Actor.Country != a.Country && isHan(last.Text) {
			a.Sector = last.Actor.Sector
			a.Code = a.Country + a.Sector
			a.ActorID = ""
		}
	}
	// "the leaders of Britain and France", "lãnh đạo của Anh và Pháp": a country coordinated after a title
	// that ends in its own country shares that title (FRAGOV), where it stands alone in its phrase
	if l := d.phrases[ph].list; l != nil && l[0] != ph && m.Actor.Type == dyad.TypeCountry && (m.Via == "name" || m.Via == "alias") && len(d.phrases[ph].members) == 1 {
		fh := d.phrases[l[0]].head
		first := d.ments[fh]
		if first.Actor.Type != dyad.TypeCountry && first.Actor.Sector != "" && first.Actor.Country != "" && len(d.phrases[l[0]].members) == 1 &&
			(first.Via == "genitive" || first.Via == "demonym") && d.toks[d.mtok[fh][1]].IsCapitalized() {
			a.Sector = first.Actor.Sector
			a.Code = a.Country + a.Sector
			a.ActorID = ""
		}
	}
	return a
}

func eventActor(a dyad.ActorRef) dyad.EventActor {
	return dyad.EventActor{Code: a.Code, Name: a.Name, ActorID: a.ID, Country: a.Country, Sector: a.Sector}
}

func (d *doc) event(sp dyad.Span, ta, tb int, s *sentence, cd candidate, src, tgt int) dyad.Event {
	conf := cd.pt.conf
	if cd.pt.recip {
		conf *= 0.9
	}
	a := d.slotActor(cd, src)
	if src >= 0 {
		if cc := d.actingCountry(ta, tb, cd, src, a); cc != "" {
			a.Country, a.Code, a.ActorID = cc, cc+a.Sector, "" // "Bewaffnete haben in der nigrischen Wüstenstadt Agadez ..."
		}
	}
	return d.eventActors(sp, ta, tb, s, cd, a, d.targetActor(cd, tgt), conf)
}

// actingCountry is, for the source phrase ph of an act of violence of the placed code set (a kidnapping, a
// bombing, a massacre) whose head is an armed group or gang of no state sector that got its country only from
// the sentence's context (a place, the dateline, the article), the country where the sentence places the act, when
// it names one other than that: "Bewaffnete haben in der nigrischen Wüstenstadt Agadez eine Österreicherin
// entführt, wie das Außenministerium in Wien bestätigte" is an act in Niger, by Niger's (coding rule 14). "" when
// none.
func (d *doc) actingCountry(ta, tb int, cd candidate, ph int, a dyad.EventActor) string {
	code := cd.codeOf()
	if !d.c.sets.has(setPlaced, code) || a.Country == "" || a.Sector == "" || stateSectors[a.Sector] {
		return ""
	}
	m := d.ments[d.phrases[ph].head]
	if m.Actor.Type != dyad.TypeGroup {
		return ""
	}
	switch m.Via {
	case "place", "sentence", "dateline", "article":
	default:
		return ""
	}
	cc := d.actPlace(ta, tb)
	if cc == "" {
		// placeCountry refreshes the location, and its weakness, for this sentence first
		if pc := d.placeCountry(ta, tb); !d.locWeak {
			cc = pc
		}
	}
	if cc != a.Country {
		return cc
	}
	return ""
}

// namedGroup reports whether phrase ph, the source src, is a group of no state sector whose country comes with its
// own name (an alias or a name of the dictionary, not the sentence's context).
func (d *doc) namedGroup(ph int, src dyad.EventActor) bool {
	m := d.ments[d.phrases[ph].head]
	return src.Country != "" && src.Sector != "" && !stateSectors[src.Sector] && m.Actor.Type == dyad.TypeGroup && (m.Via == "name" || m.Via == "alias" || m.Via == "genitive")
}

// actPlace is the country of the first place in the tokens [a, b) that a location word leads to, over
// determiners and one other word that is no date: a part of a country ("im Norden Nigerias"), a place of places/*, or a
// country named or told by its adjective ("in der nigrischen Wüstenstadt Agadez", "en la ciudad mexicana de
// Matamoros"); "" when none.
func (d *doc) actPlace(a, b int) string {
	for k := a; k+1 < b; k++ {
		if !d.lg.is(cLoc, d.fold(k)) {
			continue
		}
		j := k + 1
		for j < b-1 && d.lg.is(cDet, d.fold(j)) {
			j++
		}
		if _, cc := d.compassPlace(j, b); cc != "" {
			return cc
		}
		for e := j; e < b && e-j < 2; e++ {
			if d.is(cWeekday|cMonth, e) || countValue(d.fold(e)) >= 0 {
				break // "no sábado 16 norte-americanos": a date, then the victims
			}
			if i := d.mentionAt(e); i >= 0 {
				if m := d.ments[i]; m.Actor.Type == dyad.TypeCountry && m.Actor.Country != "" {
					return m.Actor.Country
				}
				break
			}
			if n, cc := d.placeName(e, b); n > 0 && cc != "" {
				return cc
			}
		}
	}
	return ""
}

func (d *doc) eventActors(sp dyad.Span, ta, tb int, s *sentence, cd candidate, src, tgt dyad.EventActor, conf float64) dyad.Event {
	body := tgt
	if cd.pt.place || !s.commaFreeTarget(cd.b) {
		// a place's government stands for where it happened, and a phrase after a comma ("opened fire on a
		// mosque in Kabul, police said") for no body attacked
		body = dyad.EventActor{}
	}
	code, _ := d.c.cb.Lookup(d.c.sectors.apply(src, body, cd.codeOf()))
	if code.QuadClass == 4 && s.militaryWeapon(cd.b, src) {
		src.Code, src.Sector, src.ActorID = src.Country+"MIL", "MIL", ""
	}
	w := d.eventDate(ta, tb, s.u[cd.b.trig].tok)
	if end := s.matchEndTok(cd.b); d.c.sets.has(setSpoken, cd.codeOf()) && end+contentDateGap < tb && d.background(dyad.Event{Date: dyad.NullString(w.date), DateInferred: w.inferred}) {
		// "houden Rusland aansprakelijk voor het neerhalen van vlucht MH17 ... in 2014": a year well after a
		// spoken act dates the deed it speaks of, not the act; the act takes a date before that, else the lead's
		if v := d.eventDate(ta, end+contentDateGap+1, s.u[cd.b.trig].tok); !d.background(dyad.Event{Date: dyad.NullString(v.date), DateInferred: v.inferred}) {
			w = v
		}
	}
	d.placeCountry(ta, tb) // fills d.loc
	loc := d.loc
	if loc == "" {
		loc = string(d.a.Dateline)
	}
	// where a meeting took place tells a visit from hosting: 042 in the target's country, 043 in the source's,
	// 044 in a third one
	if cd.codeOf() == "040" && d.locCountry != "" && !d.locWeak && src.Country != "" && tgt.Country != "" && src.Country != tgt.Country {
		switch d.locCountry {
		case tgt.Country:
			code, _ = d.c.cb.Lookup("042")
		case src.Country:
			code, _ = d.c.cb.Lookup("043")
		default:
			code, _ = d.c.cb.Lookup("044")
		}
	}
	id := eventID(d.a.ID, sp.Start, code.Code, src.Code, tgt.Code)
	if d.litsAt == nil {
		d.litsAt = map[string][2]int{}
	}
	if cd.pt.origin == "" && len(cd.b.lits) > 0 {
		d.litsAt[id] = [2]int{slices.Min(cd.b.lits), slices.Max(cd.b.lits)}
	}
	ev := dyad.Event{
		ID:            id,
		Date:          dyad.NullString(w.date),
		DatePrecision: w.precision,
		DateInferred:  w.inferred,
		Source:        src,
		Target:        tgt,
		Code:          code.Code,
		Root:          code.Root,
		QuadClass:     code.QuadClass,
		Goldstein:     code.Goldstein,
		Plover:        code.Plover,
		Location:      written(loc),
		Trigger:       d.toks[s.u[cd.b.trig].tok].Start,
		NumMentions:   1,
		NumArticles:   1,
		Languages:     []string{d.lg.code},
		CoderVersion:  dyad.CoderVersion,
	}
	if d.a.Source != "" {
		ev.NumSources = 1
	}
	ev.Mentions = []dyad.EventMention{{
		ArticleID: d.a.ID, Lang: d.lg.code, Source: string(d.a.Source), Sentence: d.a.Text[sp.Start:sp.End],
		Start: sp.Start, End: sp.End, Confidence: conf, Date: w.date, DateInferred: w.inferred,
		Pattern: cd.pt.id, Published: string(d.a.Published),
	}}
	return ev
}

// oursFirst reports whether an event without a named target (one-sided, agentless, at a place) may be kept
// under the rule that our patterns come first: ours mark the pair of countries, and an imported pattern adds
// nothing for a pair ours coded in the sentence ("la CGT paralizó el país con una huelga general" is no
// kidnapping by an imported pattern that reads "general" as military).
func (d *doc) oursFirst(cd candidate, ev dyad.Event, ours map[[2]string]bool) bool {
	up := unorderedPair(ev.Source, ev.Target)
	if cd.pt.origin == "" {
		ours[up] = true
		return true
	}
	return !ours[up]
}

// keepProtest keeps an event without a named target under its own key (source, target country, family) and
// its protestKey, so that neither an event of a pattern that names the target nor another crowd's protest of
// the sentence repeats it.
func (d *doc) keepProtest(res *Result, seen map[string]bool, sp dyad.Span, cd candidate, ev dyad.Event) {
	own, pk := ev.Source.Code+"|"+ev.Target.Country+"|"+tellFamily(ev.Code), protestKey(ev)
	if family(ev.Code) == "14" && ev.Source.Country != "" {
		by := protestBy(ev)
		if seen[by] && (!seen[by+"|"+ev.Source.Code] || !secondProtest(seen, by, ev.Code)) {
			return // another crowd's protest act ("sciopero indetto da Cgil" besides "manifestanti radunati")
		}
		seen[by], seen[by+"|"+ev.Source.Code], seen[by+"|"+ev.Code[:3]] = true, true, true
	}
	if own != pk {
		if seen[own] {
			return
		}
		seen[own] = true
	}
	d.keep(res, seen, pk, sp, cd, ev)
}

// protestKey is the key under which a sentence keeps one event without a named target: one per source,
// target country and family, and for a protest (14) one per source country ("trabajadores,
// agrupaciones de izquierda y gremios bloquearon", "miles de personas marcharon en una protesta convocada por
// el sindicato", "simpatizantes del expresidente X bloquearon": one protest, not one per crowd or person).
func protestKey(ev dyad.Event) string {
	src := ev.Source.Code
	if f := family(ev.Code); f == "14" && ev.Source.Country != "" {
		src = ev.Source.Country + "~group"
	}
	return src + "|" + ev.Target.Country + "|" + tellFamily(ev.Code)
}

// keep adds a one-sided, agentless or place event to res unless the sentence already gave one under key (one
// event per pair of actors and family) or the sentence dates it as background.
func (d *doc) keep(res *Result, seen map[string]bool, key string, sp dyad.Span, cd candidate, ev dyad.Event) {
	if seen[key] {
		return
	}
	seen[key] = true
	if d.background(ev) {
		if d.trace {
			res.Trace = append(res.Trace, d.firingWhy(sp, cd, ev, "background: the sentence dates it "+string(ev.Date)))
		}
		return
	}
	res.Events = append(res.Events, ev)
	if d.trace {
		res.Trace = append(res.Trace, d.firing(sp, cd, ev.Source.Code, ev.Target.Code, false))
	}
}

func eventID(article string, start int, code, src, tgt string) string {
	// "article|start|code|src|tgt", built on the stack
	var buf [160]byte
	b := append(buf[:0], article...)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(start), 10)
	for _, s := range [...]string{code, src, tgt} {
		b = append(b, '|')
		b = append(b, s...)
	}
	h := sha1.Sum(b)
	return hex.EncodeToString(h[:8])
}

func (d *doc) firing(sp dyad.Span, cd candidate, src, tgt string, neg bool) Firing {
	f := Firing{Sentence: sp, Pattern: cd.pt.id, Code: cd.codeOf(), Source: src, Target: tgt, Negated: neg}
	var why []string
	why = append(why, fmt.Sprintf("pattern %q", cd.pt.text))
	if f.Code == NullCode {
		why = append(why, "a null pattern: no event")
	}
	name := func(ph int) string {
		p := d.phrases[ph]
		return d.a.Text[d.toks[p.first].Start:d.toks[p.last].End]
	}
	if cd.b.s >= 0 {
		why = append(why, fmt.Sprintf("S=%q", name(cd.b.s)))
	} else if cd.b.s == -2 {
		why = append(why, fmt.Sprintf("S=pronoun for %q", cd.b.sRef.Name))
	}
	if cd.b.t >= 0 {
		why = append(why, fmt.Sprintf("T=%q", name(cd.b.t)))
	} else if cd.b.t == -2 {
		why = append(why, fmt.Sprintf("T=pronoun for %q", cd.b.tRef.Name))
	} else if cd.b.t == tMutual {
		why = append(why, "T=reciprocal (each side of S's list the other's target)")
	}
	if cd.b.place != "" {
		why = append(why, fmt.Sprintf("L=%q (%s)", d.a.Text[d.toks[cd.b.placeAt[0]].Start:d.toks[cd.b.placeAt[1]].End], cd.b.place))
	}
	if cd.b.r[0] >= 0 {
		why = append(why, fmt.Sprintf("R=%q and %q", name(cd.b.r[0]), name(cd.b.r[1])))
	} else if cd.b.recip {
		why = append(why, "R=both sides (the article's main pair)")
	}
	if neg {
		why = append(why, "negated: not coded")
	}
	f.Why = strings.Join(why, " ")
	return f
}

// mainPair is the article's main pair of actors: the pair of its first event, else its two most-mentioned
// countries. The dateline's mentions (the agency of "新华社日内瓦1月10日电", the place of "（路透社首爾9日電）")
// tell where and by whom the story was filed, not who acts in it, and are not counted.
func (d *doc) mainPair(first *[2]dyad.EventActor) ([2]dyad.EventActor, bool) {
	if first != nil {
		return *first, true
	}
	inDateline := map[int]bool{}
	for pi, p := range d.phrases {
		if d.datelinePhrase(pi) {
			for _, m := range p.members {
				inDateline[m] = true
			}
			for _, m := range p.modifiers {
				inDateline[m] = true
			}
			inDateline[p.head] = true
		}
	}
	count := map[string]int{}
	firstAt := map[string]int{}
	for i, m := range d.ments {
		c := m.Actor.Country
		if c == "" || inDateline[i] {
			continue
		}
		if _, ok := count[c]; !ok {
			firstAt[c] = i
		}
		count[c]++
	}
	var cs []string
	for c := range count {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if count[cs[i]] != count[cs[j]] {
			return count[cs[i]] > count[cs[j]]
		}
		return firstAt[cs[i]] < firstAt[cs[j]]
	})
	if len(cs) < 2 {
		return [2]dyad.EventActor{}, false
	}
	a, b := cs[0], cs[1]
	if firstAt[b] < firstAt[a] {
		a, b = b, a // the first named is the source
	}
	return [2]dyad.EventActor{d.representative(a), d.representative(b)}, true
}

// representative is the actor that stands for a country in reciprocal events: the country itself when it is
// mentioned, else its most-mentioned actor.
func (d *doc) representative(country string) dyad.EventActor {
	n := map[string]int{}
	var best dyad.ActorRef
	bestN := 0
	for _, m := range d.ments {
		a := m.Actor
		if a.Country != country {
			continue
		}
		if a.Type == dyad.TypeCountry {
			return eventActor(a)
		}
		n[a.Code]++
		if n[a.Code] > bestN {
			best, bestN = a, n[a.Code]
		}
	}
	return eventActor(best)
}

// location finds "in Hanoi", "à Pékin", "tại Hà Nội", "在北京" in the tokens [a, b): a location word, maybe a
// determiner, then a place of the gazetteer, a place-like actor mention, or capitalised words that are not a
// person, a month or a weekday. It returns the place as written and its country when known; weak when only
// the finder of SetPlaces knew the place.
func (d *doc) location(a, b int) (string, string, bool) {
	lg := d.lg
	fallback := ""
	for k := a; k+1 < b; k++ {
		if !lg.is(cLoc, d.fold(k)) {
			continue
		}
		inPhrase := d.phraseAt[k] >= 0
		j := k + 1
		for j < b-1 && lg.is(cDet, d.fold(j)) {
			j++
		}
		if name, cc := d.compassPlace(j, b); cc != "" {
			return name, cc, false // "in the north of Mali", "nel sud-ovest del Niger"
		}
		if !d.toks[j].IsCapitalized() && !isHan(d.toks[j].Text) {
			continue
		}
		// the gazetteer, longest name first; a longer name of the whole gazetteer wins ("Santiago de Cuba")
		gn, gcc, gok := 0, "", false
		if d.mentionAt(j) < 0 {
			gn, gcc, gok = d.gazetteerPlace(j, b)
		}
		if n, cc := d.placeName(j, b); n > 0 && !(gok && gn > n) {
			return d.a.Text[d.toks[j].Start:d.toks[j+n-1].End], cc, false
		}
		if i := d.mentionAt(j); i >= 0 {
			m := d.ments[i]
			if m.Actor.Type != dyad.TypePerson && !(inPhrase && m.Actor.Type == dyad.TypeCountry) && m.Actor.Country != "" {
				return m.Text, m.Actor.Country, false
			}
		} else if gok {
			return d.a.Text[d.toks[j].Start:d.toks[j+gn-1].End], gcc, true
		}
		e := j
		for e < b && d.toks[e].IsCapitalized() && !lg.is(cMonth, d.fold(e)) && !lg.is(cWeekday, d.fold(e)) {
			if t := d.mentionType(e); t == dyad.TypePerson || (inPhrase && t == dyad.TypeCountry) {
				break
			}
			e++
		}
		if e > j && fallback == "" {
			if s := d.a.Text[d.toks[j].Start:d.toks[e-1].End]; !strings.ContainsAny(s, "'’") {
				fallback = s
			}
		}
	}
	return fallback, "", false
}

// compassPlace reads a part of a country at token j, before token b: compass words of grammar (and the hyphens
// of "sud-ovest"), a genitive preposition or determiners, then a place of places/*, an actor mention with a
// country that is no person, or a place of the gazetteer (SetPlaces):
// "(in) the north of Mali", "(dans le) nord du Bénin", "(im) Westen des Niger". It returns the place as
// written and its country, or "" when token j starts no such phrase. The genitive may be missing ("in northern
// Mali", "im Norden Malis" is no name of places/*).
func (d *doc) compassPlace(j, b int) (string, string) {
	e := j
	for e < b && e-j < 3 && (d.is(cCompass, e) || e > j && d.toks[e].Text == "-") {
		e++
	}
	if e == j || !d.is(cCompass, e-1) {
		return "", ""
	}
	p := e
	for p < b && p-e < 3 && (d.is(cGenitive|cDet, p)) {
		p++
	}
	if p >= b {
		return "", ""
	}
	if n, cc := d.placeName(p, b); n > 0 && cc != "" {
		return d.a.Text[d.toks[p].Start:d.toks[p+n-1].End], cc
	}
	if i := d.mentionAt(p); i >= 0 {
		if m := d.ments[i]; m.Actor.Type != dyad.TypePerson && m.Actor.Country != "" {
			return m.Text, m.Actor.Country
		}
		return "", ""
	}
	if n, cc, ok := d.gazetteerPlace(p, b); ok && cc != "" {
		return d.a.Text[d.toks[p].Start:d.toks[p+n-1].End], cc
	}
	return "", ""
}

// gazetteerPlace looks up, through the finder of SetPlaces, the place name that starts at token j, before
// token b: the whole name (capitalised words and the short lower-case words between them, "Santiago de
// Cuba", "Bocas del Toro"), else the place it says the rest lies in ("la Plaza Italia de Santiago", "el
// barrio Siloé de Cali": the name after a lower-case word). A part of a name is no place ("San Antonio de
// los Baños" is not San Antonio); a country's name may be part of one ("Santiago de Cuba"). It returns the tokens from j to the place's end and its country.
func (d *doc) gazetteerPlace(j, b int) (int, string, bool) {
	if d.c.placeFn == nil || !d.toks[j].IsCapitalized() {
		return 0, "", false
	}
	ext := nameExtent(d.toks, j, b, func(i int) bool {
		f := d.toks[i].Fold
		t := d.mentionType(i)
		return d.lg.is(cMonth, f) || d.lg.is(cWeekday, f) || d.lg.is(cAnd, f) || i > j && t != "" && t != dyad.TypeCountry
	})
	if j+ext < b && d.toks[j+ext].IsCapitalized() {
		return 0, "", false // the name goes on past a mention ("la Plaza Italia"): a part of it is no place
	}
	prefer := d.mainCountry()
	for k := j; k < j+ext; k++ {
		if k > j && (d.toks[k-1].IsCapitalized() || !d.toks[k].IsCapitalized()) {
			continue // the whole name, then each part after a lower-case word
		}
		var ks []string
		for i := k; i < j+ext; i++ {
			if d.toks[i].IsWord() {
				ks = append(ks, d.toks[i].Fold)
			}
		}
		if cc, ok := d.c.placeFn(strings.Join(ks, " "), prefer); ok {
			return ext, cc, true
		}
	}
	return 0, "", false
}

// placeName returns the length in tokens and the country of the longest name of places/* that starts at
// token j and ends before token b; 0 when none.
func (d *doc) placeName(j, b int) (int, string) {
	pn, pcc := 0, ""
	key := d.keyBuf[:0]
	for n := 1; n <= min(d.c.places.maxLen, b-j); n++ {
		if n > 1 {
			key = append(key, ' ')
		}
		key = append(key, d.plainFold(j+n-1)...)
		if cc, found := d.c.places.names[string(key)]; found {
			pn, pcc = n, cc
		}
	}
	d.keyBuf = key
	return pn, pcc
}

// plainFold is text.Fold of token k's text: its Fold, unless the language keeps diacritics in its keys
// (lang.key), as the gazetteer's names do not.
func (d *doc) plainFold(k int) string {
	if !d.lg.keepMarks {
		return d.toks[k].Fold
	}
	if d.plainFolds == nil {
		d.plainFolds = make([]string, len(d.toks))
		for i, t := range d.toks {
			d.plainFolds[i] = text.Fold(t.Text)
		}
	}
	return d.plainFolds[k]
}

// nameExtent is the number of tokens of the name that starts with the capitalised token j, before token b:
// capitalised words, and up to two short lower-case words (of up to four letters: "de", "del", "los") between
// two of them; stop(i) ends it before token i. It reads at most gazMaxLen+2 tokens.
func nameExtent(toks []text.Token, j, b int, stop func(int) bool) int {
	n := 1
	for i := j + 1; i < b && i-j < gazMaxLen+4; {
		if hyphenJoins(toks, i) {
			i++ // "Port-au-Prince", "Aix-en-Provence": one name across its hyphens
			continue
		}
		if stop(i) || !toks[i].IsWord() {
			break
		}
		if toks[i].IsCapitalized() {
			n = i - j + 1
			i++
			continue
		}
		k := i
		for k < b && k-i < 3 && (hyphenJoins(toks, k) || toks[k].IsWord() && !toks[k].IsCapitalized() && utf8.RuneCountInString(toks[k].Text) <= 4 && !stop(k)) {
			k++
		}
		if k == i || k >= b || !toks[k].IsCapitalized() || stop(k) {
			break
		}
		i = k
	}
	return n
}

// hyphenJoins reports whether token k is a hyphen written tight between two words ("Port-au-Prince"): it
// joins them into one name.
func hyphenJoins(toks []text.Token, k int) bool {
	if k < 1 || k+1 >= len(toks) || toks[k].Text != "-" {
		return false
	}
	p, n := toks[k-1], toks[k+1]
	return p.IsWord() && n.IsWord() && p.End == toks[k].Start && toks[k].End == n.Start
}

// mainCountry is the country the article's mentions name most, "" when none: it breaks ties between places
// of one name ("Córdoba" in a Spanish story).
func (d *doc) mainCountry() string {
	if !d.mainSet {
		d.mainCC, d.mainSet = d.countMainCountry(), true
	}
	return d.mainCC
}

func (d *doc) countMainCountry() string {
	n := map[string]int{}
	best := ""
	for _, m := range d.ments {
		if c := m.Actor.Country; c != "" {
			n[c]++
			if n[c] > n[best] {
				best = c
			}
		}
	}
	return best
}

// written is the location of an event as the text writes it, before the place resolver (geo) looks it up.
func written(loc string) *dyad.Location {
	if loc == "" {
		return nil
	}
	return &dyad.Location{Name: loc}
}

func isHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// mentionAt returns the index of the mention that starts at token k, or -1.
func (d *doc) mentionAt(k int) int {
	i := sort.Search(len(d.mtok), func(i int) bool { return d.mtok[i][1] >= k })
	if i < len(d.mtok) && d.mtok[i][0] == k {
		return i
	}
	return -1
}

// mentionType is the actor type of the mention covering token k, or "".
func (d *doc) mentionType(k int) string {
	i := sort.Search(len(d.mtok), func(i int) bool { return d.mtok[i][1] >= k })
	if i < len(d.mtok) && d.mtok[i][0] >= 0 && d.mtok[i][0] <= k {
		return d.ments[i].Actor.Type
	}
	return ""
}

// family groups the codes that one sentence should not report twice for the same pair: its root, except that
// an announced meeting (036, "will visit") and the meeting itself (04) are one.
func family(code string) string {
	if code == "036" {
		return "04"
	}
	return code[:2]
}

// stateProtest reports whether an event with no target named beside the verb (one-sided, or at a place at
// home: tgt is the place's country, or none) is not coded (ConstraintsFile's drop-one-sided lines): the state
// does not demonstrate, strike or riot against itself ("police arrested 100 people after the march" is no
// march by the police; police "at protesters in Nairobi" hold no protest there).
func (d *doc) stateProtest(src, tgt dyad.EventActor, code string) bool {
	return d.c.constraints.holds(actDropOneSided, dyad.Event{Code: code, Source: src, Target: tgt}, nil)
}

// tellFamily is the family under which one sentence tells an event once for a pair of actors: the root, but
// for coercion (17) the act itself, so that a crackdown told by its acts is that many events ("dispersó con
// gases lacrimógenos a los manifestantes y detuvo a 18 personas": 175 and 173).
func tellFamily(code string) string {
	if f := family(code); f == "17" && len(code) >= 3 {
		return code[:3]
	}
	if strike(code) {
		return "143"
	}
	return family(code)
}

// unorderedPair names the two sides of an event by country (by code when one has none), in either order.
func unorderedPair(a, b dyad.EventActor) [2]string {
	x, y := a.Country, b.Country
	if x == "" {
		x = a.Code
	}
	if y == "" {
		y = b.Code
	}
	if x > y {
		x, y = y, x
	}
	return [2]string{x, y}
}

// countryless reports whether an event actor is a bare sector ("GOV", "MIL"): a provisional title whose
// country neither the sentence nor the dateline gave.
func countryless(a dyad.EventActor) bool {
	return a.Country == "" && len(a.Code) == 3 && a.Code != "IGO"
}

// siteBody returns, for an event with no agent named (H alone), the police, army or intelligence service of the
// place's country that the match names where the blow fell ("a car bomb exploded at the police academy in
// Bogotá", "estalló en la sede de la Brigada 30 del Ejército en Cúcuta"): the target is that body, as the gold
// codes an attack on a security forces' site (COL -> COLCOP), the source still the place's country. A ministry
// or a market named as the site leaves the country as the target.
func (s *sentence) siteBody(cd candidate) (dyad.EventActor, bool) {
	for i := max(cd.b.lo, 0); i <= cd.b.hi && i < len(s.u); i++ {
		ph := s.u[i].phrase
		if ph < 0 || s.u[i].tok >= cd.b.placeAt[0] && s.u[i].tok <= cd.b.placeAt[1] {
			continue
		}
		a := s.d.actorOf(ph)
		if (a.Sector == "COP" || a.Sector == "MIL" || a.Sector == "SPY") && a.Country == cd.b.place {
			return a, true
		}
	}
	return dyad.EventActor{}, false
}
