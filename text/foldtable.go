package text

import (
	"sync"
	"unicode/utf8"
)

// The fast path of Fold: a table of each rune's fold for the scripts where folding a string rune by rune
// gives the same result as folding it whole (Latin, Greek, Cyrillic, Armenian, the Vietnamese letters of
// Latin Extended Additional, general punctuation). Their canonical compositions all involve combining marks,
// which Fold removes, so no composition across runes survives. Ideographs fold by simplify alone (fastFold);
// other runes take the slow path.
var (
	foldTableOnce sync.Once
	foldTable     [3][]string // per range below
)

var foldRanges = [3][2]rune{{0, 0x0590}, {0x1E00, 0x1F00}, {0x2000, 0x2070}}

func buildFoldTable() {
	for k, rg := range foldRanges {
		t := make([]string, rg[1]-rg[0])
		for r := rg[0]; r < rg[1]; r++ {
			t[r-rg[0]] = slowFold(string(r))
		}
		foldTable[k] = t
	}
}

func tableFold(r rune) (string, bool) {
	for k, rg := range foldRanges {
		if r >= rg[0] && r < rg[1] {
			return foldTable[k][r-rg[0]], true
		}
	}
	return "", false
}

// fastFold folds s rune by rune from the table, and ideographs (hanRange) by simplify alone: they have no
// decomposition, case or marks. ok is false when s holds a rune outside both. A string that folds to itself
// (lower-case Latin, Simplified Chinese) is returned as it is, without a copy.
func fastFold(s string) (string, bool) {
	var buf [64]byte // a word's fold fits; a longer one grows on the heap
	out, same, ok := appendFold(buf[:0], s)
	switch {
	case !ok:
		return "", false
	case same:
		return s, true
	}
	return string(out), true
}

// appendFold appends Fold(s) to b by Fold's fast paths (ASCII, the table, ideographs), without a string of its
// own: same reports that the fold is s itself (nothing appended), ok false that s needs the slow path
// (nothing appended).
func appendFold(b []byte, s string) (out []byte, same, ok bool) {
	if isPlainLowerASCII(s) {
		return b, true, true
	}
	if isASCII(s) { // strings.ToLower's answer for ASCII
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		return b, false, true
	}
	foldTableOnce.Do(buildFoldTable)
	start := len(b)
	copied := false // as fastFold's
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return b[:start], false, false
		}
		var f string
		var fr rune
		if han := r >= hanRange[0] && r < hanRange[1]; han {
			if fr = simplify(r); fr == r && !copied {
				i += n
				continue
			}
		} else {
			var ok bool
			if f, ok = tableFold(r); !ok {
				return b[:start], false, false
			}
			if !copied && f == s[i:i+n] {
				i += n
				continue
			}
			fr = -1
		}
		if !copied {
			b = append(b, s[:i]...)
			copied = true
		}
		if fr >= 0 {
			b = utf8.AppendRune(b, fr)
		} else {
			b = append(b, f...)
		}
		i += n
	}
	if !copied {
		return b[:start], true, true
	}
	return b, false, true
}
