package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/packs"
)

func init() {
	register(command{name: "dict", args: "check DIR | import --format F FILE", summary: "validate a language-data directory, or import PETRARCH/Phoenix dictionaries", run: runDict})
}

func runDict(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("want 'dict check DIR' or 'dict import --format petrarch-actors|petrarch-agents|petrarch-verbs FILE'")
	}
	switch args[0] {
	case "coverage":
		return runCoverage(ctx, e, args[1:])
	case "check":
		fs := newFlags(e, "dict check", "[DIR]")
		pos, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		var set *packs.Set
		name := "the embedded packs"
		switch len(pos) {
		case 0:
			set = packs.Default()
		case 1:
			st, err := os.Stat(pos[0])
			if err != nil {
				return fmt.Errorf("dictionary %s: %w", pos[0], err)
			}
			if !st.IsDir() {
				return fmt.Errorf("dictionary %s: not a directory", pos[0])
			}
			// A user directory is checked merged over the embedded packs, as --dict uses it.
			if set, err = packs.Load(pos[0]); err != nil {
				return err
			}
			name = pos[0]
		default:
			return usagef("one directory at a time")
		}
		errs := packs.Check(set)
		for _, err := range errs {
			fmt.Fprintln(e.stderr, err)
		}
		if len(errs) > 0 {
			fmt.Fprintf(e.stdout, "%s: %d problem(s)\n", name, len(errs))
			return errSomeFailed
		}
		fmt.Fprintf(e.stdout, "%s: ok\n", name)
		return nil
	case "import":
		fs := newFlags(e, "dict import", "FILE")
		format := fs.String("format", "petrarch-actors", "input format: petrarch-actors, petrarch-agents or petrarch-verbs")
		out := fs.String("out", "", "write here instead of stdout (e.g. mydict/actors/petrarch)")
		lang := fs.String("lang", "en", "petrarch-verbs: the dictionary's language")
		prefix := fs.String("prefix", "pe", "petrarch-verbs: prefix of the word-set names written (they must not clash with yours)")
		stemWords := fs.Bool("stem-words", false, "petrarch-verbs: match the patterns' words by stem (dictionaries of lemmas, e.g. UniversalPetrarch)")
		conf := fs.Float64("conf", 0.6, "petrarch-verbs: confidence of the converted patterns")
		pos, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usagef("want one input file")
		}
		in, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer in.Close()
		w := e.stdout
		if *out != "" {
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			defer f.Close()
			w = f
		}
		if *format == "petrarch-verbs" {
			cb, err := cameo.Load(packs.Embedded(false))
			if err != nil {
				return err
			}
			res, err := coder.ConvertPetrarchVerbs(in, coder.PetrarchOptions{Lang: *lang, Source: filepath.Base(pos[0]),
				Prefix: *prefix, StemWords: *stemWords, Conf: *conf, Codebook: cb})
			if err != nil {
				return fmt.Errorf("%s: %w", pos[0], err)
			}
			for _, is := range res.Issues {
				fmt.Fprintf(e.stderr, "%s:%d: %s\n", pos[0], is.Line, is.Reason)
			}
			fmt.Fprintf(e.stderr, "%s: %d word sets, %d patterns written; %d lines not expressed\n", pos[0], res.Sets, res.Patterns, len(res.Issues))
			_, err = io.WriteString(w, res.Text)
			return err
		}
		if err := actor.Import(in, *format, w); err != nil {
			return fmt.Errorf("%s: %w", pos[0], err)
		}
		return nil
	}
	return usagef("unknown dict subcommand %q", args[0])
}
