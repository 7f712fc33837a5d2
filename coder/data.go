package coder

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
	"golang.org/x/text/unicode/norm"
)

// Pack file names read by the coder, under each language folder.
const (
	VerbsFile   = "verbs"
	SpeechFile  = "speech"
	GrammarFile = "grammar"
	DatesFile   = "dates"
)

// word classes of the grammar file.
var grammarKinds = map[string]bool{
	"neg": true, "recip": true, "they": true, "and": true, "prep": true, "det": true, "that": true, "he": true,
	"we": true, "barrier": true, "loc": true, "elision": true, "option": true, "it": true, "him": true,
	"rel": true, "hypo": true, "passive": true, "progressive": true, "notneg": true, "between": true, "agent": true, "whole": true, "frame": true, "goal": true, "clitic": true,
	"own": true, "allege": true, "nounend": true, "gerund": true, "genend": true, "nonfinite": true, "background": true, "this": true,
	"circum-open": true, "circum-close": true, "circum-not": true, "attrib": true, "cond-open": true, "clause-open": true,
	"cause-open": true, "cause-close": true,
	"tense": true, "notense": true, "front": true, "noun": true, "genitive": true, "content": true, "addressee": true, "perfect": true,
	"light": true, "nprep": true, "shape": true, "vshape": true,
	"protest": true,
	"subjrel": true, "where": true, "auxiliary": true,
	"mutual": true, "compass": true, "kind": true, "targetnoun": true, "absolute": true,
	"compound": true, "include": true, "from": true, "etc": true, "numeral": true, "causative": true, "many": true,
	"companion": true, "likewise": true, "comitative": true, "abstain": true, "decree": true,
}

// phraseKinds are grammar classes kept as sequences even for one token (matched with seqAt).
var phraseKinds = map[string]bool{"abstain": true, "likewise": true, "many": true, "include": true, "etc": true, "protest": true, "kind": true, "background": true, "sinceend": true, "circum-open": true, "circum-close": true, "circum-not": true, "attrib": true, "cond-open": true, "clause-open": true, "cause-open": true, "cause-close": true, "companion": true}

// word classes of the dates file.
var dateKinds = map[string]bool{"month": true, "weekday": true, "relative": true, "datepart": true, "daycue": true, "noyear": true,
	"yearcue": true, "yearmark": true, "datelead": true, "datetail": true, "datelink": true, "order": true, "since": true, "sinceend": true, "cause": true}

// seq is a sequence of folded tokens, one alternative of a literal.
type seq []string

