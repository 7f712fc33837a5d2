package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// Actors runs c on every actor item of g and scores the actor mentions it finds.
//
// A gold mention is found when a predicted mention's span overlaps the gold string's span (its Occurrence-th
// appearance in the record's cleaned text, else in the item's text) and the predicted actor has the gold
// country, the gold sector when the gold names one, a CAMEO code starting with the gold code when the gold
// gives one without a country (IGOs), and for a gold person with a canonical name the same name (compared
// folded). Each gold and predicted mention is matched at most once.
//
// Recall is over gold mentions. Precision is over predicted mentions: an unmatched prediction is a false
// positive, except one that overlaps no gold span but names an actor the item's gold already lists (same
// type, and matching as above): a later reference ("Wang" after "Wang Yi"), which gold sets list once.
//
// A prediction inside a gold span that another prediction of the same country matched is a part of that
// phrase ("Iranian" in "Iranian President X", or the person when a level that asks only the country matched
// the adjective), not a spurious actor: it counts neither way.
//
// The Countries score asks only the country (or, without one, the code); the CountrySector score the country
// and the gold sector when it gives one: the figures an actor-resolution test of bare strings reports.
func Actors(ctx context.Context, g *Gold, c Coder) (*Report, error) {
	r := &Report{Kind: KindActors, Gold: g.Path, Countries: &Score{}, CountrySector: &Score{}, ByLang: map[string]Score{}, ByType: map[string]Score{}}
	for i := range g.Items {
		it := &g.Items[i]
		if it.Kind() != KindActors {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.Items++
		var rec *dyad.Record
		rec, err := c(ctx, it.Lang, it.Date, it.Text)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.Errors = append(r.Errors, ItemError{ID: it.ID, Error: err.Error()})
			rec = nil
		}
		scoreActors(r, it, rec)
	}
	r.finish()
	return r, nil
}

