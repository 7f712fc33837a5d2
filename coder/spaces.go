package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/packs"
)

// checkSpaces reports alternatives of a pattern or entries of a word set that were meant as one form of
// several words but were written with a space instead of '_': "hội đàm/gặp/hội kiến" reads as "hội", then
// "đàm" or "gặp" or "hội", then "kiến", which never matches "hội kiến". A space there is legal syntax, so
// the check is a judgement made from the language's own data: the two words on either side of the space
// form a multi-word form that the language's verbs files write with '_' elsewhere ("hội_kiến"), and one of
// them is never used alone (outside such a pair) in those files. "hold talks/meetings" is not reported where
// "hold" and "talks" are words of their own. It returns one error per line, naming file:line.
func checkSpaces(p *packs.Set) []error {
	var errs []error
	for _, code := range p.Langs() {
		files, err := p.Files(packs.Join(code, VerbsFile))
		if err != nil {
			continue // reported by the loader
		}
		errs = append(errs, spaceErrors(files)...)
	}
	return errs
}

// spaceLine is one line's space-separated runs of alternatives: for a pattern, its literal elements, each
// the list of its plain alternatives (nil for a slot or gap, which breaks adjacency); for a word set, one
// run whose entries are each an alternative.
type spaceLine struct {
	line  packs.Line
	set   bool       // a word set: every adjacent pair of entries counts
	elems [][]string // per raw element, its alternatives (normalised); nil: not a literal
	multi []bool     // per raw element: it has more than one alternative
}

// spaceWord normalises one alternative for comparison: lower case, no marks of syntax (^ ! ( ) ~ *).
func spaceWord(a string) string {
	a = strings.TrimPrefix(a, "^")
	a = strings.TrimPrefix(a, "!")
	a = strings.TrimSuffix(strings.TrimPrefix(a, "("), ")")
	a = strings.ReplaceAll(a, "~", "")
	a = strings.ReplaceAll(a, "*", "")
	return strings.ToLower(a)
}

func spaceErrors(files []packs.File) []error {
	var lines []spaceLine
	known := map[string]bool{} // multi-word forms written with '_'
	for _, f := range files {
		for l := range f.Lines() {
			sl := spaceLine{line: l}
			var raw []string
			if _, forms, ok := strings.Cut(l.Fields[0], "="); ok && strings.HasPrefix(l.Fields[0], "@") && len(l.Fields) == 1 {
				sl.set = true
				raw = strings.Fields(forms)
			} else if len(l.Fields) >= 2 {
				raw = strings.Fields(l.Fields[1])
			}
			for _, w := range raw {
				var alts []string
				if lit := !isSlotOrGap(w); lit {
					w = spaceWord(w)
					for _, a := range strings.Split(w, "/") {
						if a == "" || strings.HasPrefix(a, "@") {
							alts = append(alts, "") // keeps positions: a set is no plain word
							continue
						}
						if strings.Contains(a, "_") {
							known[a] = true
						}
						alts = append(alts, a)
					}
				}
				sl.elems = append(sl.elems, alts)
				sl.multi = append(sl.multi, len(alts) > 1)
			}
			// two plain words in a row are a form of two words as well ("hội đàm với T")
			for i := 0; i+1 < len(sl.elems) && !sl.set; i++ {
				if l, r := sl.elems[i], sl.elems[i+1]; len(l) == 1 && len(r) == 1 && l[0] != "" && r[0] != "" {
					known[l[0]+"_"+r[0]] = true
				}
			}
			lines = append(lines, sl)
		}
	}
	// pairs yields the adjacent (left, right) words across each space that may hide a '_' of l.
	pairs := func(sl spaceLine, yield func(i int, a, b string)) {
		for i := 0; i+1 < len(sl.elems); i++ {
			l, r := sl.elems[i], sl.elems[i+1]
			if len(l) == 0 || len(r) == 0 || !(sl.set || sl.multi[i] || sl.multi[i+1]) {
				continue
			}
			a, b := l[len(l)-1], r[0]
			if a == "" || b == "" {
				continue
			}
			yield(i, a, b)
		}
	}
	// suspect: the join of the pair's words is a known form, and (in a pattern) the space does not factor a
	// word out of alternatives: "cuộc hội_đàm/gặp" is "cuộc_hội_đàm" or "cuộc_gặp", both known forms.
	suspect := func(sl spaceLine, i int, a, b string) bool {
		if !known[a+"_"+b] {
			return false
		}
		if sl.set {
			return true
		}
		l, r := sl.elems[i], sl.elems[i+1]
		for _, c := range l[:len(l)-1] {
			if c != "" && known[c+"_"+b] {
				return false
			}
		}
		for _, c := range r[1:] {
			if c != "" && known[a+"_"+c] {
				return false
			}
		}
		return true
	}
	// plain: element i is one plain word
	plain := func(sl spaceLine, i int) bool {
		return i >= 0 && i < len(sl.elems) && len(sl.elems[i]) == 1 && sl.elems[i][0] != ""
	}
	// a word used alone: an alternative that is not one half of a suspect pair
	alone := map[string]bool{}
	for _, sl := range lines {
		half := map[[2]int]bool{} // (element, alternative index) that is the half of a suspect pair
		pairs(sl, func(i int, a, b string) {
			if suspect(sl, i, a, b) {
				half[[2]int{i, len(sl.elems[i]) - 1}] = true
				half[[2]int{i + 1, 0}] = true
			}
		})
		for i, alts := range sl.elems {
			if len(alts) == 1 && !sl.set && (plain(sl, i-1) || plain(sl, i+1)) {
				continue // a word of a sequence ("hội đàm") is not used alone
			}
			for j, a := range alts {
				if a != "" && !strings.Contains(a, "_") && !half[[2]int{i, j}] {
					alone[a] = true
				}
			}
		}
	}
	var errs []error
	for _, sl := range lines {
		var bad []string
		pairs(sl, func(i int, a, b string) {
			// a word set's entries are each a word: report them only where neither half is one elsewhere
			// in a pattern, the half that stands among alternatives must be no word of its own: "au/par
			// téléphone" factors "téléphone" out, "au cours/lors" offers "cours" alone
			if !suspect(sl, i, a, b) {
				return
			}
			if sl.set && !alone[a] && !alone[b] || !sl.set && (sl.multi[i] && !alone[a] || sl.multi[i+1] && !alone[b]) {
				bad = append(bad, fmt.Sprintf("%q", a+" "+b))
			}
		})
		if len(bad) > 0 {
			errs = append(errs, sl.line.Errorf("%s written with a space inside alternatives: a form of several words joins them with '_' (%s)",
				strings.Join(bad, ", "), strings.ReplaceAll(strings.Trim(bad[0], `"`), " ", "_")))
		}
	}
	return errs
}

// isSlotOrGap tells the elements of a pattern that are no words: slots and gaps.
func isSlotOrGap(w string) bool {
	switch strings.TrimSuffix(w, "!") {
	case "S", "T", "R", "L", "H":
		return true
	}
	return strings.HasPrefix(w, "..")
}