// lang is everything the coder knows about one language.
type lang struct {
	code     string
	patterns []*pattern
	// anchors (folded token) and stems (folded Snowball stem of word~ tokens) lead from a sentence's word to
	// the anchors it triggers and the element sets (elemIndex) it holds, one lookup for both
	anchors  map[string]*wordEntry
	stems    map[string]*wordEntry
	prefixes map[string][]anchor // folded prefix -> anchors of wildcard tokens
	elems    *elemIndex          // the required words of every pattern, as element sets
	// preStarts holds how the prefixes of prefixes and of elems begin: a word that begins none of them is
	// not looked up by prefix
	preStarts starts
	triggers  map[string]bool // one-word triggers: words that may be the verb of a sentence
	// stemTriggers are one-word triggers written word~, by stem
	stemTriggers map[string]bool
	// hanTriggers are triggers written as several glued ideographs ("谴责", "批评"), one token each:
	// first ideograph -> the whole words
	hanTriggers map[string][]string
	// weakTriggers and weakStemTriggers are the verbs of imported patterns: triggers where they read as
	// verbs (doc.trigger)
	weakTriggers, weakStemTriggers map[string]bool
	stemmer                        *stemmer            // nil for languages without a Snowball stemmer (vi, zh)
	words                          wordCache           // what the coder asks of a token, by its text
	preLens                        []int               // rune lengths of the prefixes in use
	speech                         map[string][]seq    // first folded token -> reporting verb forms
	class                          map[string]uint64   // folded word -> its word classes
	phrases                        map[string][]seq    // multi-token entries of grammar and dates, by kind
	kindSeqs                       [nPhraseKinds][]seq // the phrases of the kinds of phraseKindIDs, by id
	elision                        []string
	noYear                         []string // templates that add the reference year to a date without one: "{year}年{date}"
	dateOrder                      string   // order of day, month and year in numeric dates ("DMY": "9/3" is 9 March); "" the parser's
	hasData                        bool
	hasHypo                        bool     // the grammar lists hypo or allege words: matches after them are hypothetical or alleged
	hasPassive                     bool     // the grammar lists passive auxiliaries: active patterns do not read passive verbs
	progressive                    []string // word endings of a progressive verb ("-ing"), which a passive auxiliary may precede
	// leads holds the first word of every sequence in phrases: a unit whose word is none starts none of them
	// (unit.lead, sentence.phraseAt), so that a list of phrases is tried only where one can begin
	leads map[string]bool
	// pronWritten: the written forms (lower-cased) of one-token pronouns listed with diacritics, by their fold:
	// Spanish "él" folds as the article "el", and a token is that pronoun only when written as listed
	pronWritten map[string][]string
	// lazy holds verbs files parsed on first use (ensure), with the word sets and codebook they need, and
	// the errors they gave (none in a released binary: the third-party layer is checked by the tests)
	lazy     []packs.File
	lazyOnce sync.Once
	lazyErrs []error
	sets     map[string][]alt
	// reversed holds, while patterns load, the reversed alternatives of the word sets used before a trigger
	// (shareReversed)
	reversed map[sliceKey][]alt
	// lits holds the words of the triggers' alternatives (anchor.lit), their text in litText: what candidates
	// tests at a trigger before it reads the pattern (a pattern, its elements, the trigger's alternatives and
	// their words are four objects apart, a cache miss each); litAt finds an alternative already there while
	// patterns load
	lits    []flatTok
	litText []byte
	litAt   map[string]uint32
	// arenas are where compactAlts moved the words of the patterns' alternatives
	arenas []arenaBounds
	// sideIDs counts the names compactPatterns gave the patterns' walking copies (pattern.rightID, leftID)
	sideIDs int32
	cb      *cameo.Codebook
	// keepMarks matches words lower-cased but with their diacritics (option keep-marks), for languages
	// where marks tell words apart (Vietnamese "thăm" visit, "tham" take part).
	keepMarks bool
	// negBefore: negation stands before the verb it negates (option neg-before: Vietnamese, Chinese), so a
	// negation word after a match negates another predicate ("tặng Y vắc xin không kèm điều kiện")
	negBefore bool
	// shortQuote is the most tokens a quotation may hold and still be read through as a word or name quoted for
	// emphasis (option short-quote=N; default 3 words): Chinese and Vietnamese count ideographs and syllables,
	// so "将……列入“实体清单”", 'mở "chiến dịch quân sự đặc biệt"' need more
	shortQuote int
	// nounEnds (grammar `nounend | er | ation ...`): endings of nouns derived from a verb that its Snowball stem
	// keeps ("adviser", "declaration" have the stems of "advise", "declare"): a `^` word is no verb there
	nounEnds []string
	// gerundEnds (grammar `gerund | ing`): endings of a participle that opens a clause after a comma and shares
	// the sentence's subject ("X travelled to Kyiv ..., signing an agreement with T")
	gerundEnds []string
	// commaChain: a comma joins predicates of one subject (option comma-chain: Vietnamese "Nga chỉ trích
	// Ukraine ..., kêu gọi LHQ ..."), so a verb after a comma takes the sentence's subject as after "and"
	commaChain bool
	// clauseChain: in a comma chain, the verb after a comma takes the subject of the last clause before it that
	// opens with one, not the sentence's (option clause-chain, which implies comma-chain: Chinese "X发射导弹，
	// Y随即发表声明，对此予以谴责")
	clauseChain bool
	// verbSecond: the finite verb is the clause's second element (option verb-second: German, Dutch), so an
	// actor phrase governed by a preposition before it ends a fronted phrase and is no subject ("Aan de
	// vooravond van de NAVO-top hebben X en Y overlegd"), and every pattern that opens with its subject and a
	// verb also reads with the subject after the verb (invertedTwin: "Am Dienstag hat X Y getroffen")
	verbSecond bool
	// nounCaps (option noun-caps: German): nouns are written with a capital, so a capitalised word right before
	// an actor phrase (or before its determiner) in the middle of a clause is a noun whose attribute the phrase
	// is ("die Stationierung einer Bundeswehr-Brigade", "die Forderung Putins"): a gap passes over it
	// (sentence.nounGenitive); genEnds (grammar `genend | s`) are the endings of a name in the genitive that
	// stands right after its noun with no determiner
	nounCaps bool
	genEnds  []string
	// numerals (grammar `numeral | 一 | 两 | 数 ...`): the characters a number written in words begins with
	// ("数十名", "两名", "多名"), beside the digits every language has (sentence.numberAt)
	numerals string
	// countMin (option count-min=N): the least number in digits that a pattern's # reads as a count of people
	// many enough for a mass killing ("killed at least 110 farm workers"); 0: no number in digits is one
	// (sentence.countAt; the words of grammar class many are read in any case)
	countMin int
	// objectTarget (option object-target): an imported pattern's last T is the actor of the verb's object,
	// inside its noun phrase or after it over one preposition (pattern.objT; English: "condemned North
	// Korea's launch", "delivered 18 tanks to Ukraine")
	objectTarget bool
	// frames: the words of each frame (grammar `frame | NAME | word ...`): "will", "refused to"
	frames []frameWords
	// frameFirst and frameLast hold the words of frames by their first word (with the frame's name, in the
	// grammar's order) and by their last
	frameFirst map[string][]frameSeq
	frameLast  map[string][]seq
	// tenses: verb endings that tell a tense (grammar `tense | NAME | ending ...`): a synthetic future
	// ("entregará", "enverra") is the intent frame, a conditional ("provocherebbe") hypothetical; notense
	// holds the words that end so and are no such form ("quería" is an imperfect)
	tenses  []tenseEnds
	notense map[string]bool
	// nouns: the words of each noun class (grammar `noun | NAME | word ...`): "rescue team", "ceasefire"
	nouns  []nounWords
	nounIx nounIndex // the words of nouns, by their first token
	// weapons: the word set WeaponSet of the verbs files, whose words in a force event's subject make a bare
	// country its military (militaryWeapon)
	weapons []alt
	// lights, npreps and shapes: the light verbs and the complement prepositions of each class of event
	// nouns, and the word orders that derive patterns from them (grammar `light`, `nprep`, `shape`: nounacts.go)
	lights, npreps map[string][]alt
	actUses        []nounActUse // each light or nprep class where the grammar first names it, for checkNounActs
	shapes         []nounShape
	vshapes        []verbShape       // the clause shapes of the verbs of LexiconFile (grammar `vshape`: lexicon.go)
	actCodes       map[string]string // the classes of NounActsFile and their codes
	// contentCodes: the codes (or prefixes of codes) of speech acts whose target may be named in their
	// content (grammar `content | 016 | 018 ...`): each of our patterns of such a code that ends in its
	// addressee ("S @express* condolences to T") has a twin that finds the target there (contentTwin)
	contentCodes []string
	// auxRaw: forms of an auxiliary written with their accents, lower-cased (grammar `auxiliary`), that fold to
	// a preposition or a determiner: French "a" of the perfect folds as "à"; after "a", a `^` word may be a verb
	// ("a débloqué"), after "à" it may not ("à aider")
	auxRaw map[string]bool
}

