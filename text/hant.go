package text

import (
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
)

// Traditional Chinese folds to Simplified, one character for one, so that dictionary names, agents and
// verb patterns written in Simplified match text from Taiwan and Hong Kong ("美國總統" -> "美国总统") and
// every token keeps its offsets into the original text. The table is OpenCC's character dictionary
// (TSCharacters, through github.com/longbridgeapp/opencc), built on the first fold of an ideograph.
var (
	hantOnce sync.Once
	hant     map[rune]rune
)

// hanRange bounds the ideographs the table covers: CJK Unified Ideographs and Extension A.
var hanRange = [2]rune{0x3400, 0xA000}

func buildHant() {
	hant = map[rune]rune{}
	cc, err := opencc.New("t2s")
	if err != nil {
		return // the embedded dictionaries are part of the module: only a broken build gets here
	}
	for r := hanRange[0]; r < hanRange[1]; r++ {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		out, err := cc.Convert(string(r))
		if err != nil {
			continue
		}
		rs := []rune(out)
		if len(rs) == 1 && rs[0] != r {
			hant[r] = rs[0]
		}
	}
}

// simplify returns the Simplified form of a Traditional ideograph, or r.
func simplify(r rune) rune {
	if r < hanRange[0] || r >= hanRange[1] {
		return r
	}
	hantOnce.Do(buildHant)
	if s, ok := hant[r]; ok {
		return s
	}
	return r
}
