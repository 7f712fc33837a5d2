package link

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
)

// dayRange is the span of days a date of any precision covers; zero when undated.
type dayRange struct{ lo, hi time.Time }

func (r dayRange) dated() bool { return !r.lo.IsZero() }

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY (or a longer timestamp starting with a day) as a range of days.
func parseDate(s string) dayRange {
	switch {
	case len(s) >= 10:
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return dayRange{t, t}
		}
	case len(s) == 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return dayRange{t, t.AddDate(0, 1, -1)}
		}
	case len(s) == 4:
		if t, err := time.Parse("2006", s); err == nil {
			return dayRange{t, t.AddDate(1, 0, -1)}
		}
	}
	return dayRange{}
}

// gap is the time between two date ranges, zero when they overlap.
func gap(a, b dayRange) time.Duration {
	switch {
	case a.hi.Before(b.lo):
		return b.lo.Sub(a.hi)
	case b.hi.Before(a.lo):
		return a.lo.Sub(b.hi)
	}
	return 0
}

const day = "2006-01-02"

// side is the country-level identity of an event actor: its country, else its whole code (IGOs, groups).
func side(a dyad.EventActor) string {
	if a.Country != "" {
		return a.Country
	}
	if a.Code != "" {
		return a.Code
	}
	return "-"
}

func rootOf(ev *dyad.Event) string {
	if ev.Root != "" {
		return ev.Root
	}
	if len(ev.Code) >= 2 {
		return ev.Code[:2]
	}
	return ev.Code
}

// Key returns the key under which an event's mentions fold: its root's family and the countries of its two
// sides, sorted for a symmetric family ("04|CHN|VNM"). Sectors, people and dates are checked in Go.
func (l *Linker) Key(ev *dyad.Event) string {
	fam := l.families.Of(rootOf(ev))
	a, b := side(ev.Source), side(ev.Target)
	if fam.Symmetric && b < a {
		a, b = b, a
	}
	return fam.ID + "|" + a + "|" + b
}

// personIDs returns the people an article's actor mentions name, with their countries.
func personIDs(ms []dyad.ActorMention) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		if m.Actor.Type == dyad.TypePerson && m.Actor.ID != "" {
			out[m.Actor.ID] = m.Actor.Country
		}
	}
	return out
}

