package link

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ClaimConcepts is how many concepts, at most, define a claim.
const ClaimConcepts = 2

// keyConcepts picks the concepts that define a claim from a statement's hits: those of the heaviest weight
// the statement has (2 or 3), the first said first, at most ClaimConcepts, sorted by id. Nil when it has
// none of weight 2 or more. Lighter concepts said along the way do not split a claim.
func (x *Lexicon) keyConcepts(hits []Hit) []string {
	first := map[string]int{}
	top := 2
	for _, h := range hits {
		if _, ok := first[h.Concept]; !ok {
			first[h.Concept] = h.Word
		}
		top = max(top, x.concepts[h.Concept].Weight)
	}
	var ids []string
	for id := range first {
		if x.concepts[id].Weight == top {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(first[a], first[b]), cmp.Compare(a, b)) })
	if len(ids) > ClaimConcepts {
		ids = ids[:ClaimConcepts]
	}
	slices.Sort(ids)
	return ids
}

// speakerSide is the country (or, for an IGO or a group without one, the code) a speaker speaks for.
func speakerSide(a dyad.ActorRef) string {
	switch {
	case a.Country != "":
		return a.Country
	case strings.HasPrefix(a.Code, "IGO"):
		return a.Code
	case len(a.Code) >= 3:
		return a.Code[:3]
	}
	return a.Code
}

// about returns the country a statement is about: the one its content names most often (ties: the first
// named) among those other than the speaker's; "" when it names none.
func about(rec *dyad.Record, st *dyad.Statement, speaker string) string {
	txt := rec.Article.Text
	if st.Start < 0 || st.End > len(txt) || st.Start >= st.End {
		return ""
	}
	lo, hi := st.Start, st.End
	if st.Text != "" {
		if i := strings.Index(txt[lo:hi], st.Text); i >= 0 {
			lo, hi = lo+i, lo+i+len(st.Text)
		}
	}
	count := map[string]int{}
	first := map[string]int{}
	for _, m := range rec.Mentions {
		if m.Start < lo || m.End > hi {
			continue
		}
		c := speakerSide(m.Actor)
		if c == "" || c == speaker {
			continue
		}
		if _, ok := first[c]; !ok {
			first[c] = m.Start
		}
		count[c]++
	}
	best := ""
	for c, n := range count {
		if best == "" || n > count[best] || (n == count[best] && first[c] < first[best]) {
			best = c
		}
	}
	return best
}

// ClaimID returns the id of the claim made by a speaker's side about a country with the key concepts: a
// stable hash, the same whatever the order in which statements arrive.
func ClaimID(speaker, about string, concepts []string) string {
	h := sha256.Sum256([]byte(speaker + "|" + about + "|" + strings.Join(concepts, ",")))
	return "cl" + hex.EncodeToString(h[:10])
}

// ClaimLabel is a claim's readable label: "Vietnam on China: strategic choice, top priority". Countries are
// named in English (CLDR, from their ISO 3166 codes); other codes (IGOs) stay codes.
func (x *Lexicon) ClaimLabel(speaker, about string, concepts []string) string {
	var b strings.Builder
	b.WriteString(cmp.Or(countryName(speaker), "?"))
	if about != "" {
		b.WriteString(" on ")
		b.WriteString(countryName(about))
	}
	b.WriteString(": ")
	for i, id := range concepts {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cmp.Or(x.concepts[id].Label, id))
	}
	return b.String()
}

// countryName is the English name of an ISO 3166 alpha-3 code, or the code itself.
func countryName(code string) string {
	if len(code) != 3 {
		return code
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if n := display.English.Regions().Name(r); n != "" && n != "Unknown Region" {
		return n
	}
	return code
}

// linkClaims sets each statement's concepts and, when join is true, its claim, and lists the claims in
// rec.Claims.
func (l *Linker) linkClaims(rec *dyad.Record, join bool) {
	rec.Claims = nil
	seen := map[string]bool{}
	for i := range rec.Statements {
		st := &rec.Statements[i]
		lang := cmp.Or(st.Lang, rec.Article.Lang)
		hits := l.lex.Match(lang, st.Text)
		st.Concepts = uniqueConcepts(hits)
		st.ClaimID = ""
		if !join {
			continue
		}
		keys := l.lex.keyConcepts(hits)
		if len(keys) == 0 {
			continue
		}
		speaker := speakerSide(st.Speaker)
		target := about(rec, st, speaker)
		id := ClaimID(speaker, target, keys)
		st.ClaimID = dyad.NullString(id)
		if !seen[id] {
			seen[id] = true
			rec.Claims = append(rec.Claims, dyad.Claim{ID: id, Label: l.lex.ClaimLabel(speaker, target, keys), Concepts: keys})
		}
	}
}
