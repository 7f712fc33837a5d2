package coder

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// Events told by a noun under a light or control verb: "made an unannounced trip to Kyiv", "a entamé une
// visite d'État au Brésil", "fará uma visita de Estado ao Japão", "renovou o seu apelo a Israel", "ha espresso
// il suo cordoglio al Marocco", "ordenó la expulsión de los diplomáticos de", "imposed sanctions on". The verb
// says only that the act was done (made, paid, began, renewed, expressed, imposed, ordered); the noun says
// which act (a visit 042, condolences 018, an appeal 020, sanctions 163). Rather than a pattern for each verb
// and noun of each language, each language's grammar declares:
//
//	noun  | visit | visit~ | trip~ | tour~          the nouns of a class (the class's code: NounActsFile)
//	light | visit | make~ | made | pay~ | begin~    the verbs that perform a noun of that class
//	light | all   | order~ | announce~             control verbs, for every class
//	nprep | visit | to | in                        the prepositions of the noun's complement, the target
//	shape | S ..2 ^LIGHT ..4 NOUN ..5 PREP T       the word order of the construction in the language
//
// and every shape yields, for every class the language has words for, a pattern whose LIGHT, NOUN and PREP
// stand for those words: the verb's subject is the source, the noun's complement the target. The derived
// patterns are patterns like any other (its file:line is the shape's, its text names the class), so the
// mechanisms of the matcher hold for them: a future or an intent frame makes a visit 036 ("will make a trip
// to", "fará uma visita"), a list after the preposition gives one event each ("staatsbezoeken aan Frankrijk,
// Servië en Hongarije"), the verb-second, content, addressee and place twins derive from them, and the noun
// classes of NounsFile refine their code ("renewed its appeal for a ceasefire" 0256).

// NounActsFile holds the code of each class of event nouns: `NAME | CODE`.
const NounActsFile = "cameo/nounacts"

// nounActAll names the light and nprep lines that hold for every class.
const nounActAll = "all"

// The placeholders of a shape.
const (
	phLight = "LIGHT"
	phNoun  = "NOUN"
	phPrep  = "PREP"
)

// loadNounActs reads NounActsFile: the code of each class of event nouns, every code in cb when it is given.
func loadNounActs(p *packs.Set, cb *cameo.Codebook) (map[string]string, []error) {
	acts := map[string]string{}
	files, err := p.Files(NounActsFile)
	if err != nil {
		return acts, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) != 2 || !isName(l.Fields[0]) || l.Fields[0] == nounActAll {
				errs = append(errs, l.Errorf("want NAME | CODE (a name other than %q)", nounActAll))
				continue
			}
			name, code := l.Fields[0], l.Fields[1]
			if !cameo.ValidSyntax(code) {
				errs = append(errs, l.Errorf("noun act %s: %q is no CAMEO code", name, code))
				continue
			}
			if cb != nil {
				if _, ok := cb.Lookup(code); !ok {
					errs = append(errs, l.Errorf("noun act %s: code %s is not in the codebook", name, code))
					continue
				}
			}
			if _, dup := acts[name]; dup {
				errs = append(errs, l.Errorf("noun act %s defined twice", name))
				continue
			}
			acts[name] = code
		}
	}
	return acts, errs
}

// nounShape is one `shape` line of a language's grammar.
type nounShape struct {
	file  string
	n     int
	text  string
	frame string          // the frame its own words tell ("frame=intent": "S @wird ..8 NOUN ... LIGHT")
	only  map[string]bool // the classes it is for ("only=visit/condolence"), nil for every class
}