// word classes as bits, so that one map lookup answers every class of a word.
const (
	cNeg uint64 = 1 << iota
	cRecip
	cThey
	cAnd
	cPrep
	cDet
	cThat
	cHe
	cWe
	cBarrier
	cLoc
	cMonth
	cWeekday
	cRelative
	cDatepart
	cDaycue
	cIt
	cHim
	cRel
	cHypo
	cYearcue
	cYearmark
	cPassive
	cDatelead
	cBetween
	cAgent
	cWhole
	cGoal
	cClitic
	cOwn
	cAllege
	// cThis: a reference to the previous clause's act as the target ("对此": "X did A, Y对此予以谴责")
	cThis
	// cFront: a preposition that opens a fronted phrase and is no prep of grammar (which glues phrases):
	// "Im Streit **mit** China hat Japan ...": the phrase after it is no subject of a verb-second clause
	cFront
	// cGenitive: a preposition of belonging ("of", "de", "van"), which a list of two sides may repeat before
	// its second member: "the delegations of Armenia and of Azerbaijan", "los negociadores del Gobierno y del ELN"
	cGenitive
	// cAddressee: a word that introduces the addressee or the target of a speech act ("to", "against", "à",
	// "contro"): a content twin drops it with its T (contentTwin)
	cAddressee
	// cPerfect: an auxiliary of the perfect ("hat", "heeft", "a", "ha"), which a second coordinated participle
	// shares with the first: "hat X abgebrochen und Y beschuldigt" (sentence.elidedAux)
	cPerfect
	// cSubjRel: a relative pronoun that may open a subject relative clause without commas after the sentence's
	// subject ("the officers who seized power in Niger urged ...", "les militaires qui ont pris le pouvoir ...
	// ont accusé"): the subject of the verb after the clause is the antecedent (sentence.subjRelAntecedent)
	cSubjRel
	// cWhere: a relative adverb of place ("onde", "donde", "où", "dove") that may open, after a comma, a clause
	// whose subject is the sentence's (sentence.whereClause)
	cWhere
	// cMutual: a reciprocal word or phrase that stands in the object's place for the other side of a subject
	// "A and B" ("each other", "elkaar", "gegenseitig", "mutuamente", "lẫn nhau", "对方"): the act goes each
	// way (sentence.mutualOK)
	cMutual
	// cCompass: a word for a part of a country ("north", "sud-est", "Westen", "centro"): after a location word,
	// "in the north of Mali", "nel sud-ovest del Niger", "im Westen des Niger" place the event in that
	// country (doc.location)
	cCompass
	// cSince: a word that makes a year after it a starting point, not the event's date ("từ năm 2020", "自2020年":
	// "since 2020"); dates file, class since (doc.dateCands)
	cSince
	// cCause: a preposition of the cause or charge of an act ("für", "wegen", "voor", "vanwege"): a year in its
	// noun phrase dates that cause, not the act ("verantwortlich gemacht für den Angriff auf X im Jahr 2015");
	// dates file, class cause (doc.dateCands)
	cCause
	// cTargetNoun: a noun of what an attack strikes ("Ziele", "Stellungen", "doelen", "targets"): a country
	// after it and a loc word is the target, not the place ("Ziele in Syrien angegriffen"; sentence.targetPlace)
	cTargetNoun
	// cAbsolute: a word that opens an absolute clause, its subject and a participle ("with Xi warning
	// Washington"): the participle after that subject is the clause's verb, no reduced relative (reducedRelative)
	cAbsolute
	// cDatetail: a word right after a date that belongs to it ("lundi soir", "lunedì scorso"); dates file,
	// class datetail (sentence.markDates)
	cDatetail
	// cDatelink: a word that joins two dates of a span ("nella notte tra giovedì e venerdì", "dans la nuit de
	// jeudi à vendredi"), part of the date only when another date follows it; dates file, class datelink
	cDatelink
	// cFrom: a preposition of origin ("từ"): the actor phrase a few words after it is where a strike or a
	// launch comes from ("phóng ... tên lửa từ lãnh thổ Iran vào Israel"), which a pattern's gap passes
	// (sentence.origin), as it passes a place
	cFrom
	// cCausative: a verb that leads its object to act ("llevó", "obligó", "levou"): the preposition after that
	// object governs the act's verb, as a frame's last word does ("lo que llevó al Gobierno de Perú a retirar a
	// su embajador"; sentence.causativeEndsAt)
	cCausative
	// cComitative: a preposition of company ("with", "avec", "con", "mit", "met"): after a comma and before a
	// relative word it opens a clause whose act the sentence's subject does with the antecedent ("hat X
	// empfangen, mit dem er ... unterzeichnete"; sentence.commaRelAt)
	cComitative
	// cDecree: a noun of a decision a body adopts ("resolution", "résolution", "Resolution", "resolutie"): the
	// relative clause after it tells the body's act (sentence.decreeClause)
	cDecree
)

var classBits = map[string]uint64{
	"neg": cNeg, "recip": cRecip, "they": cThey, "and": cAnd, "prep": cPrep, "det": cDet, "that": cThat,
	"he": cHe, "we": cWe, "barrier": cBarrier, "loc": cLoc, "month": cMonth, "weekday": cWeekday,
	"relative": cRelative, "datepart": cDatepart, "daycue": cDaycue, "it": cIt, "him": cHim, "rel": cRel,
	"hypo": cHypo, "yearcue": cYearcue, "yearmark": cYearmark, "passive": cPassive, "datelead": cDatelead,
	"between": cBetween, "agent": cAgent, "whole": cWhole, "goal": cGoal, "clitic": cClitic,
	"own": cOwn, "allege": cAllege, "this": cThis, "front": cFront, "genitive": cGenitive, "addressee": cAddressee, "perfect": cPerfect,
	"subjrel": cSubjRel, "where": cWhere, "mutual": cMutual, "compass": cCompass, "since": cSince, "cause": cCause, "targetnoun": cTargetNoun, "causative": cCausative,
	"absolute": cAbsolute, "comitative": cComitative, "decree": cDecree,
	"datetail": cDatetail, "datelink": cDatelink, "from": cFrom,
}

func (lg *lang) is(class uint64, fold string) bool { return lg.class[fold]&class != 0 }

// key is the form of a token that patterns match: folded, or lower-cased for keep-marks languages.
func (lg *lang) key(t text.Token) string {
	if !lg.keepMarks {
		return t.Fold
	}
	return strings.ReplaceAll(norm.NFC.String(strings.ToLower(t.Text)), "’", "'")
}

func newLang(code string) *lang {
	return &lang{code: code, shortQuote: 3, anchors: map[string]*wordEntry{}, prefixes: map[string][]anchor{}, triggers: map[string]bool{},
		stems: map[string]*wordEntry{}, elems: newElemIndex(), stemTriggers: map[string]bool{}, stemmer: newStemmer(code),
		weakTriggers: map[string]bool{}, weakStemTriggers: map[string]bool{},
		speech: map[string][]seq{}, class: map[string]uint64{}, phrases: map[string][]seq{}}
}

// validDateOrder reports whether o holds D, M and Y once each ("DMY", "MDY", "YMD").
func validDateOrder(o string) bool {
	return len(o) == 3 && strings.Count(o, "D") == 1 && strings.Count(o, "M") == 1 && strings.Count(o, "Y") == 1
}

// tokenize folds a data entry into tokens the way sentences are tokenized.
func tokenize(lg *lang, s string) seq {
	if f := text.Fold(s); strings.HasSuffix(f, "'") && !strings.ContainsAny(f, " _") {
		return seq{f} // an elided word: "l'", "n'", "qu'"
	} else if strings.Contains(f, "' ") || strings.HasSuffix(f, "'") {
		// an elided word inside a phrase ("in risposta all'", "avant d'") is one token, as in a sentence
		var out seq
		for _, w := range strings.Fields(s) {
			out = append(out, tokenize(lg, w)...)
		}
		return out
	}
	var out seq
	for _, t := range splitElision(lg, text.Tokens(s)) {
		out = append(out, lg.key(t))
	}
	return out
}

