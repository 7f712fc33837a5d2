package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/link"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/postgres"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/text"
)

// env holds the global flags and the components a command asks for, built on first use.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	db         string
	dicts      dictFlag
	thirdParty bool
	tpSet      bool // thirdParty was initialised from the environment

	once   sync.Once
	set    *packs.Set
	setErr error

	store dyad.Store
	dict  *actor.Dictionary
}

type dictFlag []string

func (d *dictFlag) String() string     { return strings.Join(*d, ",") }
func (d *dictFlag) Set(v string) error { *d = append(*d, v); return nil }

func (e *env) globalFlags(fs *flag.FlagSet) {
	def := os.Getenv("DYAD_DB")
	if def == "" {
		def = "dyad.db"
	}
	if e.db == "" {
		e.db = def
	}
	fs.StringVar(&e.db, "db", e.db, "store: a SQLite file path or a postgres:// URL (env DYAD_DB)")
	fs.Var(&e.dicts, "dict", "a directory of extra language data, same layout as packs/data (repeatable)")
	if !e.tpSet {
		e.thirdParty, e.tpSet = packs.ThirdPartyDefault(), true
	}
	fs.BoolVar(&e.thirdParty, "third-party", e.thirdParty, "read the converted third-party dictionaries (packs/thirdparty; env DYAD_THIRD_PARTY=off turns them off)")
}

func (e *env) packs() (*packs.Set, error) {
	e.once.Do(func() {
		if !e.tpSet { // an env built without flags (tests, library use) reads what a plain run reads
			e.thirdParty, e.tpSet = packs.ThirdPartyDefault(), true
		}
		e.set, e.setErr = packs.LoadWith(e.thirdParty, e.dicts...)
	})
	return e.set, e.setErr
}

// dictionary loads the actor dictionary alone, for the commands that need no other stage (dyad actors).
func (e *env) dictionary() (*actor.Dictionary, error) {
	if e.dict != nil {
		return e.dict, nil
	}
	set, err := e.packs()
	if err != nil {
		return nil, err
	}
	if e.dict, err = actor.Load(set); err != nil {
		return nil, fmt.Errorf("actor data: %w", err)
	}
	return e.dict, nil
}

// components are the loaded stages of the pipeline.
type components struct {
	extractor *extract.Extractor
	dict      *actor.Dictionary
	codebook  *cameo.Codebook
	coder     *coder.Coder
	geo       *geo.Resolver
}

func (e *env) components() (*components, error) {
	set, err := e.packs()
	if err != nil {
		return nil, err
	}
	c := &components{}
	if c.extractor, err = extract.New(set); err != nil {
		return nil, fmt.Errorf("extract data: %w", err)
	}
	if c.dict, err = e.dictionary(); err != nil {
		return nil, err
	}
	if c.codebook, err = cameo.Load(set); err != nil {
		return nil, fmt.Errorf("CAMEO codebook: %w", err)
	}
	if c.coder, err = coder.New(set, c.codebook); err != nil {
		return nil, fmt.Errorf("verb patterns: %w", err)
	}
	if c.geo, err = geo.New(set); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	// the actor stage and the coder read where crowds and events at home are from the whole gazetteer
	// (a territory's places, Nouméa, count for the country CAMEO codes it as: actors/countries)
	gaz, dict := c.geo.Gazetteer(), c.dict
	placeCountry := func(key, prefer string) (string, bool) {
		cc, ok := gaz.PlaceCountry(key, prefer)
		return dict.Sovereign(cc), ok
	}
	c.dict.SetPlaces(placeCountry)
	c.coder.SetPlaces(placeCountry)
	return c, nil
}

// stages returns the per-document stages (extract, annotate, code) over loaded components.
func (c *components) stages() pipeline.Stages {
	// The article's tokens, made once by annotate and used again by code (Process runs both on one
	// article, one after the other), keyed by the article.
	var toks sync.Map
	return pipeline.Stages{
		Extract: c.extractor.Extract,
		Annotate: func(a *dyad.Article) []dyad.ActorMention {
			var tt []text.Token
			if b, ok := tokenBufs.Get().(*[]text.Token); ok {
				tt = (*b)[:0]
			}
			tt = text.AppendTokens(tt, a.Text)
			toks.Store(a, tt)
			return c.dict.RecognizeTokens(a, tt)
		},
		Code: func(a *dyad.Article, ms []dyad.ActorMention) ([]dyad.Event, []dyad.Statement) {
			var tt []text.Token
			if v, ok := toks.LoadAndDelete(a); ok {
				tt = v.([]text.Token)
			}
			r := c.coder.CodeEvents(a, ms, tt) // (the trace is for dyad code)
			c.geo.ResolveTokens(a, ms, r.Events, tt)
			// Neither the mentions nor the events hold the token slice (only strings of the text): the next
			// article may write over it.
			if tt != nil && cap(tt) <= maxPooledTokens {
				clear(tt) // the pool should not keep this article's text alive
				tokenBufs.Put(&tt)
			}
			return r.Events, r.Statements
		},
	}
}

