package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
)

// column is one column of a list: its header, a width limit for tables (0: none) and its value.
type column[T any] struct {
	name  string
	width int
	get   func(T) string
}

func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "", "output format: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func checkFormat(format string, allowed ...string) error {
	if len(allowed) == 0 {
		allowed = []string{"table", "json", "jsonl", "csv"}
	}
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usagef("unknown --format %q (want %s)", format, strings.Join(allowed, ", "))
}

func resolveFormat(format string, w io.Writer) string {
	if format != "" {
		return format
	}
	if isTerminal(w) {
		return "table"
	}
	return "jsonl"
}

// writeList writes rows in the chosen format: JSON forms write the rows themselves (the data model's field
// names), table and CSV the columns.
func writeList[T any](w io.Writer, format string, rows []T, cols []column[T]) error {
	switch resolveFormat(format, w) {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rows == nil {
			rows = []T{}
		}
		return enc.Encode(rows)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		head := make([]string, len(cols))
		for i, c := range cols {
			head[i] = c.name
		}
		cw.Write(head)
		for _, r := range rows {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = c.get(r)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	case "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := make([]string, len(cols))
		for i, c := range cols {
			head[i] = strings.ToUpper(c.name)
		}
		fmt.Fprintln(tw, strings.Join(head, "\t"))
		for _, r := range rows {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = cell(c.get(r), c.width)
			}
			fmt.Fprintln(tw, strings.Join(rec, "\t"))
		}
		return tw.Flush()
	default:
		return usagef("unknown --format %q", format)
	}
}

// writeOne writes a single value as indented JSON (json, table) or one line (jsonl).
func writeJSON(w io.Writer, v any, compact bool) error {
	enc := json.NewEncoder(w)
	if !compact {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// cell makes untrusted text safe and short for a table cell: control characters (terminal escapes
// included) and tabs become spaces, and the text is cut to width runes.
func cell(s string, width int) string {
	s = sanitize(s)
	if width > 0 && utf8.RuneCountInString(s) > width {
		r := []rune(s)
		s = string(r[:width-1]) + "…"
	}
	return s
}

// sanitize replaces control characters with spaces and folds runs of white space.
func sanitize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) || r == utf8.RuneError {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}