// addWord records a grammar or dates entry: single tokens in words, longer ones in phrases.
func (lg *lang) addWord(kind, entry string) {
	switch kind {
	case "elision":
		lg.elision = append(lg.elision, text.Fold(entry))
		return
	case "noyear":
		lg.noYear = append(lg.noYear, entry)
		return
	case "progressive":
		lg.progressive = append(lg.progressive, text.Fold(entry))
		return
	case "passive":
		lg.hasPassive = true
	}
	sq := tokenize(lg, entry)
	if len(sq) == 0 {
		return
	}
	if kind == "hypo" || kind == "allege" {
		lg.hasHypo = true
	}
	if len(sq) == 1 && !phraseKinds[kind] {
		lg.class[sq[0]] |= classBits[kind]
		lg.dropWords()
		if w := strings.ToLower(strings.TrimSpace(entry)); classBits[kind]&pronounClasses != 0 && w != sq[0] {
			if lg.pronWritten == nil {
				lg.pronWritten = map[string][]string{}
			}
			lg.pronWritten[sq[0]] = append(lg.pronWritten[sq[0]], w)
		}
		return
	}
	lg.phrases[kind] = append(lg.phrases[kind], sq)
	if !lg.leads[sq[0]] {
		if lg.leads == nil {
			lg.leads = map[string]bool{}
		}
		lg.leads[sq[0]] = true
		lg.dropWords() // the word cache holds each word's lead
	}
	if id, ok := phraseKindIDs[kind]; ok {
		lg.kindSeqs[id] = lg.phrases[kind]
	}
}

// phrase kinds that the matcher reads at every word it walks, held in lang.kindSeqs by these ids as well as in
// lang.phrases, so that it reads them without a map look-up
const (
	pkHe = iota
	pkIt
	pkHim
	pkThey
	pkClitic
	pkThis
	pkMutual
	pkNonfinite
	pkCircumOpen
	pkCircumClose
	pkCondOpen
	pkClauseOpen
	pkCauseOpen
	pkCauseClose
	pkRecip
	pkKind
	pkInclude
	pkEtc
	pkMany
	pkCompanion
	nPhraseKinds
)

var phraseKindIDs = map[string]int{"he": pkHe, "it": pkIt, "him": pkHim, "they": pkThey, "clitic": pkClitic, "this": pkThis,
	"mutual": pkMutual, "nonfinite": pkNonfinite, "circum-open": pkCircumOpen, "circum-close": pkCircumClose,
	"cond-open": pkCondOpen, "clause-open": pkClauseOpen, "cause-open": pkCauseOpen, "cause-close": pkCauseClose, "recip": pkRecip, "kind": pkKind, "include": pkInclude, "etc": pkEtc, "many": pkMany, "companion": pkCompanion}

// PlacesGlob names the gazetteer files: places/cities and any other file under places/.
const PlacesGlob = "places/*"

// gazetteer maps folded place names (tokens joined by spaces) to ISO 3166 alpha-3 country codes.
type gazetteer struct {
	names  map[string]string
	maxLen int
}

func loadPlaces(p *packs.Set) (*gazetteer, []error) {
	g := &gazetteer{names: map[string]string{}}
	files, err := p.Glob(PlacesGlob)
	if err != nil {
		return g, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			cc := l.Fields[0]
			if len(cc) != 3 || strings.ToUpper(cc) != cc || len(l.Fields) < 2 {
				errs = append(errs, l.Errorf("want ISO3 | name | name ..., got %q", l.Text))
				continue
			}
			for _, n := range l.Fields[1:] {
				var ks []string
				for _, t := range text.Tokens(n) {
					ks = append(ks, t.Fold)
				}
				if len(ks) == 0 {
					continue
				}
				g.names[strings.Join(ks, " ")] = cc
				g.maxLen = max(g.maxLen, len(ks))
			}
		}
	}
	return g, errs
}

// loadAll reads and validates the coder data of every language in p.
func loadAll(p *packs.Set, cb *cameo.Codebook) (map[string]*lang, []error) {
	return loadAllWith(p, cb, false)
}

// loadAllWith is loadAll; with lazy, the verbs files of the embedded third-party layer are parsed when a
// language is first coded (lang.ensure), not at load: they are large (18,000 Spanish patterns), checked when
// converted and by the packs' tests, and most runs code a few languages.
func loadAllWith(p *packs.Set, cb *cameo.Codebook, lazy bool) (map[string]*lang, []error) {
	// languages load in parallel: each is independent, and the imported ones are large
	codes := p.Langs()
	lgs := make([]*lang, len(codes))
	lerrs := make([][]error, len(codes))
	var wg sync.WaitGroup
	for i, code := range codes {
		wg.Go(func() { lgs[i], lerrs[i] = loadLang(p, cb, code, lazy) })
	}
	wg.Wait()
	langs := map[string]*lang{}
	var errs []error
	for i, code := range codes {
		langs[code] = lgs[i]
		errs = append(errs, lerrs[i]...)
	}
	return langs, errs
}

