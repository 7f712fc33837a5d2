package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
)

// runCoverage prints, per CAMEO root family and language, how many patterns code into the family and through
// how many distinct trigger words: `dyad dict coverage`. docs/patterns.md holds its output
// (scripts/coverage.sh rewrites that section).
func runCoverage(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "dict coverage", "")
	format := fs.String("format", "table", "table or markdown")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("dict coverage takes no arguments")
	}
	if *format != "table" && *format != "markdown" {
		return usagef("--format: want table or markdown, got %q", *format)
	}
	set, err := e.packs()
	if err != nil {
		return err
	}
	cb, err := cameo.Load(set)
	if err != nil {
		return fmt.Errorf("CAMEO codebook: %w", err)
	}
	cd, err := coder.New(set, cb)
	if err != nil {
		return fmt.Errorf("verb patterns: %w", err)
	}
	writeCoverage(e.stdout, cd, cb, *format == "markdown")
	return nil
}

func writeCoverage(w io.Writer, cd *coder.Coder, cb *cameo.Codebook, md bool) {
	langs := cd.CoverageLangs()
	cov := map[string][]coder.RootCoverage{}
	for _, l := range langs {
		cov[l] = cd.Coverage(l)
	}
	cell := func(r coder.RootCoverage) string {
		if r.ThirdParty > 0 {
			return fmt.Sprintf("%d/%d (+%d)", r.Patterns-r.ThirdParty, r.Triggers, r.ThirdParty)
		}
		return fmt.Sprintf("%d/%d", r.Patterns, r.Triggers)
	}
	header := append([]string{"root", "family"}, langs...)
	var rows [][]string
	totals := make([]int, len(langs))
	tpTotals := make([]int, len(langs))
	for i := 0; i < 20; i++ {
		root := fmt.Sprintf("%02d", i+1)
		name := ""
		if c, ok := cb.Lookup(root); ok {
			name = c.Name
		}
		row := []string{root, name}
		for j, l := range langs {
			row = append(row, cell(cov[l][i]))
			totals[j] += cov[l][i].Patterns - cov[l][i].ThirdParty
			tpTotals[j] += cov[l][i].ThirdParty
		}
		rows = append(rows, row)
	}
	tot := []string{"all", "patterns"}
	for j, t := range totals {
		if tpTotals[j] > 0 {
			tot = append(tot, fmt.Sprintf("%d (+%d)", t, tpTotals[j]))
		} else {
			tot = append(tot, fmt.Sprint(t))
		}
	}
	rows = append(rows, tot)
	if md {
		fmt.Fprintln(w, "| "+strings.Join(header, " | ")+" |")
		fmt.Fprintln(w, "|"+strings.Repeat("---|", len(header)))
		for _, r := range rows {
			fmt.Fprintln(w, "| "+strings.Join(r, " | ")+" |")
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Each cell: our patterns / their distinct trigger words, (+N) patterns of the third-party layer.")
		return
	}
	width := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range append([][]string{header}, rows...) {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-len([]rune(c))+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
