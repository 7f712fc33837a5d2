package coder

import (
	"sort"
	"strings"
)

// RootCoverage says how much of one CAMEO root family a language's patterns cover.
type RootCoverage struct {
	Root       string // "04"
	Patterns   int    // patterns coding a code of this root, all layers
	ThirdParty int    // of which from the third-party layer (packs/thirdparty)
	Triggers   int    // distinct trigger words of our patterns (not the third-party layer's)
}

// Coverage returns, for a language, one row per CAMEO root family "01" to "20", in order: how many patterns
// code into it and through how many distinct trigger words. It is what `dyad dict coverage` prints, so that
// a family a language cannot code at all shows as a zero.
func (c *Coder) Coverage(lang string) []RootCoverage {
	rows := make([]RootCoverage, 20)
	trig := make([]map[string]bool, 20)
	for i := range rows {
		rows[i].Root = twoDigits(i + 1)
		trig[i] = map[string]bool{}
	}
	lg := c.langs[lang]
	if lg != nil {
		lg.ensure()
	}
	if lg == nil {
		return rows
	}
	for _, pt := range lg.patterns {
		if len(pt.code) < 2 || pt.inverted {
			continue
		}
		r := int(pt.code[0]-'0')*10 + int(pt.code[1]-'0')
		if r < 1 || r > 20 {
			continue
		}
		rows[r-1].Patterns++
		if strings.HasPrefix(pt.id, "packs/thirdparty/") {
			rows[r-1].ThirdParty++
			continue
		}
		for _, a := range pt.elems[pt.anchor].alts {
			var ws []string
			for _, t := range a {
				ws = append(ws, t.text)
			}
			trig[r-1][strings.Join(ws, " ")] = true
		}
	}
	for i := range rows {
		rows[i].Triggers = len(trig[i])
	}
	return rows
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// CoverageLangs returns the languages with patterns, sorted.
func (c *Coder) CoverageLangs() []string {
	var out []string
	for k, lg := range c.langs {
		if len(lg.patterns) > 0 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