// loadLang reads and validates the coder data of one language.
func loadLang(p *packs.Set, cb *cameo.Codebook, code string, lazy bool) (*lang, []error) {
	var errs []error
	{
		lg := newLang(code)
		if files, err := p.Files(packs.Join(code, GrammarFile)); err == nil {
			for _, f := range files {
				for l := range f.Lines() {
					if l.Fields[0] == "option" {
						for _, o := range l.Fields[1:] {
							switch o {
							case "keep-marks":
								lg.keepMarks = true
							case "neg-before":
								lg.negBefore = true
							case "comma-chain":
								lg.commaChain = true
							case "clause-chain":
								lg.commaChain, lg.clauseChain = true, true
							case "verb-second":
								lg.verbSecond = true
							case "object-target":
								lg.objectTarget = true
							case "noun-caps":
								lg.nounCaps = true
							default:
								if v, ok := strings.CutPrefix(o, "count-min="); ok {
									if n, err := strconv.Atoi(v); err == nil && n >= 1 {
										lg.countMin = n
										continue
									}
								}
								if v, ok := strings.CutPrefix(o, "short-quote="); ok {
									if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= 12 {
										lg.shortQuote = n
										continue
									}
								}
								errs = append(errs, l.Errorf("unknown option %q (want keep-marks, neg-before, comma-chain, clause-chain, verb-second, noun-caps, object-target, count-min=N (N at least 1) or short-quote=N, N 1 to 12)", o))
							}
						}
					}
				}
			}
		}
		// grammar first: elision affects how everything else is tokenized.
		for _, name := range []string{GrammarFile, DatesFile} {
			kinds := grammarKinds
			if name == DatesFile {
				kinds = dateKinds
			}
			files, err := p.Files(packs.Join(code, name))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, f := range files {
				lg.hasData = true
				for l := range f.Lines() {
					kind := l.Fields[0]
					if kind == "option" && name == GrammarFile {
						continue
					}
					if !kinds[kind] {
						errs = append(errs, l.Errorf("unknown word class %q (want one of %s)", kind, keys(kinds)))
						continue
					}
					if len(l.Fields) < 2 {
						errs = append(errs, l.Errorf("word class %q without entries", kind))
						continue
					}
					if kind == "order" {
						if o := l.Fields[1]; len(l.Fields) != 2 || !validDateOrder(o) {
							errs = append(errs, l.Errorf("order %q: want one order of D, M and Y such as DMY or MDY", strings.Join(l.Fields[1:], " | ")))
						} else {
							lg.dateOrder = o
						}
						continue
					}
					if kind == "auxiliary" && name == GrammarFile {
						for _, e := range l.Fields[1:] {
							if e = norm.NFC.String(strings.ToLower(strings.TrimSpace(e))); e != "" {
								if lg.auxRaw == nil {
									lg.auxRaw = map[string]bool{}
								}
								lg.auxRaw[e] = true
							}
						}
						continue
					}
					if kind == "numeral" && name == GrammarFile {
						for _, e := range l.Fields[1:] {
							lg.numerals += strings.TrimSpace(e)
						}
						continue
					}
					if (kind == "nounend" || kind == "gerund" || kind == "genend") && name == GrammarFile {
						for _, e := range l.Fields[1:] {
							if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
								if kind == "nounend" {
									lg.nounEnds = append(lg.nounEnds, e)
								} else if kind == "genend" {
									lg.genEnds = append(lg.genEnds, e)
								} else {
									lg.gerundEnds = append(lg.gerundEnds, e)
								}
							}
						}
						continue
					}
					if kind == "content" && name == GrammarFile {
						for _, e := range l.Fields[1:] {
							if e = strings.TrimSpace(e); e != "" {
								if !cameo.ValidSyntax(e) {
									errs = append(errs, l.Errorf("content: %q is no CAMEO code or prefix of one", e))
									continue
								}
								lg.contentCodes = append(lg.contentCodes, e)
							}
						}
						continue
					}
					if (kind == "tense" || kind == "notense") && name == GrammarFile {
						if err := lg.addTense(fmt.Sprintf("%s:%d", l.File, l.N), kind, l.Fields); err != nil {
							errs = append(errs, l.Errorf("%v", err))
						}
						continue
					}
					if kind == "frame" && name == GrammarFile {
						if err := lg.addFrame(fmt.Sprintf("%s:%d", l.File, l.N), l.Fields); err != nil {
							errs = append(errs, l.Errorf("%v", err))
						}
						continue
					}
					if kind == "vshape" && name == GrammarFile {
						if err := lg.addVerbShape(l); err != nil {
							errs = append(errs, l.Errorf("%v", err))
						}
						continue
					}
					if (kind == "light" || kind == "nprep" || kind == "shape") && name == GrammarFile {
						if err := lg.addNounActLine(l); err != nil {
							errs = append(errs, l.Errorf("%v", err))
						}
						continue
					}
					if kind == "noun" && name == GrammarFile {
						if err := lg.addNouns(fmt.Sprintf("%s:%d", l.File, l.N), l.Fields); err != nil {
							errs = append(errs, l.Errorf("%v", err))
						}
						continue
					}
					for _, e := range l.Fields[1:] {
						if e != "" {
							lg.addWord(kind, e)
						}
					}
				}
			}
		}
		files, err := p.Files(packs.Join(code, SpeechFile))
		if err != nil {
			errs = append(errs, err)
		}
		for _, f := range files {
			lg.hasData = true
			for l := range f.Lines() {
				for _, e := range l.Fields {
					sq := tokenize(lg, e)
					if len(sq) == 0 {
						continue
					}
					lg.speech[sq[0]] = append(lg.speech[sq[0]], sq)
				}
			}
		}
		files, err = p.Files(packs.Join(code, VerbsFile))
		if err != nil {
			errs = append(errs, err)
		}
		placeCodes, perrs := loadPlaceTargets(p)
		errs = append(errs, perrs...)
		// word sets first, so that a pattern may use a set defined further down; the noun classes of grammar
		// are sets too (@noun-money), so one list of nouns both refines a code and is matched by patterns
		sets := nounSets(lg.nouns)
		if lazy {
			var now []packs.File
			for _, f := range files {
				if strings.HasPrefix(f.Name, ThirdPartyPrefix) {
					lg.lazy = append(lg.lazy, f)
					lg.hasData = true
				} else {
					now = append(now, f)
				}
			}
			files = now
			lg.sets, lg.cb = sets, cb
		}
		for _, f := range files {
			for l := range f.Lines() {
				if strings.HasPrefix(l.Fields[0], "@") {
					if err := lg.parseSet(l, sets); err != nil {
						errs = append(errs, err)
					}
				}
			}
		}
		if w, ok := sets[WeaponSet]; ok {
			lg.weapons = w
		}
		for _, f := range files {
			lg.hasData = true
			for l := range f.Lines() {
				if strings.HasPrefix(l.Fields[0], "@") {
					continue
				}
				pt, err := lg.parsePattern(l, sets, cb)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				lg.addWithTwins(pt, placeCodes)
			}
		}
		// events told by a noun under a light verb: patterns derived from the grammar's shapes, after ours
		// (a hand-written pattern as specific wins the tie)
		acts, aerrs := loadNounActs(p, cb)
		errs = append(errs, aerrs...)
		errs = append(errs, checkNounActs(lg, acts)...)
		lg.actCodes = acts
		fm, _ := loadFrames(p, cb) // its errors are New's and the checker's to report
		nps, nerrs := lg.nounActPatterns(acts, fm, sets, cb)
		errs = append(errs, nerrs...)
		for _, pt := range nps {
			lg.addWithTwins(pt, placeCodes)
		}
		// verbs of the lexicon in the grammar's clause shapes (lexicon.go), after ours as well
		lps, lerrs := lg.lexiconPatterns(p, fm, sets, cb)
		errs = append(errs, lerrs...)
		for _, pt := range lps {
			lg.addWithTwins(pt, placeCodes)
		}
		for n := range lg.prefixLens() {
			lg.preLens = append(lg.preLens, n)
		}
		lg.reversed = nil
		lg.compactAlts(0)
		lg.compactPatterns(0)
		return lg, errs
	}
}

