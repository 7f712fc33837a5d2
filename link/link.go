package link

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// Defaults of Options.
const (
	DefaultWindow    = 3 * 24 * time.Hour
	DefaultThreshold = 0.5
	DefaultHorizon   = 31 * 24 * time.Hour
	DefaultRecent    = 32
)

// Options tune a Linker. Zero values take the defaults.
type Options struct {
	// Window is how far apart two dated mentions of one event may be (default 3 days).
	Window time.Duration
	// Threshold is the estimated Jaccard similarity of word 5-shingles at and above which an article is a
	// near-duplicate of a stored one (default 0.5: a lightly edited reprint of a wire story scores 0.6-0.9, two
	// different stories on the same event below 0.3). The LSH bands find pairs from about 0.45 up.
	Threshold float64
	// Horizon is how far before its article's publication date an undated mention may have happened; it
	// bounds the stored events an undated mention is compared with (default 31 days).
	Horizon time.Duration
	// Recent is how many stored events of its key an undated mention of an article with no publication
	// date is compared with: the latest that name its people (default 32; dyad.CandidateQuery.Recent).
	Recent int
}

// Linker links records to what a LinkIndex holds. Link is meant to be called serially, each record right
// before it is saved. A Linker is safe for concurrent use (it keeps only a cache of whom stored articles
// name), but two records linked concurrently do not see each other.
type Linker struct {
	people   *peopleCache // whom stored articles name, for mentions stored without their people
	idx      dyad.LinkIndex
	opts     Options
	lex      *Lexicon
	families *Families
	sigs     *sigCache // the signatures of the records being linked
}

// New returns a Linker over idx that reads its concept lexicon and event families from p. Data errors name
// the file and line.
func New(p *packs.Set, idx dyad.LinkIndex, opts Options) (*Linker, error) {
	if idx == nil {
		return nil, errors.New("link: nil LinkIndex")
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.Threshold <= 0 || opts.Threshold > 1 {
		opts.Threshold = DefaultThreshold
	}
	if opts.Horizon <= 0 {
		opts.Horizon = DefaultHorizon
	}
	if opts.Recent <= 0 {
		opts.Recent = DefaultRecent
	}
	lex, errs := LoadLexicon(p)
	if len(errs) > 0 {
		return nil, fmt.Errorf("link: concept lexicon: %w", errors.Join(errs...))
	}
	fam, errs := LoadFamilies(p)
	if len(errs) > 0 {
		return nil, fmt.Errorf("link: event families: %w", errors.Join(errs...))
	}
	return &Linker{idx: idx, opts: opts, lex: lex, families: fam, people: &peopleCache{}, sigs: &sigCache{}}, nil
}

func init() {
	packs.RegisterChecker("link", func(s *packs.Set) []error {
		_, errs := LoadLexicon(s)
		_, ferrs := LoadFamilies(s)
		return append(errs, ferrs...)
	})
}

// Over returns a Linker like l (options, lexicon, families, cache) over another index: a Pending of its own
// for a batch linked apart from the others.
func (l *Linker) Over(idx dyad.LinkIndex) *Linker {
	c := *l
	c.idx = idx
	return &c
}

// Lexicon returns the concept lexicon the Linker uses.
func (l *Linker) Lexicon() *Lexicon { return l.lex }

// Link prepares rec for saving:
//
//   - it sets rec.Signature and, when a stored article is a near-duplicate, rec.Article.NearDuplicateOf; the
//     events of a near-duplicate are dropped from the record (they are the stored article's events) and its
//     statements keep their concepts but join no claim, so that nothing is counted twice. Of two
//     near-duplicates the original is the one Original ranks first, whichever arrives first: when rec ranks
//     before the stored original, rec keeps its events and rec.Demote lists the stored one, which the store
//     demotes when it saves rec;
//   - it folds the record's events: mentions of one event within the record become one event with one
//     mention, and an event that matches a stored one takes its id, date and key;
//   - it sets each statement's Concepts and ClaimID and lists the claims in rec.Claims.
//
// Link changes nothing in the index; the store's Save does.
func (l *Linker) Link(ctx context.Context, rec *dyad.Record) error {
	if rec == nil {
		return errors.New("link: nil record")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rec.Merge = nil
	dup, err := l.nearDuplicates(ctx, rec)
	if err != nil {
		return fmt.Errorf("link: article %s: near-duplicates: %w", rec.Article.ID, err)
	}
	if dup {
		rec.Events = nil
	} else if err := l.foldEvents(ctx, rec); err != nil {
		return fmt.Errorf("link: article %s: events: %w", rec.Article.ID, err)
	}
	l.linkClaims(rec, !dup)
	return nil
}

// prefetcher is implemented by indexes that can answer a batch's questions ahead, concurrently (Pending).
type prefetcher interface {
	prefetch(ctx context.Context, n int, ask func(i int, a *asker))
}

// Prefetch asks the store, concurrently, the questions that Link will ask of it for recs (the signatures
// that share a band, the candidate events of each group), so that linking the batch in order then finds the
// store's answers ready. The answers stay valid while the store does not change: call it under the writer
// lock, right before the batch is linked (pipeline.Runner does so). The index must be a Pending; on any
// other Prefetch does nothing. Which events form does not depend on it: Link asks the same questions, and
// Pending merges its own records into the answers as before.
func (l *Linker) Prefetch(ctx context.Context, recs []*dyad.Record) {
	pf, ok := l.idx.(prefetcher)
	if !ok {
		return
	}
	pf.prefetch(ctx, len(recs), func(i int, a *asker) {
		rec := recs[i]
		if sig := l.sign(rec); sig != nil {
			a.similar(sig.Bands)
		}
		for _, g := range l.groups(ctx, rec) {
			own := mentionView(&g.ev, g.ev.Mentions[0])
			if q, ok := l.candidateQuery(ctx, rec, g, &own); ok {
				a.candidates(q)
			}
		}
	})
}

// Locks names what linking recs reads and changes, for a dyad.KeyedLinkSaver: the key of each of their
// events (dyad.KeyLock) and each LSH band of their texts (dyad.BandLock). Two records that share no name
// cannot fold into one event nor be near-duplicates of each other, so writers may link them at once. It
// reads the records as they are before Link and asks nothing of the store.
func (l *Linker) Locks(recs []*dyad.Record) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, rec := range recs {
		for i := range rec.Events {
			add(dyad.KeyLock(l.Key(&rec.Events[i])))
		}
		if sig := l.sign(rec); sig != nil {
			for _, b := range sig.Bands {
				add(dyad.BandLock(b))
			}
		}
	}
	slices.Sort(out)
	return out
}

// SaveLinkedBy returns a dyad.LinkSaver's SaveLinked for st: when st is a dyad.KeyedLinkSaver, one that
// locks only the names of the records it is given (Locks), so that writers of different keys do not wait
// for each other; else st's own SaveLinked; nil when st is neither.
func (l *Linker) SaveLinkedBy(st any) func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	if ks, ok := st.(dyad.KeyedLinkSaver); ok {
		return func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
			return ks.SaveLinkedKeys(ctx, recs, l.Locks(recs), link)
		}
	}
	if ls, ok := st.(dyad.LinkSaver); ok {
		return ls.SaveLinked
	}
	return nil
}