// tokenBufs keeps the token slices of annotated articles for the next ones (an article's tokens were a
// twentieth of what an ingest allocated), up to maxPooledTokens tokens each.
var tokenBufs sync.Pool

const maxPooledTokens = 1 << 15

// openStore opens the store named by --db.
func (e *env) openStore(ctx context.Context) (dyad.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	// Open into typed variables: a nil *sqlite.DB in the interface would not compare equal to nil.
	var st dyad.Store
	if strings.HasPrefix(e.db, "postgres://") || strings.HasPrefix(e.db, "postgresql://") {
		db, err := postgres.Open(ctx, e.db)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", redactURL(e.db), err)
		}
		st = db
	} else {
		db, err := sqlite.Open(ctx, e.db)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", redactURL(e.db), err)
		}
		st = db
	}
	e.store = st
	return st, nil
}

// openExistingStore is openStore for read commands: a missing SQLite file is an error, not a new database.
func (e *env) openExistingStore(ctx context.Context) (dyad.Store, error) {
	if !strings.Contains(e.db, "://") {
		if _, err := os.Stat(e.db); err != nil {
			return nil, fmt.Errorf("no store at %s (run 'dyad ingest' first, or pass --db): %w", e.db, err)
		}
	}
	return e.openStore(ctx)
}

// batchSaver is implemented by stores that save many records in one transaction.
type batchSaver interface {
	SaveBatch(ctx context.Context, recs []*dyad.Record) ([]bool, error)
}

// runner returns a pipeline over the loaded stages into st, linking each record against the store and,
// when the store saves in batches, against the records of the batch not yet saved.
func (e *env) runner(c *components, st dyad.Store, workers int) (*pipeline.Runner, error) {
	set, err := e.packs()
	if err != nil {
		return nil, err
	}
	r := &pipeline.Runner{Stages: c.stages(), Store: st, Workers: workers}
	var idx dyad.LinkIndex = st
	if b, ok := st.(batchSaver); ok {
		p := link.NewPending(st)
		idx, r.Pending, r.SaveBatch, r.Batch = p, p, b.SaveBatch, 256
	}
	lk, err := link.New(set, idx, link.Options{})
	if err != nil {
		return nil, err
	}
	r.Link = lk.Link
	limitMemory()
	if r.Pending != nil {
		// Each batch is linked under the store's writer lock (PostgreSQL: the locks of the keys and bands its
		// records touch), right before it is saved: several ingests into one store store the events one would.
		r.SaveLinked = lk.SaveLinkedBy(st)
		// The parts of a batch whose records share no key or band are linked concurrently.
		r.LinkNames = func(rec *dyad.Record) []string { return lk.Locks([]*dyad.Record{rec}) }
	}
	if r.SaveLinked != nil {
		r.Prefetch = lk.Prefetch
		if gs, ok := st.(dyad.GroupSaver); ok {
			// Several batches a transaction (pipeline.DefaultGroupBatches, or DefaultGroupWait): a commit
			// writes about the size of the indexes its rows touch, whatever the batch holds.
			r.BeginGroup = func(ctx context.Context) (*pipeline.Group, error) {
				g, err := gs.BeginGroup(ctx)
				if err != nil || g == nil {
					return nil, err
				}
				return &pipeline.Group{SaveLinked: lk.SaveLinkedBy(g), LinkSeesGroup: g.LinkSeesGroup(), Commit: g.Commit}, nil
			}
		}
	}
	return r, nil
}

func (e *env) linker(st dyad.Store) (*link.Linker, error) {
	set, err := e.packs()
	if err != nil {
		return nil, err
	}
	return link.New(set, st, link.Options{})
}

func (e *env) close() {
	if e.store != nil {
		e.store.Close()
	}
}

// redactURL hides a password in a database URL.
func redactURL(s string) string {
	at := strings.Index(s, "@")
	sch := strings.Index(s, "://")
	if at < 0 || sch < 0 || at < sch {
		return s
	}
	cred := s[sch+3 : at]
	if i := strings.Index(cred, ":"); i >= 0 {
		return s[:sch+3] + cred[:i] + ":***" + s[at:]
	}
	return s
}

// gazetteer loads the place gazetteer of the packs the flags name.
func (e *env) gazetteer() (*geo.Gazetteer, error) {
	set, err := e.packs()
	if err != nil {
		return nil, err
	}
	g, errs := geo.Load(set)
	if len(errs) > 0 {
		return nil, fmt.Errorf("gazetteer: %w", errors.Join(errs...))
	}
	return g, nil
}