// ThirdPartyPrefix starts the names of the embedded third-party layer's files.
const ThirdPartyPrefix = "packs/thirdparty/"

// ensure parses the verbs files left for later (loadAllWith lazy), once; it is safe for concurrent use, and
// what it adds is only read after it returns.
func (lg *lang) ensure() {
	if lg.lazy == nil {
		return
	}
	lg.lazyOnce.Do(func() {
		eager := len(lg.patterns)
		for _, f := range lg.lazy {
			for l := range f.Lines() {
				if strings.HasPrefix(l.Fields[0], "@") {
					if err := lg.parseSet(l, lg.sets); err != nil {
						lg.lazyErrs = append(lg.lazyErrs, err)
					}
				}
			}
		}
		for _, f := range lg.lazy {
			for l := range f.Lines() {
				if strings.HasPrefix(l.Fields[0], "@") {
					continue
				}
				pt, err := lg.parsePattern(l, lg.sets, lg.cb)
				if err != nil {
					lg.lazyErrs = append(lg.lazyErrs, err)
					continue
				}
				lg.addPattern(pt)
			}
		}
		lg.preLens = lg.preLens[:0]
		for n := range lg.prefixLens() {
			lg.preLens = append(lg.preLens, n)
		}
		lg.sets = nil
		lg.reversed = nil
		lg.compactAlts(eager)
		lg.compactPatterns(eager)
		lg.elems.byKey = nil // the sets' canonical keys: needed only while patterns are added
	})
}

// trigger reports whether token k may be the verb of a sentence: a one-word trigger next to a slot in some
// pattern, written out or as word~.
func (d *doc) trigger(k int) bool {
	lg := d.lg
	f := d.toks[k].Fold
	if lg.triggers[f] {
		return true
	}
	if len(lg.stemTriggers) > 0 && lg.stemTriggers[d.stemTok(k)] {
		return true
	}
	// an imported verb is one when it reads as a verb: lower case, not after a determiner, a preposition
	// or a comma ("the attack", "of state", "X, head of ...")
	if len(lg.weakTriggers) == 0 && len(lg.weakStemTriggers) == 0 {
		return false
	}
	if !lg.weakTriggers[f] && !(len(lg.weakStemTriggers) > 0 && lg.weakStemTriggers[d.stemTok(k)]) {
		return false
	}
	if d.toks[k].IsCapitalized() {
		return false
	}
	if k > 0 {
		if p := d.toks[k-1].Fold; p == "," || lg.is(cDet|cPrep, p) {
			return false
		}
	}
	return true
}

func (lg *lang) prefixLens() map[int]bool {
	m := map[int]bool{}
	for p := range lg.prefixes {
		m[utf8.RuneCountInString(p)] = true
	}
	return m
}

func keys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return strings.Join(ks, ", ")
}

// parseSet reads "@name = form form form" (forms separated by spaces; a form of several words joins them with _).
func (lg *lang) parseSet(l packs.Line, sets map[string][]alt) error {
	if len(l.Fields) != 1 {
		return l.Errorf("a word set is one field: @name = form form ...")
	}
	name, forms, ok := strings.Cut(l.Fields[0], "=")
	name = strings.TrimSpace(name)
	if !ok || len(name) < 2 || !isName(name[1:]) {
		return l.Errorf("bad word set %q: want @name = form form ...", l.Fields[0])
	}
	if _, dup := sets[name]; dup {
		return l.Errorf("word set %s defined twice", name)
	}
	var alts []alt
	for _, f := range strings.Fields(forms) {
		a, err := lg.parseAlt(f)
		if err != nil {
			return l.Errorf("word set %s: %w", name, err)
		}
		alts = append(alts, a)
	}
	if len(alts) == 0 {
		return l.Errorf("word set %s is empty", name)
	}
	sets[name] = alts
	return nil
}

func isName(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' {
			return false
		}
	}
	return s != ""
}

// parseAlt reads one alternative: words joined by _, each possibly ending in * (a prefix) or ~ (any form with
// the same Snowball stem).
func (lg *lang) parseAlt(s string) (alt, error) {
	var a alt
	for _, w := range strings.Split(s, "_") {
		if w == "" {
			return nil, fmt.Errorf("empty word in %q", s)
		}
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimSuffix(w, "*")
		stem := !prefix && strings.HasSuffix(w, "~")
		w = strings.TrimSuffix(w, "~")
		if strings.ContainsAny(w, "*()/@~") {
			return nil, fmt.Errorf("bad word %q", s)
		}
		sq := tokenize(lg, w)
		if len(sq) == 0 {
			return nil, fmt.Errorf("word %q has no letters", s)
		}
		if stem && lg.stemmer == nil {
			return nil, fmt.Errorf("%s~: language %q has no stemmer (its words do not inflect: list the forms, or use word*)", w, lg.code)
		}
		for i, t := range sq {
			tm := tokMatch{text: t}
			if prefix && i == len(sq)-1 {
				if utf8.RuneCountInString(t) < 3 {
					return nil, fmt.Errorf("stem %q is shorter than 3 letters", w)
				}
				tm.prefix = true
			}
			if stem && i == len(sq)-1 {
				toks := splitElision(lg, text.Tokens(w))
				tm.text, tm.stem = lg.stemmer.stem(toks[len(toks)-1].Text), true
				if tm.text == "" {
					return nil, fmt.Errorf("%s~ has an empty stem", w)
				}
			}
			a = append(a, tm)
		}
	}
	return a, nil
}

// NullCode is the code of a pattern that codes nothing: when it is the most specific match, the words it
// matched give no event (PETRARCH's [---]: "X fired the coach" is no attack).
const NullCode = "---"

