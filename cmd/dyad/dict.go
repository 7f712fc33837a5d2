package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/packs"
)

func init() {
	register(command{name: "dict", args: "check DIR | import --format F FILE | gaps | coverage", summary: "validate a language-data directory, import PETRARCH/Phoenix dictionaries, list the years offices lack holders", run: runDict})
}

func runDict(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("want 'dict check DIR' or 'dict import --format petrarch-actors|petrarch-agents|petrarch-discards|petrarch-verbs FILE'")
	}
	switch args[0] {
	case "coverage":
		return runCoverage(ctx, e, args[1:])
	case "gaps":
		return runGaps(ctx, e, args[1:])
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
			// A user directory is checked merged over the embedded packs, as --dict uses it; a whole pack (the
			// embedded packs' own source, packs/data, being edited) is checked in their place, not twice.
			if packs.WholePack(pos[0]) {
				set = packs.Replacing(packs.ThirdPartyDefault(), pos[0])
			} else if set, err = packs.Load(pos[0]); err != nil {
				return err
			}
			name = pos[0]
		default:
			return usagef("one directory at a time")
		}
		errs := packs.Check(set)
		for _, err := range errs {
			fmt.Fprintln(e.stderr, errLine(err))
		}
		if len(errs) > 0 {
			fmt.Fprintf(e.stdout, "%s: %d problem(s)\n", name, len(errs))
			// A dictionary with problems is a bad dictionary (exit status 3), as when it is loaded with --dict.
			return fmt.Errorf("%s: %d problem(s), each above by file and line", name, len(errs))
		}
		fmt.Fprintf(e.stdout, "%s: ok\n", name)
		return nil
	case "import":
		return runDictImport(e, args[1:])
	}
	return usagef("unknown dict subcommand %q", args[0])
}

// runDictImport converts one PETRARCH/Phoenix dictionary. Every line it cannot read is printed as
// file:line: reason; more of them than --max-errors make the exit status 3 (the rest is written all the same).
func runDictImport(e *env, args []string) error {
	fs := newFlags(e, "dict import", "FILE")
	format := fs.String("format", actor.FormatPetrarchActors, "input format: petrarch-actors, petrarch-agents, petrarch-discards or petrarch-verbs")
	out := fs.String("out", "", "write here instead of stdout (e.g. mydict/actors/petrarch)")
	source := fs.String("source", "", "the name of the input in the output's header and the messages (default: FILE)")
	maxErrors := fs.Int("max-errors", 0, "how many unreadable lines are tolerated before the exit status is 3")
	lang := fs.String("lang", "en", "the dictionary's language (petrarch-verbs; petrarch-agents: for the plurals PETRARCH makes, en or es)")
	prefix := fs.String("prefix", "pe", "petrarch-verbs: prefix of the word-set names written (they must not clash with yours)")
	stemWords := fs.Bool("stem-words", false, "petrarch-verbs: match the patterns' words by stem (dictionaries of lemmas, e.g. UniversalPetrarch)")
	conf := fs.Float64("conf", 0.6, "petrarch-verbs: confidence of the converted patterns")
	report := fs.String("report", "", "write every unreadable line and every screened name here, one a line")
	sectors := fs.String("sectors", "", "petrarch-agents: keep only the lines whose sector opens with one of these comma-separated codes (e.g. GOV,MIL,COP)")
	pluralOnly := fs.Bool("plural-only", false, "petrarch-agents: keep only the forms whose head noun is plural (\"soldiers\", not \"scholar\" or \"aircraft carrier\")")
	pos, err := parse(fs, args)
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
	if *format == "petrarch-verbs" {
		return importVerbs(e, in, pos[0], *out, coder.PetrarchOptions{Lang: *lang, Source: filepath.Base(pos[0]),
			Prefix: *prefix, StemWords: *stemWords, Conf: *conf})
	}
	opt, err := actor.ImportOptionsFrom(packs.Embedded(false))
	if err != nil {
		return err
	}
	opt.Source, opt.Lang, opt.PluralOnly = pos[0], *lang, *pluralOnly
	if *sectors != "" {
		opt.Sectors = strings.Split(*sectors, ",")
	}
	if *source != "" {
		opt.Source = *source
	}
	w := e.stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	rep, err := actor.ImportWith(in, *format, w, opt)
	if err != nil {
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(e.stderr, dyad.EscapeControls(fmt.Sprint(p)))
	}
	if *report != "" {
		var b strings.Builder
		for _, p := range rep.Problems {
			fmt.Fprintf(&b, "unreadable: %v\n", p)
		}
		for _, p := range rep.Screened {
			fmt.Fprintf(&b, "screened: %v\n", p)
		}
		if err := os.WriteFile(*report, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "%s: %d entries, %d names, %d roles written; %d lines unreadable, %d names or entries screened\n",
		dyad.EscapeControls(opt.Source), rep.Entries, rep.Names, rep.Roles, len(rep.Problems), len(rep.Screened))
	if len(rep.Problems) > *maxErrors {
		return fmt.Errorf("%s: %d lines could not be read (--max-errors %d)", opt.Source, len(rep.Problems), *maxErrors)
	}
	return nil
}

// importVerbs converts a PETRARCH verb dictionary into our verb patterns.
func importVerbs(e *env, in io.Reader, name, out string, o coder.PetrarchOptions) error {
	cb, err := cameo.Load(packs.Embedded(false))
	if err != nil {
		return err
	}
	o.Codebook = cb
	res, err := coder.ConvertPetrarchVerbs(in, o)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, is := range res.Issues {
		fmt.Fprintf(e.stderr, "%s:%d: %s\n", dyad.EscapeControls(name), is.Line, dyad.EscapeControls(is.Reason))
	}
	fmt.Fprintf(e.stderr, "%s: %d word sets, %d patterns written; %d lines not expressed\n", dyad.EscapeControls(name), res.Sets, res.Patterns, len(res.Issues))
	w := e.stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if _, err = io.WriteString(w, res.Text); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && out != "" {
		return f.Close()
	}
	return nil
}
