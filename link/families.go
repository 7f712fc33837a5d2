package link

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/packs"
)

// FamiliesFile is the pack file that groups CAMEO roots into event families.
const FamiliesFile = "link/families"

// Family is how events of one CAMEO root fold: mentions of events whose roots share a family id may be one
// event; in a symmetric family "A meets B" and "B meets A" are the same event.
type Family struct {
	ID        string
	Symmetric bool
}

// Families maps CAMEO roots ("04") to their family. A root not listed is a family of its own, not symmetric.
type Families struct {
	byRoot map[string]Family
}

// Of returns the family of a CAMEO root.
func (f *Families) Of(root string) Family {
	if fam, ok := f.byRoot[root]; ok {
		return fam
	}
	return Family{ID: root}
}

// LoadFamilies reads link/families from every layer of p: lines `root | family | symmetric`, root two digits
// 01-20, symmetric yes or no. A later line for the same root replaces an earlier one (users override).
func LoadFamilies(p *packs.Set) (*Families, []error) {
	f := &Families{byRoot: map[string]Family{}}
	files, err := p.Files(FamiliesFile)
	if err != nil {
		return f, []error{err}
	}
	var errs []error
	for _, file := range files {
		for ln := range file.Lines() {
			if len(ln.Fields) != 3 {
				errs = append(errs, ln.Errorf("want 3 fields `root | family | symmetric`, got %d", len(ln.Fields)))
				continue
			}
			root, fam, sym := ln.Fields[0], ln.Fields[1], strings.ToLower(ln.Fields[2])
			if !isRoot(root) {
				errs = append(errs, ln.Errorf("root %q: want a CAMEO root, two digits 01-20", root))
				continue
			}
			if fam == "" || strings.ContainsAny(fam, " \t") {
				errs = append(errs, ln.Errorf("family %q: want a non-empty id without spaces", fam))
				continue
			}
			if sym != "yes" && sym != "no" {
				errs = append(errs, ln.Errorf("symmetric %q: want yes or no", ln.Fields[2]))
				continue
			}
			f.byRoot[root] = Family{ID: fam, Symmetric: sym == "yes"}
		}
	}
	// Roots of one family must agree on symmetry, or the key of an event would depend on its root.
	sym := map[string]bool{}
	for _, root := range sortedKeys(f.byRoot) {
		fam := f.byRoot[root]
		if s, ok := sym[fam.ID]; ok && s != fam.Symmetric {
			errs = append(errs, fmt.Errorf("%s: family %s: roots disagree on symmetric", FamiliesFile, fam.ID))
			continue
		}
		sym[fam.ID] = fam.Symmetric
	}
	return f, errs
}

func isRoot(s string) bool {
	if len(s) != 2 || s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' {
		return false
	}
	return s >= "01" && s <= "20"
}
