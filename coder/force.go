package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// Force against a place. News of war and attacks names where the blow fell more often than whom it hit:
// "Russian artillery pounded Kherson", "hombres armados irrumpieron en un canal de televisión en Guayaquil",
// "Bewaffnete haben mehrere Dörfer im Bundesstaat Plateau überfallen", "quân đội Myanmar ném bom xuống một
// buổi lễ ở làng Pazigyi". CAMEO codes the place's country as the target (the country itself when the
// attacker is its own state). Rather than a place pattern beside every force pattern of every language, each of
// our patterns whose code is one of PlaceTargetsFile's has a twin whose T is H, a place at home: the target is
// the country of the place the object names or the sentence puts the event in. H counts one element less than
// T, so where the object is an actor the pattern with T wins.

// PlaceTargetsFile lists the CAMEO code prefixes (one per line, or several separated by |) of events whose
// target may be the country of a place: roots 18, 19 and 20 (assault, fight, mass violence).
const PlaceTargetsFile = "cameo/placetargets"

// loadPlaceTargets reads PlaceTargetsFile.
func loadPlaceTargets(p *packs.Set) ([]string, []error) {
	files, err := p.Files(PlaceTargetsFile)
	if err != nil {
		return nil, []error{err}
	}
	var out []string
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			for _, c := range l.Fields {
				if c = strings.TrimSpace(c); c == "" {
					continue
				}
				if !isCodePrefix(c) {
					errs = append(errs, l.Errorf("want a CAMEO code or prefix of 2 to 4 digits, got %q", c))
					continue
				}
				out = append(out, c)
			}
		}
	}
	return out, errs
}

// placeTwin returns the twin of one of our patterns of a force code (prefixes) whose target is an actor
// phrase: the same pattern with H for T ("S @pound* T" also reads "S @pound* H": "pounded the city of
// Kherson"). It returns nil for other patterns: imported ones, paired codes, patterns with a place already,
// agentless or reciprocal ones, and those whose T must hold a word (T[w]) or lean on a possessive ('s).
func placeTwin(pt *pattern, prefixes []string) *pattern {
	if pt.origin != "" || pt.code2 != "" || pt.place || pt.recip || pt.agentless || pt.oneSided || pt.tSubject || pt.objT {
		return nil
	}
	if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(pt.code, p) }) {
		return nil
	}
	// the object ends the pattern ("S @shell T", "S ..2 attaccato ..8 T"): a T between other words ("S T ..8
	// angegriffen", "S 's T 's facilities") is an actor the words around it describe
	t := len(pt.elems) - 1
	if e := pt.elems[t]; e.kind != kSlot || e.slot != 'T' || e.has != nil {
		return nil
	}
	// a verb with its subject: a noun with its adjective ("S! air_strike on T": "condemned Israeli attacks on
	// Jabalia") is too often the object of another act for a place to stand for its target
	s := slices.IndexFunc(pt.elems, func(e elem) bool { return e.kind == kSlot && e.slot == 'S' })
	if s < 0 || s > pt.anchor || pt.elems[s].tight {
		return nil
	}
	tw := &pattern{code: pt.code, id: pt.id, text: pt.text + " (T: a place)", conf: pt.conf, placeObj: true}
	tw.elems = slices.Clone(pt.elems)
	tw.elems[t] = elem{kind: kSlot, slot: 'H', tight: pt.elems[t].tight, bare: true}
	// the verb, the first word after S, is used as a verb: not "the fighting in Khartoum"
	for i := s + 1; i < t; i++ {
		if e := tw.elems[i]; e.kind == kLit {
			if e.optional {
				return nil
			}
			tw.elems[i].verb = true
			break
		}
	}
	if tw.finish() != nil {
		return nil
	}
	return tw
}

// objectOfAnother reports whether the subject of place twin cd is the target of another match chosen in the
// sentence: in "warplanes struck Houthi targets in Yemen" the Houthis are struck, and "Houthi targets" is no
// verb of theirs.
func objectOfAnother(cd candidate, sel []candidate) bool {
	if !cd.pt.placeObj || cd.b.s < 0 {
		return false
	}
	for _, o := range sel {
		if o.pt != cd.pt && o.b.t == cd.b.s {
			return true
		}
	}
	return false
}