func scoreActors(r *Report, it *Item, rec *dyad.Record) {
	base := it.Text
	var pred []dyad.ActorMention
	if rec != nil {
		pred = rec.Mentions
		if rec.Article.Text != "" {
			base = rec.Article.Text
		}
	}
	gold := it.Mentions
	spans := make([]dyad.Span, len(gold))
	found := make([]bool, len(gold))
	for i, m := range gold {
		spans[i], found[i] = findOccurrence(base, m.Text, m.Occurrence)
		if !found[i] && base != it.Text {
			// The cleaned text lost the string (normalised spaces or quotes): fall back on the item's text.
			spans[i], found[i] = findOccurrence(it.Text, m.Text, m.Occurrence)
		}
	}
	overlaps := func(gi, pi int) bool {
		return found[gi] && pred[pi].Start < spans[gi].End && spans[gi].Start < pred[pi].End
	}
	gm, pm := match(len(gold), len(pred), func(gi, pi int) bool {
		return overlaps(gi, pi) && MentionMatches(gold[gi], pred[pi].Actor)
	})
	// partOf reports whether prediction pi lies inside a gold span that another prediction of the same
	// country matched (gmatch: each gold mention's matched prediction, -1 for none).
	partOf := func(gmatch []int, pi int) bool {
		p := pred[pi]
		if p.Actor.Country == "" {
			return false
		}
		for gi, q := range gmatch {
			if q >= 0 && q != pi && found[gi] && gold[gi].Type != dyad.TypeCountry &&
				spans[gi].Start <= p.Start && p.End <= spans[gi].End && pred[q].Actor.Country == p.Actor.Country {
				return true
			}
		}
		return false
	}
	// The coarser levels: the same matching with less asked of each gold mention.
	for _, lv := range []struct {
		s    *Score
		ease func(GoldMention) GoldMention
	}{
		{r.Countries, func(g GoldMention) GoldMention { g.Sector, g.Person = "", ""; return g }},
		{r.CountrySector, func(g GoldMention) GoldMention { g.Person = ""; return g }},
	} {
		eased := make([]GoldMention, len(gold))
		for i, g := range gold {
			eased[i] = lv.ease(g)
		}
		lgm, lpm := match(len(gold), len(pred), func(gi, pi int) bool {
			return overlaps(gi, pi) && MentionMatches(eased[gi], pred[pi].Actor)
		})
		tp := 0
		for _, x := range lgm {
			if x >= 0 {
				tp++
			}
		}
		fp := 0
		for pi, p := range pred {
			if lpm[pi] >= 0 {
				continue
			}
			overlapsAny, repeats := false, false
			for gi, m := range eased {
				overlapsAny = overlapsAny || overlaps(gi, pi)
				repeats = repeats || (m.Type == p.Actor.Type && MentionMatches(m, p.Actor))
			}
			if (overlapsAny || !repeats) && !partOf(lgm, pi) {
				fp++
			}
		}
		lv.s.add(Score{TP: tp, FP: fp, FN: len(gold) - tp})
	}

	var s Score
	for gi, m := range gold {
		if gm[gi] >= 0 {
			s.TP++
			bump(r.ByType, m.Type, 1, 0, 0)
		} else {
			s.FN++
			bump(r.ByType, m.Type, 0, 0, 1)
		}
	}
	var spurious []string
	for pi, p := range pred {
		if pm[pi] >= 0 {
			continue
		}
		overlapsAny := false
		repeats := false
		for gi, m := range gold {
			overlapsAny = overlapsAny || overlaps(gi, pi)
			repeats = repeats || (m.Type == p.Actor.Type && MentionMatches(m, p.Actor))
		}
		if !overlapsAny && repeats || partOf(gm, pi) {
			continue
		}
		s.FP++
		typ := p.Actor.Type
		if typ == "" {
			typ = "unknown"
		}
		bump(r.ByType, typ, 0, 1, 0)
		spurious = append(spurious, formatMention(p))
	}
	r.Overall.add(s)
	bump(r.ByLang, it.Lang, s.TP, s.FP, s.FN)
	if s.FP == 0 && s.FN == 0 {
		return
	}
	ms := Miss{ID: it.ID, Lang: it.Lang, Line: it.Line, Text: it.Text, Expected: []string{}, Got: []string{}, Spurious: spurious}
	for gi, m := range gold {
		ms.Expected = append(ms.Expected, formatGoldMention(m))
		if gm[gi] < 0 {
			ms.Missed = append(ms.Missed, formatGoldMention(m))
		}
	}
	for _, p := range pred {
		ms.Got = append(ms.Got, formatMention(p))
	}
	r.Misses = append(r.Misses, ms)
}

// MentionMatches reports whether a predicted actor has the attributes a gold mention asks for: its country,
// its sector when given, a code starting with its code when it has no country, and for persons with a
// canonical name the same name, compared folded.
func MentionMatches(g GoldMention, a dyad.ActorRef) bool {
	code := strings.ToUpper(a.Code)
	country := strings.ToUpper(a.Country)
	if country == "" && len(code) >= 3 && !nonCountryRoots[code[:3]] {
		country = code[:3]
	}
	if g.Country != "" && country != g.Country {
		return false
	}
	if g.Country == "" && g.Code != "" && !strings.HasPrefix(code, g.Code) {
		return false
	}
	if g.Sector != "" {
		sector := strings.ToUpper(a.Sector)
		if sector == "" && len(code) >= 6 && code[:3] == country {
			sector = code[3:6]
		}
		if sector != g.Sector {
			return false
		}
	}
	if g.Type == dyad.TypePerson && g.Person != "" && text.Fold(a.Name) != text.Fold(g.Person) {
		return false
	}
	return true
}

func formatGoldMention(m GoldMention) string {
	who := m.Country
	if who == "" {
		who = m.Code
	}
	if m.Sector != "" {
		who += "/" + m.Sector
	}
	if m.Person != "" {
		who += " " + m.Person
	}
	return fmt.Sprintf("%q %s %s", m.Text, m.Type, who)
}

func formatMention(p dyad.ActorMention) string {
	who := p.Actor.Country
	if who == "" {
		who = p.Actor.Code
	}
	if p.Actor.Sector != "" {
		who += "/" + p.Actor.Sector
	}
	if p.Actor.Type == dyad.TypePerson {
		who += " " + p.Actor.Name
	}
	return fmt.Sprintf("%q@%d-%d %s %s", p.Text, p.Start, p.End, p.Actor.Type, who)
}
