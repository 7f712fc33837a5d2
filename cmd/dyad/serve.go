package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/server"
	"github.com/dyad-events/dyad/source"
)

func init() {
	register(command{name: "serve", args: "[--addr 127.0.0.1:8080]", summary: "HTTP API and web dashboard over the store", run: runServe})
	register(command{name: "export", args: "--format csv|jsonl|parquet --out FILE", summary: "export events (GDELT-style CSV, JSONL, Parquet)", run: runExport})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "")
	def := os.Getenv("DYAD_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	addr := fs.String("addr", def, "listen address (env DYAD_ADDR)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	c, err := e.components()
	if err != nil {
		return err
	}
	// Ingests through the API run one at a time: each links against everything stored before it.
	var ingestMu sync.Mutex
	opts := server.Options{Addr: *addr, Token: os.Getenv("DYAD_TOKEN"), Actors: c.dict, Warm: true,
		Places: func(s string) (string, bool) {
			p, ok := c.geo.Gazetteer().Find(s)
			return p.ID, ok
		}}
	opts.Ingest = func(ctx context.Context, docs []dyad.Document) (server.IngestSummary, error) {
		ingestMu.Lock()
		defer ingestMu.Unlock()
		r, err := e.runner(c, st, 2)
		if err != nil {
			return server.IngestSummary{}, err
		}
		var warnMu sync.Mutex
		var warnings []string
		r.Warn = func(err error) {
			warnMu.Lock()
			warnings = append(warnings, err.Error())
			warnMu.Unlock()
		}
		sum, err := r.Run(ctx, source.Documents(docs))
		out := server.IngestSummary{Read: sum.Read, Stored: sum.Stored, Duplicates: sum.Duplicates, Failed: sum.Failed, Warnings: warnings}
		for _, e := range sum.Errors {
			out.Errors = append(out.Errors, e.Error())
		}
		return out, err
	}
	srv := server.NewHTTPServer(*addr, server.New(st, opts))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "dyad serve: dashboard and API on http://%s/ (store %s)\n", ln.Addr(), redactURL(e.db))
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "")
	format := fs.String("format", "", "csv (GDELT-style event columns), jsonl, parquet, or gdelt (GDELT 2.0's event table: 61 tab-separated columns, no header)")
	out := fs.String("out", "", "output file (- for stdout; required)")
	from := fs.String("from", "", "events on or after (YYYY-MM-DD)")
	to := fs.String("to", "", "events on or before (YYYY-MM-DD)")
	code := fs.String("code", "", "CAMEO code prefix")
	actorF := fs.String("actor", "", "actor code prefix on either side")
	pf := addPlaceFlags(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "csv", "jsonl", "parquet", "gdelt"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE is required")
	}
	q := dyad.EventQuery{From: *from, To: *to, Code: *code, Actor: *actorF}
	if err := pf.apply(e, &q); err != nil {
		return err
	}
	st, err := e.openExistingStore(ctx)
	if err != nil {
		return err
	}
	w := e.stdout
	var f *os.File
	if *out != "-" {
		tmp := *out + ".tmp"
		if f, err = os.Create(tmp); err != nil {
			return err
		}
		defer os.Remove(tmp)
		w = f
	}
	var opts export.Options
	if *format == "gdelt" {
		g, err := e.gazetteer()
		if err != nil {
			return err
		}
		opts.ActorPlace = func(cc string) *dyad.Location {
			p, ok := g.Country(cc)
			if !ok {
				return nil
			}
			return &dyad.Location{Name: p.Name, PlaceID: p.ID, Canonical: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Precision: geo.Country, Via: geo.ViaActor}
		}
	}
	n, err := export.WriteWith(ctx, st, *format, w, q, opts)
	if err != nil {
		if f != nil {
			f.Close()
		}
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(*out+".tmp", *out); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "exported %d event(s) to %s\n", n, *out)
	}
	return nil
}