// SectorCodesFile holds the codes an event gets by the sector of its source, whatever the verb: CAMEO tells
// unconventional violence (18: bombings, raids, massacres by gunmen, jihadists, insurgents) from the
// conventional force of armies (19), so "Bewaffnete haben mehrere Dörfer überfallen", "des jihadistes ont
// attaqué une école de gendarmerie", "武装分子袭击...镇" are 180 where the same verbs with an army as subject are
// 190. Lines `SECTOR | FROM>TO ...` (the longest FROM that begins the event's code applies); a key
// `SECTOR>TARGET` maps by the target's sector too and, where it is given, replaces the source's own line
// (`INS>MIL | 19>19`: gunmen attacking a barracks fight the army, 19).
const SectorCodesFile = "cameo/sectorcodes"

// sectorMaps maps a source sector, or a source and a target sector joined by ">", to its code map.
type sectorMaps map[string]codeMap

// loadSectorCodes reads SectorCodesFile.
func loadSectorCodes(p *packs.Set, cb *cameo.Codebook) (sectorMaps, []error) {
	valid := func(k string) bool {
		src, tgt, pair := strings.Cut(k, ">")
		return strings.ToUpper(k) == k && src != "" && (!pair || tgt != "" && !strings.Contains(tgt, ">"))
	}
	m, errs := loadCodeMaps(p, cb, SectorCodesFile, "sector", "want SECTOR | FROM>TO | ... (or SECTOR>TARGET | ...)", valid)
	return sectorMaps(m), errs
}

// apply returns the code an event of code by a source of this sector against tgt gets: by the line of both
// sectors when there is one, else by the source's.
func (sm sectorMaps) apply(src, tgt dyad.EventActor, code string) string {
	if m, ok := sm[src.Sector+">"+tgt.Sector]; ok && tgt.Sector != "" {
		if to, ok := m.apply(code); ok {
			return to
		}
		return code
	}
	if to, ok := sm[src.Sector].apply(code); ok {
		return to
	}
	return code
}

// namePart reports whether the place name at token k ends a longer name: two capitalised words stand right
// before it inside the sentence that starts at token ta ("la base aérea Marco Fidel Suárez" is no place
// Suárez). Only an event that names nobody but the place (H alone) has nothing else to tell it by.
func (d *doc) namePart(ta, k int) bool {
	if k-2 <= ta {
		return false
	}
	return d.toks[k-1].IsCapitalized() && d.toks[k-2].IsCapitalized()
}

// WeaponSet names the word set of a language's verbs files that lists weapons fired or dropped by a state's
// forces ("missile", "misil", "Rakete", "artillery", "warplanes"). A force event whose source is a bare
// country named by an adjective or a genitive of such a weapon ("a Russian missile struck", "un misil ruso
// impactó", "Israeli air strikes pounded") is by that country's military, as CAMEO codes it (RUSMIL).
const WeaponSet = "@weapon"

// maxWeaponLead is the most word units before S that its weapon may stand ("una lluvia de misiles S").
const maxWeaponLead = 4

// militaryWeapon reports whether src, the source of a match b of material conflict, is a bare country whose
// subject noun phrase holds a weapon of WeaponSet: the words right before S's phrase or right after it, up to
// a word of the pattern, another actor, a barrier or a mark.
func (s *sentence) militaryWeapon(b binding, src dyad.EventActor) bool {
	lg := s.d.lg
	if len(lg.weapons) == 0 || src.Country == "" || src.Code != src.Country || src.Sector != "" || b.s < 0 {
		return false
	}
	sp := s.sourceUnit(b)
	if sp < 0 {
		return false
	}
	word := func(p int) bool {
		return p >= 0 && p < len(s.u) && s.u[p].phrase < 0 && !s.barrierAt(p) && !s.nounStop(p)
	}
	// before S, up to maxWeaponLead words, a word of the pattern among them ("@weapon ..3 S impactó": the
	// weapon itself); after S, only a weapon that starts right after it ("Israeli air strikes pounded", read
	// as "S @strike"), not one further on ("attacked by Iran with drones")
	first := sp
	for p := sp - 1; sp-p <= maxWeaponLead && word(p); p-- {
		first = p
	}
	if first < sp && s.tokensHave(s.u[first].tok, s.u[sp].tok-1, lg.weapons) {
		return true
	}
	if !word(sp + 1) {
		return false
	}
	k := s.u[sp+1].tok
	return slices.ContainsFunc(lg.weapons, func(a alt) bool {
		last := k + len(a) - 1 // a weapon of one or more words that starts at k
		return last < len(s.d.toks) && s.tokensHave(k, last, []alt{a})
	})
}
