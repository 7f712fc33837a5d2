package coder

import (
	"strings"

	"github.com/dyad-events/dyad/packs"
)

// CodeSetsFile names lists of CAMEO codes the coder treats alike: acts two sides do together (joint), the use
// of force told as one act (force), aid whose recipient another event names (recipientless), acts done by
// speaking, whose content may carry a date of its own (spoken), and violence whose unnamed doers are placed where
// it happens (placed). Lines `NAME | PREFIX ...`; the file's header gives the names.
const CodeSetsFile = "cameo/codesets"

// The names of the code sets.
const (
	setJoint         = "joint"
	setForce         = "force"
	setRecipientless = "recipientless"
	setSpoken        = "spoken"
	setPlaced        = "placed"
)

// codeSets maps a set's name to its code prefixes.
type codeSets map[string][]string

// has reports whether code begins with a prefix of the set name.
func (cs codeSets) has(name, code string) bool {
	for _, p := range cs[name] {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// isCodePrefix reports whether c is a CAMEO code or code prefix as the cameo data files write one: 2 to 4 digits.
func isCodePrefix(c string) bool {
	return len(c) >= 2 && len(c) <= 4 && strings.Trim(c, "0123456789") == ""
}

// loadCodeSets reads CodeSetsFile.
func loadCodeSets(p *packs.Set) (codeSets, []error) {
	files, err := p.Files(CodeSetsFile)
	if err != nil {
		return nil, []error{err}
	}
	out := codeSets{}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) != 2 || l.Fields[0] == "" || l.Fields[1] == "" {
				errs = append(errs, l.Errorf("want NAME | PREFIX ..."))
				continue
			}
			name := l.Fields[0]
			switch name {
			case setJoint, setForce, setRecipientless, setSpoken, setPlaced:
			default:
				errs = append(errs, l.Errorf("set %q: want joint, force, recipientless, spoken or placed", name))
				continue
			}
			for _, c := range strings.Fields(l.Fields[1]) {
				if !isCodePrefix(c) {
					errs = append(errs, l.Errorf("want a CAMEO code or prefix of 2 to 4 digits, got %q", c))
					continue
				}
				out[name] = append(out[name], c)
			}
		}
	}
	return out, errs
}