// sidePeople is who may stand for one side (country c) of an event: its actor when that is a person its
// article names, else every person of that country the article names; sorted.
func sidePeople(x dyad.EventActor, c string, p map[string]string) []string {
	if _, ok := p[x.ActorID]; ok && x.ActorID != "" {
		return []string{x.ActorID}
	}
	var out []string
	for id, pc := range p {
		if pc == c {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// peopleOf returns the people who may stand for the two sides of an event as its article p names them.
func peopleOf(ev *dyad.Event, p map[string]string) *dyad.SidePeople {
	return &dyad.SidePeople{Source: sidePeople(ev.Source, side(ev.Source), p), Target: sidePeople(ev.Target, side(ev.Target), p)}
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// match reports whether mention views a and b (same key) may be mentions of one event, and how well they
// match. Sectors must agree where both are known. Both dated: the dates within the window. Either undated:
// the same people on at least one side and different people on none, where a side's people are its actor
// when that is a person, else the people of that side's country its article names (a report of "the two
// sides" in an article that names both envoys is their meeting), as kept with each mention's coding; and an
// undated event published soon after the other's date.
func (l *Linker) match(ctx context.Context, a, b *dyad.Event) (bool, float64) {
	sym := l.families.Of(rootOf(a)).Symmetric
	ok, score := l.matchSides(ctx, a, b, false)
	if sym {
		if ok2, score2 := l.matchSides(ctx, a, b, true); ok2 && (!ok || score2 > score) {
			ok, score = ok2, score2
		}
	}
	return ok, score
}

// matchSides matches a's sides (swapped when swap is true) with b's.
func (l *Linker) matchSides(ctx context.Context, a, b *dyad.Event, swap bool) (bool, float64) {
	as, at := a.Source, a.Target
	if swap {
		as, at = at, as
	}
	if side(as) != side(b.Source) || side(at) != side(b.Target) {
		return false, 0
	}
	pairs := [2][2]dyad.EventActor{{as, b.Source}, {at, b.Target}}
	score := 0.0
	for _, p := range pairs {
		x, y := p[0], p[1]
		if x.Sector != "" && y.Sector != "" {
			// The same person is the same actor whatever office a report names him by ("General
			// Secretary" or "President" To Lam: PTY or GOV).
			if x.Sector != y.Sector && (x.ActorID == "" || x.ActorID != y.ActorID) {
				return false, 0
			}
			score++
		}
		if x.ActorID != "" && x.ActorID == y.ActorID {
			score += 4
		}
	}
	if a.Code == b.Code {
		score++
	}
	da, db := parseDate(string(a.Date)), parseDate(string(b.Date))
	if da.dated() && db.dated() {
		g := gap(da, db)
		if g > l.opts.Window {
			return false, 0
		}
		score -= g.Hours() / 24 / 4
		return true, score
	}
	// An undated mention happened shortly before its article was published: that bounds what it may be.
	ra, rb := l.around(a, da), l.around(b, db)
	if ra.dated() && rb.dated() && gap(ra, rb) > 0 {
		return false, 0
	}
	pa, pb := l.viewPeople(ctx, a), l.viewPeople(ctx, b)
	sides := [2][2][]string{{pa.Source, pb.Source}, {pa.Target, pb.Target}}
	if swap {
		sides = [2][2][]string{{pa.Target, pb.Source}, {pa.Source, pb.Target}}
	}
	positive := 0
	for _, p := range sides {
		xs, ys := p[0], p[1]
		if len(xs) == 0 || len(ys) == 0 {
			continue
		}
		if !intersects(xs, ys) {
			return false, 0 // different people
		}
		positive++
		score += 2
	}
	return positive > 0, score
}

// around is the span of days an event may lie in: its date, or for an undated event the Horizon before the
// publication of the article that reports it (zero when that is unknown too).
func (l *Linker) around(ev *dyad.Event, d dayRange) dayRange {
	if d.dated() {
		return d
	}
	for _, m := range ev.Mentions {
		if p := parseDate(m.Published); p.dated() {
			return dayRange{p.lo.Add(-l.opts.Horizon), p.hi.Add(l.opts.Window)}
		}
	}
	return dayRange{}
}

// better reports whether mention m should be kept over n as an article's one mention of an event: higher
// confidence, then the earlier sentence.
func better(m, n *dyad.EventMention) bool {
	if m.Confidence != n.Confidence {
		return m.Confidence > n.Confidence
	}
	return m.Start < n.Start
}

// group is the events of one record that are one event, folded into ev with its best mention (and that
// mention's own coding).
type group struct {
	ev      dyad.Event
	key     string
	matched bool // ev.ID is a stored event's
}

// codingOf is the coding an event gives its mentions, with the people its article (who names p) may mean
// by each side.
func codingOf(ev *dyad.Event, p map[string]string) *dyad.MentionCoding {
	return &dyad.MentionCoding{Source: ev.Source, Target: ev.Target, Code: ev.Code, People: peopleOf(ev, p)}
}

// mentionView is event ev as its mention m alone codes it: m's own coding (ev's for a mention stored without
// one), m's date (ev's when m has none) and m as its only mention. Matching compares mentions, not events.
func mentionView(ev *dyad.Event, m dyad.EventMention) dyad.Event {
	v := *ev
	if c := m.Coding; c != nil {
		v.Source, v.Target, v.Code, v.Root = c.Source, c.Target, c.Code, ""
	}
	if m.Date != "" {
		v.Date = dyad.NullString(m.Date)
	}
	v.Mentions = []dyad.EventMention{m}
	return v
}

func firstMention(ev *dyad.Event) dyad.EventMention {
	if len(ev.Mentions) == 0 {
		return dyad.EventMention{}
	}
	best := ev.Mentions[0]
	for i := range ev.Mentions[1:] {
		if better(&ev.Mentions[i+1], &best) {
			best = ev.Mentions[i+1]
		}
	}
	return best
}

// precision ranks date precisions: a day beats a month beats a year beats none.
func precision(s string) int { return len(s) }

// absorb folds event e into g: the better mention (and its event's coding) is kept; the more precise date.
func (g *group) absorb(e dyad.Event) {
	mg, me := firstMention(&g.ev), firstMention(&e)
	date, prec, inf := g.ev.Date, g.ev.DatePrecision, g.ev.DateInferred
	if precision(string(e.Date)) > precision(string(date)) {
		date, prec, inf = e.Date, e.DatePrecision, e.DateInferred
	}
	if better(&me, &mg) {
		id := g.ev.ID
		g.ev = e
		g.ev.ID = id
	}
	g.ev.Date, g.ev.DatePrecision, g.ev.DateInferred = date, prec, inf
}

// foldEvents folds the record's events into groups, matches each group against the stored events and sets
// the events' ids, keys, dates and mentions.
func (l *Linker) foldEvents(ctx context.Context, rec *dyad.Record) error {
	if len(rec.Events) == 0 {
		return nil
	}
	groups := l.groups(ctx, rec)

	// Each group joins the stored event it matches best, and each stored event takes at most one group (the
	// record's groups do not match each other): pairs are assigned best first, ties broken by the mentions
	// that match, so that a mention matching two events gets the same one whichever came first.
	var pairs []storedMatch
	for gi, g := range groups {
		ms, err := l.stored(ctx, rec, g)
		if err != nil {
			return err
		}
		for _, m := range ms {
			m.group = gi
			pairs = append(pairs, m)
		}
	}
	return l.assign(rec, groups, pairs)
}

// groups folds a record's event mentions into groups, one per event of the record.
func (l *Linker) groups(ctx context.Context, rec *dyad.Record) []*group {
	evs := slices.Clone(rec.Events)
	recPeople := personIDs(rec.Mentions)
	for i := range evs {
		m := firstMention(&evs[i])
		if m.ArticleID == "" {
			m.ArticleID = rec.Article.ID
		}
		if m.Published == "" {
			m.Published = string(rec.Article.Published)
		}
		m.Coding = codingOf(&evs[i], recPeople)
		evs[i].Mentions = []dyad.EventMention{m}
	}
	// A fixed order, so that the same record always folds the same way.
	slices.SortStableFunc(evs, func(a, b dyad.Event) int {
		return cmp.Or(cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start), cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.ID, b.ID))
	})
	// Within the record, in that order, a mention joins the group whose kept mention it matches best. The
	// groups are not chained through a mention that matches two of them: an article keeps one mention per
	// event, and chaining would fold the article's report of another event of the same countries (another
	// office, another person) into the first and drop it.
	var groups []*group
	for _, e := range evs {
		key := l.Key(&e)
		var into *group
		bestScore := 0.0
		for _, g := range groups {
			if g.key != key {
				continue
			}
			if ok, s := l.match(ctx, &g.ev, &e); ok && (into == nil || s > bestScore) {
				into, bestScore = g, s
			}
		}
		if into == nil {
			groups = append(groups, &group{ev: e, key: key})
			continue
		}
		into.absorb(e)
	}
	return groups
}

// assign gives each group the stored event of the best pair that is still free, and sets the record's events.
func (l *Linker) assign(rec *dyad.Record, groups []*group, pairs []storedMatch) error {
	slices.SortStableFunc(pairs, func(a, b storedMatch) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.tie, b.tie), cmp.Compare(a.group, b.group),
			cmp.Compare(a.ev.ID, b.ev.ID))
	})
	chosen := make([]*dyad.Event, len(groups))
	taken := map[string]bool{}
	for _, p := range pairs {
		if chosen[p.group] == nil && !taken[p.ev.ID] {
			chosen[p.group], taken[p.ev.ID] = p.ev, true
		}
	}
	// A group that also matches stored events no group took bridges them; they are not merged: measured on
	// the realistic corpus, merging bridged events chained unrelated reports into events of 20 and 30
	// mentions where its stories have at most four. It joins the best of them.
	rec.Merge = nil
	for gi, g := range groups {
		cand := chosen[gi]
		if cand == nil {
			g.ev.ID = newEventID(g.key, rec.Article.ID, g.ev)
			g.ev.Key = g.key
			continue
		}
		g.matched = true
		g.ev.Key = g.key
		// An event's id is the smallest content id of its mentions (newEventID), whatever order they came
		// in: when the group's own is smaller than the stored event's, the stored event is renamed to it (a
		// merge of the stored event into the group's id, Record.Merge).
		g.ev.ID = cand.ID
		if own := newEventID(g.key, rec.Article.ID, g.ev); own < cand.ID {
			g.ev.ID = own
			rec.Merge = append(rec.Merge, dyad.EventMerge{Into: own, From: []string{cand.ID}})
		}
		best := cand
		// An undated or less precise group takes the stored event's date; one with a date as precise keeps
		// its own, and the store keeps the better of the two whatever order they came in.
		if best.Date != "" && precision(string(best.Date)) > precision(string(g.ev.Date)) {
			g.ev.Date, g.ev.DatePrecision, g.ev.DateInferred = best.Date, best.DatePrecision, best.DateInferred
		}
	}

	// Defensive: two groups with one id (each stored event takes at most one group) are one event, one
	// mention per article.
	byID := map[string]*group{}
	var out []dyad.Event
	for _, g := range groups {
		if prev, ok := byID[g.ev.ID]; ok {
			id, key, date, prec, inf := prev.ev.ID, prev.ev.Key, prev.ev.Date, prev.ev.DatePrecision, prev.ev.DateInferred
			prev.absorb(g.ev)
			prev.ev.ID, prev.ev.Key = id, key
			if prev.matched && date != "" {
				prev.ev.Date, prev.ev.DatePrecision, prev.ev.DateInferred = date, prec, inf
			}
			continue
		}
		byID[g.ev.ID] = g
	}
	for _, g := range groups {
		if byID[g.ev.ID] != g {
			continue
		}
		ev := g.ev
		m := &ev.Mentions[0]
		if m.Date == "" && ev.Date != "" {
			m.Date, m.DateInferred = string(ev.Date), true
		}
		ev.NumMentions, ev.NumArticles = 1, 1
		ev.NumSources = 0
		if m.Source != "" {
			ev.NumSources = 1
		}
		ev.Languages = nil
		if m.Lang != "" {
			ev.Languages = []string{m.Lang}
		}
		out = append(out, ev)
	}
	rec.Events = out
	return nil
}