// parsePattern reads "code | pattern [| confidence [| origin]]". The code may be a pair "A:B": the event
// source→target has code A and target→source code B (PETRARCH's paired codes); either may be NullCode.
func (lg *lang) parsePattern(l packs.Line, sets map[string][]alt, cb *cameo.Codebook) (*pattern, error) {
	if len(l.Fields) < 2 || len(l.Fields) > 4 {
		return nil, l.Errorf("want code | pattern [| confidence [| origin]], got %d fields", len(l.Fields))
	}
	// "041+": an event told by a circumstance (a phone call, talks, a visit) that the sentence's act happened in,
	// kept beside that act for the same pair (pattern.beside)
	head, beside := strings.CutSuffix(l.Fields[0], "+")
	code, code2, paired := strings.Cut(head, ":")
	codes := []string{code}
	if paired {
		codes = append(codes, code2)
	}
	for _, c := range codes {
		if c == NullCode {
			continue
		}
		if cb != nil {
			if _, ok := cb.Lookup(c); !ok {
				return nil, l.Errorf("unknown CAMEO code %q", c)
			}
		} else if !cameo.ValidSyntax(c) {
			return nil, l.Errorf("bad CAMEO code %q", c)
		}
	}
	pt := &pattern{code: code, code2: code2, id: fmt.Sprintf("%s:%d", l.File, l.N), text: l.Fields[1], conf: 0.9, beside: beside}
	if len(l.Fields) >= 3 && l.Fields[2] != "" {
		c, err := strconv.ParseFloat(l.Fields[2], 64)
		if err != nil || c <= 0 || c > 1 {
			return nil, l.Errorf("confidence %q must be a number in (0, 1]", l.Fields[2])
		}
		pt.conf = c
	}
	if len(l.Fields) == 4 {
		if l.Fields[3] == "" {
			return nil, l.Errorf("empty origin")
		}
		pt.origin = l.Fields[3]
		pt.id += " (" + pt.origin + ")"
	}
	words := strings.Fields(l.Fields[1])
	pt.elems = make([]elem, 0, len(words)) // kept for the process's life: no room to spare
	for _, w := range words {
		e, err := lg.parseElem(w, sets)
		if err != nil {
			return nil, l.Errorf("%w", err)
		}
		pt.elems = append(pt.elems, e)
	}
	if err := pt.finish(); err != nil {
		return nil, l.Errorf("%w", err)
	}
	return pt, nil
}

func (lg *lang) parseElem(w string, sets map[string][]alt) (elem, error) {
	var e elem
	if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") && len(w) > 2 {
		e, err := lg.parseElem(w[1:len(w)-1], sets)
		if err != nil {
			return e, err
		}
		if e.kind != kLit {
			return e, fmt.Errorf("only words can be optional: %q", w)
		}
		e.optional = true
		return e, nil
	}
	if k := strings.IndexByte(w, '['); k > 0 && strings.HasSuffix(w, "]") && (w[:k] == "S" || w[:k] == "T" || w[:k] == "S!" || w[:k] == "T!" || w[:k] == "O") {
		// S[w/w], T[w/w], O[w/w]: the actor phrase must hold one of these words
		inner := w[k+1 : len(w)-1]
		if inner == "" {
			return e, fmt.Errorf("empty word list in %q", w)
		}
		e, err := lg.parseElem(w[:k], sets)
		if err != nil {
			return e, err
		}
		in, err := lg.parseElem(inner, sets)
		if err != nil {
			return e, err
		}
		if in.kind != kLit {
			return e, fmt.Errorf("only words can stand in a slot's brackets: %q", w)
		}
		e.has = in.alts
		return e, nil
	}
	if k := strings.IndexByte(w, '{'); k > 0 && strings.HasSuffix(w, "}") && (w[:k] == "S" || w[:k] == "T" || w[:k] == "S!" || w[:k] == "T!") {
		// S{COP/MIL}: the slot's actor must be of one of these sectors ("police fired tear gas": the state's force)
		e, err := lg.parseElem(w[:k], sets)
		if err != nil {
			return e, err
		}
		for _, sec := range strings.Split(w[k+1:len(w)-1], "/") {
			if sec == "" || strings.ToUpper(sec) != sec || strings.Trim(sec, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				return e, fmt.Errorf("want sector codes in capitals between braces (S{COP/MIL}), got %q", w)
			}
			e.sectors = append(e.sectors, sec)
		}
		return e, nil
	}
	switch {
	case w == "S" || w == "T" || w == "R" || w == "L" || w == "H" || w == "O" || w == "C" || w == "P" || w == "S!" || w == "T!" || w == "R!":
		e.kind = kSlot
		e.slot = w[0]
		e.tight = len(w) == 2
		return e, nil
	case strings.HasPrefix(w, "^") && len(w) > 1:
		e, err := lg.parseElem(w[1:], sets)
		if err != nil {
			return e, err
		}
		if e.kind != kLit || e.optional {
			return e, fmt.Errorf("only words can follow ^: %q", w)
		}
		e.verb = true
		return e, nil
	case strings.HasPrefix(w, "!") && len(w) > 1:
		e, err := lg.parseElem(w[1:], sets)
		if err != nil {
			return e, err
		}
		if e.kind != kLit || e.optional {
			return e, fmt.Errorf("only words can follow !: %q", w)
		}
		e.kind = kNot
		return e, nil
	case w == "#" || strings.HasPrefix(w, "#") && len(w) > 1:
		// #N: a count of at least N in digits, for this element (a mass expulsion is thousands, not 60 diplomats)
		e.kind = kCount
		if len(w) > 1 {
			n, err := strconv.Atoi(w[1:])
			if err != nil || n < 1 {
				return e, fmt.Errorf("bad count %q: want # or #N with N at least 1", w)
			}
			e.max = n
		}
		return e, nil
	case w == "...":
		e.kind = kGap
		e.max = defaultGap
		return e, nil
	case strings.HasPrefix(w, "..") && len(w) > 2:
		n, err := strconv.Atoi(w[2:])
		if err != nil || n < 1 || n > 20 {
			return e, fmt.Errorf("bad gap %q: want ... or ..N with N in 1-20", w)
		}
		e.kind = kGap
		e.max = n
		return e, nil
	}
	e.kind = kLit
	parts := strings.Split(w, "/")
	for _, part := range parts {
		if strings.HasPrefix(part, "^") {
			// "^a/^b" read the second word as "^b", which no token is: ^ marks the whole element ("^a/b")
			return e, fmt.Errorf("bad word %q: ^ stands once, before the first alternative (^a/b)", part)
		}
		if strings.HasPrefix(part, "@") {
			alts, ok := sets[strings.TrimSuffix(part, "*")]
			if !ok {
				return e, fmt.Errorf("undefined word set %s", part)
			}
			if len(parts) == 1 {
				e.alts = alts[:len(alts):len(alts)] // the set alone: shared, not copied (it is only read)
				continue
			}
			e.alts = append(e.alts, alts...)
			continue
		}
		a, err := lg.parseAlt(part)
		if err != nil {
			return e, err
		}
		e.alts = append(e.alts, a)
	}
	return e, nil
}