// addNounActLine records a grammar line `light | NAME | word ...`, `nprep | NAME | word ...` or `shape |
// PATTERN`.
func (lg *lang) addNounActLine(l packs.Line) error {
	kind := l.Fields[0]
	if kind == "shape" {
		if len(l.Fields) < 2 || !strings.Contains(l.Fields[1], phNoun) || !strings.Contains(l.Fields[1], phLight) {
			return errors.New("want shape | PATTERN [| frame=NAME] [| only=CLASS/CLASS], the pattern holding LIGHT and NOUN")
		}
		sh := nounShape{file: l.File, n: l.N, text: l.Fields[1]}
		for _, o := range l.Fields[2:] {
			k, v, _ := strings.Cut(strings.TrimSpace(o), "=")
			switch {
			case k == "frame" && v != "":
				sh.frame = v
			case k == "only" && v != "":
				sh.only = map[string]bool{}
				for _, c := range strings.Split(v, "/") {
					sh.only[c] = true
				}
			default:
				return fmt.Errorf("shape option %q: want frame=NAME or only=CLASS/CLASS", o)
			}
		}
		lg.shapes = append(lg.shapes, sh)
		return nil
	}
	if len(l.Fields) < 3 || !isName(l.Fields[1]) {
		return fmt.Errorf("want %s | NAME | word | word", kind)
	}
	m := &lg.lights
	if kind == "nprep" {
		m = &lg.npreps
	}
	if *m == nil {
		*m = map[string][]alt{}
	}
	name := l.Fields[1]
	if _, seen := (*m)[name]; !seen {
		lg.actUses = append(lg.actUses, nounActUse{name: name, where: fmt.Sprintf("%s:%d", l.File, l.N)})
	}
	for _, e := range l.Fields[2:] {
		if e = strings.Join(strings.Fields(e), "_"); e == "" {
			continue
		}
		a, err := lg.parseAlt(e)
		if err != nil {
			return fmt.Errorf("%s %s: %w", kind, name, err)
		}
		(*m)[name] = append((*m)[name], a)
	}
	return nil
}

// nounActPatterns returns the patterns that the grammar's shapes derive for the classes of acts that have
// nouns and light verbs in the language (and prepositions, where the shape has PREP). sets holds the word sets
// of the verbs files (a shape may use them, "!@fr_nv"); the classes' own sets are added to it.
// A shape with a frame gives the code that frame maps the class's code to in fm ("wird ... eine Reise nach
// China antreten" is 036): its auxiliary is a word of the pattern, which frames do not read.
func (lg *lang) nounActPatterns(acts map[string]string, fm frameMaps, sets map[string][]alt, cb *cameo.Codebook) ([]*pattern, []error) {
	if len(lg.shapes) == 0 || len(acts) == 0 {
		return nil, nil
	}
	names := make([]string, 0, len(acts))
	for n := range acts {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []*pattern
	var errs []error
	for _, name := range names {
		if len(sets[nounSetPrefix+name]) == 0 || len(lg.lights[name])+len(lg.lights[nounActAll]) == 0 {
			continue
		}
		light, prep := "@light-"+name, "@nprep-"+name
		if _, ok := sets[light]; !ok {
			sets[light] = append(append([]alt(nil), lg.lights[name]...), lg.lights[nounActAll]...)
		}
		hasPrep := len(lg.npreps[name])+len(lg.npreps[nounActAll]) > 0
		if _, ok := sets[prep]; !ok && hasPrep {
			sets[prep] = append(append([]alt(nil), lg.npreps[name]...), lg.npreps[nounActAll]...)
		}
		r := strings.NewReplacer(phLight, light, phNoun, nounSetPrefix+name, phPrep, prep)
		for _, sh := range lg.shapes {
			if strings.Contains(sh.text, phPrep) && !hasPrep || sh.only != nil && !sh.only[name] {
				continue
			}
			code, err := fm.shapeCode("shape", sh.file, sh.n, sh.frame, acts[name])
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l := packs.Line{File: sh.file, N: sh.n, Fields: []string{code, r.Replace(sh.text)}}
			pt, err := lg.parsePattern(l, sets, cb)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			pt.text += " (noun act " + name + ")"
			out = append(out, pt)
		}
	}
	return out, errs
}

// addWithTwins adds one of our patterns and the twins derived from it: the verb-second twin, the content and
// addressee twins (each with its verb-second twin), and the place twin of a force pattern.
func (lg *lang) addWithTwins(pt *pattern, placeCodes []string) {
	lg.addPattern(pt)
	inverted := func(p *pattern) {
		if tw := lg.invertedTwin(p); tw != nil {
			lg.addPattern(tw)
		}
	}
	inverted(pt)
	for _, ct := range []*pattern{lg.contentTwin(pt), lg.addresseeTwin(pt)} {
		if ct != nil {
			lg.addPattern(ct)
			inverted(ct)
		}
	}
	if pw := placeTwin(pt, placeCodes); pw != nil {
		lg.addPattern(pw)
		inverted(pw)
	}
}

// nounActUse is a light or nprep class as a grammar line names it.
type nounActUse struct{ name, where string }

func (u nounActUse) class() (name, where string) { return u.name, u.where }

// checkNounActs reports the light and nprep classes of a language's grammar that NounActsFile does not define,
// each with the grammar line that first names it.
func checkNounActs(lg *lang, acts map[string]string) []error {
	has := func(name string) bool { _, ok := acts[name]; return ok || name == nounActAll }
	return undefinedClasses(lg, lg.actUses, has, "class of light or nprep", NounActsFile)
}