// storedMatch is a stored event a group of the record matches, how well, and the pair of mentions that
// match best (a tie-break that does not depend on which of the two was stored first).
type storedMatch struct {
	ev    *dyad.Event
	score float64
	tie   string
	group int
}

// mentionKey identifies a mention: its article and offset.
func mentionKey(m *dyad.EventMention) string {
	return fmt.Sprintf("%s:%012d", m.ArticleID, m.Start)
}

// stored returns the stored events that group g may be a mention of. A stored event matches when one of its
// mentions, as that mention codes it, matches the mention the group keeps (single linkage). The caller takes
// the best, so a mention that bridges two stored events joins one of them (they are not merged).
//
// The candidates are those of the group's key in a window: for a dated group, the events dated within Window
// of its date and, when it names people, the undated events with a mention published from Window before its
// date to Horizon after (an undated mention happened within Horizon before its publication); for an undated
// group, the events dated in its own span (Horizon before its article's publication to Window after) and the
// undated ones published where their spans meet. Undated mentions of articles with no publication date are
// kept apart (nothing bounds when they happened): every query returns those of its key, and an undated group
// of such an article compares with the latest events of its key that name its people (Options.Recent), not
// with every one, which would grow with the store; both are rare in dated news.
func (l *Linker) stored(ctx context.Context, rec *dyad.Record, g *group) ([]storedMatch, error) {
	// The group is matched through the mention it keeps (the one that will be stored), as later records
	// will see it, so that a pair of mentions matches or not whichever of the two came first.
	own := mentionView(&g.ev, g.ev.Mentions[0])
	q, ok := l.candidateQuery(ctx, rec, g, &own)
	if !ok {
		return nil, nil
	}
	cands, err := l.idx.EventCandidates(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []storedMatch
	for i := range cands {
		c := &cands[i]
		if c.Key != "" && c.Key != g.key {
			continue
		}
		ok, s, tie := false, 0.0, ""
		ms := c.Mentions
		if len(ms) == 0 {
			ms = []dyad.EventMention{{}} // an event listed without mentions: its own coding
		}
		for _, cm := range ms {
			v := mentionView(c, cm)
			ok2, s2 := l.match(ctx, &own, &v)
			if !ok2 {
				continue
			}
			a, b := mentionKey(&own.Mentions[0]), mentionKey(&cm)
			if b < a {
				a, b = b, a
			}
			if t := a + "|" + b; !ok || s2 > s || s2 == s && t < tie {
				ok, s, tie = true, s2, t
			}
		}
		if ok {
			out = append(out, storedMatch{ev: c, score: s, tie: tie})
		}
	}
	return out, nil
}

// candidateQuery is what group g of rec, whose kept mention is own, asks the index; false when it asks
// nothing.
func (l *Linker) candidateQuery(ctx context.Context, rec *dyad.Record, g *group, own *dyad.Event) (dyad.CandidateQuery, bool) {
	pp := l.viewPeople(ctx, own)
	// Undated events fold by the people on their sides: look for them only when this one has some.
	named := len(pp.Source) > 0 || len(pp.Target) > 0
	q := dyad.CandidateQuery{Keys: []string{g.key}, Undated: named}
	if dr := parseDate(string(g.ev.Date)); dr.dated() {
		// A dated mention matches a dated one by their codings, People aside, and dates alone (matchSides):
		// of many mentions with one coding and date the first stands for them all (the tie-break is the
		// smallest pair of mention keys).
		q.ByCoding = true
		q.From, q.To = dr.lo.Add(-l.opts.Window).Format(day), dr.hi.Add(l.opts.Window).Format(day)
		q.PublishedFrom, q.PublishedTo = q.From, dr.hi.Add(l.opts.Horizon).Format(day)
	} else {
		if !named {
			return q, false // an undated event folds only by its people
		}
		if own.Date == "" {
			// An undated mention matches another only when they name one person on a side (matchSides).
			q.People = slices.Concat(pp.Source, pp.Target)
		}
		if pub := parseDate(string(rec.Article.Published)); pub.dated() {
			lo, hi := pub.lo.Add(-l.opts.Horizon), pub.hi.Add(l.opts.Window)
			q.From, q.To = lo.Format(day), hi.Format(day)
			q.PublishedFrom, q.PublishedTo = lo.Add(-l.opts.Window).Format(day), hi.Add(l.opts.Horizon).Format(day)
		} else {
			// Nothing bounds when it happened: it is compared with the latest events of its key that name its
			// people, not with every one of them (which grows with the store).
			q.Recent = l.opts.Recent
		}
	}
	return q, true
}

// newEventID is a stable id for a new event: a hash of its key and its first mention.
func newEventID(key, articleID string, ev dyad.Event) string {
	m := ev.Mentions[0]
	h := sha256.New()
	for _, s := range []string{key, articleID, ev.Code} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var b [8]byte
	for i, v := 0, m.Start; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
	h.Write(b[:])
	return "ev" + hex.EncodeToString(h.Sum(nil)[:10])
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// recorder is implemented by indexes that return a stored record, as every dyad.Store does.
type recorder interface {
	Record(ctx context.Context, id string) (*dyad.Record, error)
}

// viewPeople returns the people who may stand for the sides of a mention view: those kept with its coding,
// or, for a mention stored before they were kept, those its article names, read through the index when it
// can return records (nobody otherwise).
func (l *Linker) viewPeople(ctx context.Context, v *dyad.Event) *dyad.SidePeople {
	if len(v.Mentions) > 0 {
		m := &v.Mentions[0]
		if m.Coding != nil && m.Coding.People != nil {
			return m.Coding.People
		}
		if m.ArticleID != "" {
			if r, ok := l.idx.(recorder); ok {
				return peopleOf(v, l.people.get(ctx, r, m.ArticleID))
			}
		}
	}
	return &dyad.SidePeople{}
}

// peopleCacheSize bounds each of the two generations of peopleCache.
const peopleCacheSize = 4096

// peopleCache keeps whom the stored articles read for legacy mentions name, in two generations: when the
// newer is full it becomes the older and the oldest is dropped, so that what is in use stays (no cliff).
type peopleCache struct {
	mu       sync.Mutex
	cur, old map[string]map[string]string
}

func (c *peopleCache) get(ctx context.Context, r recorder, id string) map[string]string {
	c.mu.Lock()
	p, ok := c.cur[id]
	if !ok {
		if p, ok = c.old[id]; ok {
			c.putLocked(id, p)
		}
	}
	c.mu.Unlock()
	if ok {
		return p
	}
	rec, err := r.Record(ctx, id)
	if err != nil || rec == nil {
		return nil // not stored (yet) or unreadable: nobody known
	}
	p = personIDs(rec.Mentions)
	c.mu.Lock()
	c.putLocked(id, p)
	c.mu.Unlock()
	return p
}

func (c *peopleCache) putLocked(id string, p map[string]string) {
	if c.cur == nil || len(c.cur) >= peopleCacheSize {
		c.old, c.cur = c.cur, make(map[string]map[string]string, peopleCacheSize)
	}
	c.cur[id] = p
}