func (lg *lang) addPattern(pt *pattern) {
	lg.dropWords()
	idx := len(lg.patterns)
	lg.patterns = append(lg.patterns, pt)
	lg.shareReversed(pt)
	for i, e := range pt.elems {
		if e.kind != kLit || e.optional || e.poss || i == pt.anchor {
			continue // the trigger is found through the anchors; the possessive 's may match no word
		}
		id := lg.require(e.alts)
		switch {
		case id < 0:
		case i < pt.anchor:
			pt.reqBefore = append(pt.reqBefore, id)
		case pt.origin == "" && i+1 < len(pt.elems) && pt.elems[i+1].kind == kSlot && pt.elems[i+1].slot == 'T' && pt.elems[i+1].has == nil:
			// the word before T may be read at the preposition that opens a relative clause before the
			// trigger ("com quem assinou um acordo": sentence.walkRelPrep): on either side
			pt.reqAny = append(pt.reqAny, id)
		default:
			pt.reqAfter = append(pt.reqAfter, id)
		}
	}
	var need wordMask
	for _, group := range pt.need {
		if len(group) == 1 {
			need.add(group[0])
		}
	}
	for _, a := range pt.elems[pt.anchor].alts {
		// index the longest token of the alternative: "a meeting" is found through "meeting"
		off := 0
		for k, t := range a {
			if len(t.text) > len(a[off].text) {
				off = k
			}
		}
		an := anchor{pat: int32(idx), lit: lg.flatLit(a), nlit: uint8(len(a)), off: uint8(off), verb: pt.elems[pt.anchor].verb, need: need}
		lg.elems.setKey(&an, pt)
		switch {
		case a[off].stem:
			e := entryOf(lg.stems, a[off].text)
			e.anchors = append(e.anchors, an)
		case a[off].prefix:
			lg.prefixes[a[off].text] = append(lg.prefixes[a[off].text], an)
			lg.preStarts.add(a[off].text)
		default:
			e := entryOf(lg.anchors, a[off].text)
			e.anchors = append(e.anchors, an)
		}
	}
	// words next to a slot are verb-like ("ontmoette S T", "S met T"): no actor phrase runs across them.
	// Imported patterns add only their verbs (^), as weak triggers: their verb sets hold nouns too ("head",
	// "state", "aid"), which must not cut appositions such as "X, head of the commission" (doc.trigger).
	if pt.origin != "" {
		for _, e := range pt.elems {
			if e.kind != kLit || !e.verb {
				continue
			}
			for _, a := range e.alts {
				if len(a) == 1 && !a[0].prefix && hasLetter(a[0].text) && lg.class[a[0].text]&(cPrep|cDet|cAnd|cLoc|cThat) == 0 {
					if a[0].stem {
						lg.weakStemTriggers[a[0].text] = true
					} else {
						lg.weakTriggers[a[0].text] = true
					}
				}
			}
		}
		return
	}
	for i, e := range pt.elems {
		if e.kind != kLit || e.optional {
			continue
		}
		slotAt := func(k, dir int) bool { // a slot at k, or just beyond a gap or a look-ahead at k ("S ..2 reconocieron", "S ..2 !@es_nv reconocieron")
			for k >= 0 && k < len(pt.elems) && (pt.elems[k].kind == kGap || pt.elems[k].kind == kNot) {
				k += dir
			}
			return k >= 0 && k < len(pt.elems) && pt.elems[k].kind == kSlot
		}
		nextToSlot := slotAt(i-1, -1) || slotAt(i+1, 1)
		if !nextToSlot {
			continue
		}
		// the verb right after the source ("S ..6 谴责 T"), not a word after the target ("召见 T ..4 大使")
		afterS := false
		if k := i - 1; k >= 0 {
			if pt.elems[k].kind == kGap {
				k--
			}
			afterS = k >= 0 && pt.elems[k].kind == kSlot && pt.elems[k].slot == 'S'
		}
		for _, a := range e.alts {
			if len(a) == 1 && !a[0].prefix && hasLetter(a[0].text) && lg.class[a[0].text]&(cPrep|cDet|cAnd|cLoc|cThat) == 0 {
				if a[0].stem {
					lg.stemTriggers[a[0].text] = true
				} else {
					lg.triggers[a[0].text] = true
				}
			}
			if w, ok := hanWord(a); ok && afterS {
				if lg.hanTriggers == nil {
					lg.hanTriggers = map[string][]string{}
				}
				if first := a[0].text; !slices.Contains(lg.hanTriggers[first], w) {
					lg.hanTriggers[first] = append(lg.hanTriggers[first], w)
				}
			}
		}
	}
}

// hanWord returns the word an alternative of several single ideographs spells ("谴责"), if it is one.
func hanWord(a alt) (string, bool) {
	if len(a) < 2 {
		return "", false
	}
	var b strings.Builder
	for _, t := range a {
		if t.prefix || t.stem || utf8.RuneCountInString(t.text) != 1 || !isHan(t.text) {
			return "", false
		}
		b.WriteString(t.text)
	}
	return b.String(), true
}

// hanTrigger reports whether a trigger of several glued ideographs starts at token k ("谴责", "譴責").
func (d *doc) hanTrigger(k int) bool {
next:
	for _, w := range d.lg.hanTriggers[d.toks[k].Fold] {
		q := k
		for _, r := range w {
			if q >= len(d.toks) || q > k && d.toks[q].Start != d.toks[q-1].End || d.toks[q].Fold != string(r) {
				continue next
			}
			q++
		}
		return true
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shareReversed makes the patterns that use one word set before their trigger share one reversed copy of its
// alternatives. pattern.finish reverses the multi-word alternatives of each element left of the trigger for
// the walk leftwards, one copy a pattern; the elements of all the patterns that use a synonym set (hundreds,
// in the imported layer) share the set's slice, so its reversed copy is the same for all of them. The copy is
// read only. lang.reversed is needed only while the patterns load.
func (lg *lang) shareReversed(pt *pattern) {
	for j := range pt.left {
		d := &pt.left[j]
		if len(d.alts) == 0 || len(d.dalts) != len(d.alts) || &d.dalts[0] == &d.alts[0] {
			continue // nothing reversed: the element walks its own alternatives
		}
		k := sliceKey{&d.alts[0], len(d.alts)}
		if r, ok := lg.reversed[k]; ok {
			d.dalts = r
			continue
		}
		if lg.reversed == nil {
			lg.reversed = map[sliceKey][]alt{}
		}
		lg.reversed[k] = d.dalts
	}
}
