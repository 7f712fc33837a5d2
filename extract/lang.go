package extract

import (
	"errors"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/packs"
)

// langSample is how many runes of an article language identification reads.
const langSample = 1000

// langID identifies the language of a text among the languages of the packs. It first looks at the script
// (a language alone in its script needs no more), then counts the stop words of <lang>/stopwords, and asks
// lingua only when the stop words do not decide (short or mixed texts).
type langID struct {
	langs   []string                       // packs languages, sorted
	script  map[string]*unicode.RangeTable // language -> its script
	words   map[string][]int               // folded stop word -> indexes into langs
	scripts []*unicode.RangeTable          // distinct scripts in use
	backup  detector                       // lingua, or nil (under two known languages, or -tags nolingua)
}

// loadLangID reads <lang>/stopwords for every pack language. A stopwords file holds stop words separated by
// '|' and one line "script | NAME" naming the language's Unicode script (Latin, Han, Cyrillic ...).
func loadLangID(s *packs.Set, withLingua bool) (*langID, []error) {
	id := &langID{langs: s.Langs(), script: map[string]*unicode.RangeTable{}, words: map[string][]int{}}
	var errs []error
	seenScript := map[*unicode.RangeTable]bool{}
	for i, lang := range id.langs {
		files, err := s.Files(packs.Join(lang, "stopwords"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			for l := range f.Lines() {
				if l.Fields[0] == "script" {
					if len(l.Fields) != 2 || unicode.Scripts[l.Fields[1]] == nil {
						errs = append(errs, l.Errorf("want script | NAME with a Unicode script name (Latin, Han, Cyrillic ...)"))
						continue
					}
					id.script[lang] = unicode.Scripts[l.Fields[1]]
					continue
				}
				for _, w := range l.Fields {
					if w == "" {
						errs = append(errs, l.Errorf("empty word"))
						continue
					}
					k := fold(w)
					if k != w && strings.ToLower(w) != w {
						errs = append(errs, l.Errorf("write stop word %q in lower case", w))
						continue
					}
					if !containsInt(id.words[k], i) {
						id.words[k] = append(id.words[k], i)
					}
				}
			}
		}
		if len(files) > 0 && id.script[lang] == nil {
			errs = append(errs, &packs.Error{File: files[0].Name, Err: errors.New(`no "script | NAME" line`)})
		}
		if t := id.script[lang]; t != nil && !seenScript[t] {
			seenScript[t] = true
			id.scripts = append(id.scripts, t)
		}
	}
	if withLingua {
		id.backup = newBackup(id.langs)
	}
	return id, errs
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Thresholds of the stop-word vote, measured on the seeds and the fixtures (see lang_test.go).
const (
	minStopTokens = 12   // fewer words than this: ask lingua
	minStopShare  = 0.12 // stop words of the best language per word
	minStopMargin = 2.0  // best language's score over the runner-up's
)

// detect returns the language of s (ISO 639-1, "und" when unknown) and a confidence in [0, 1].
func (id *langID) detect(s string) (string, float64) {
	if len(id.langs) == 0 {
		return "und", 0
	}
	sample := s
	if n := 0; len(s) > langSample {
		for i := range s {
			if n == langSample {
				sample = s[:i]
				break
			}
			n++
		}
	}
	cands, share := id.byScript(sample)
	if len(cands) == 1 {
		return id.langs[cands[0]], share
	}
	lang, conf, sure := id.stopVote(sample, cands)
	if sure || (id.backup == nil && lang != "") {
		return lang, conf
	}
	return id.ask(sample, cands)
}

// byScript returns the languages written in the sample's main script, and the share of its letters in it.
func (id *langID) byScript(sample string) ([]int, float64) {
	if len(id.scripts) < 2 {
		return nil, 0
	}
	counts := make([]int, len(id.scripts))
	letters := 0
	for _, r := range sample {
		if r < 0x80 {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				letters++
				counts[id.latin()]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for i, t := range id.scripts {
			if unicode.Is(t, r) {
				counts[i]++
				break
			}
		}
	}
	if letters == 0 {
		return nil, 0
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	share := float64(counts[best]) / float64(letters)
	if share < 0.5 {
		return nil, 0
	}
	var out []int
	for i, lang := range id.langs {
		if id.script[lang] == id.scripts[best] {
			out = append(out, i)
		}
	}
	return out, share
}

// latin returns the index of the Latin script in id.scripts (-1 never happens for ASCII letters when a
// language uses Latin; otherwise ASCII letters count for the first script, which does not matter).
func (id *langID) latin() int {
	for i, t := range id.scripts {
		if t == unicode.Latin {
			return i
		}
	}
	return 0
}

// stopVote counts stop words among the candidate languages (all when cands is empty). A word shared by k
// languages gives each 1/k. It returns the best language, a confidence, and whether the vote is sure:
// enough words, enough stop words, and a clear margin over the runner-up.
func (id *langID) stopVote(sample string, cands []int) (string, float64, bool) {
	scores := make([]float64, len(id.langs))
	tokens := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := sample[start:end]
		start = -1
		tokens++
		ls := id.words[fold(w)]
		for _, i := range ls {
			scores[i] += 1 / float64(len(ls))
		}
	}
	for i, r := range sample {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(sample))
	if len(cands) > 0 {
		keep := make([]float64, len(scores))
		for _, c := range cands {
			keep[c] = scores[c]
		}
		scores = keep
	}
	best, second := -1, -1
	for i := range scores {
		switch {
		case best < 0 || scores[i] > scores[best]:
			best, second = i, best
		case second < 0 || scores[i] > scores[second]:
			second = i
		}
	}
	if best < 0 || scores[best] == 0 {
		return "", 0, false
	}
	var sec float64
	if second >= 0 {
		sec = scores[second]
	}
	conf := scores[best] / (scores[best] + sec)
	sure := tokens >= minStopTokens && scores[best]/float64(tokens) >= minStopShare &&
		(sec == 0 || scores[best]/sec >= minStopMargin)
	if !sure {
		conf /= 2 // a guess, for builds without lingua
	}
	return id.langs[best], conf, sure
}

// detector is the slower, n-gram language identifier asked when the stop words do not decide.
type detector interface {
	// detect returns the most likely language of s among allowed (all when empty) and its confidence.
	detect(s string, allowed map[string]bool) (string, float64)
}

// ask runs the backup detector over the candidates (all languages when cands is empty).
func (id *langID) ask(sample string, cands []int) (string, float64) {
	if id.backup == nil {
		if len(cands) > 0 {
			return id.langs[cands[0]], 0.5
		}
		return "und", 0
	}
	allowed := map[string]bool{}
	for _, c := range cands {
		allowed[id.langs[c]] = true
	}
	return id.backup.detect(sample, allowed)
}
