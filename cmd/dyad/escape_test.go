package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A file name with a newline or a terminal escape, given as an argument, reaches stderr escaped on one line
// whichever command's error carries it (issue 13: a name could forge lines or colour the terminal).
func TestErrorsEscapeNames(t *testing.T) {
	ctx := context.Background()
	name := filepath.Join(t.TempDir(), "news\ndyad ingest: all fine\x1b[31m")
	for _, args := range [][]string{
		{"--db", name + ".db", "articles"},
		{"dict", "check", name},
		{"dict", "import", "--format", "phoenix-countries", name + ".txt"},
		{"ingest", "--db", filepath.Join(t.TempDir(), "a.db"), name + ".txt"},
	} {
		_, errs, code := runCLI(t, ctx, args...)
		if code == 0 || strings.Count(errs, "\n") != 1 || strings.Contains(errs, "\x1b") || !strings.Contains(errs, `news\ndyad ingest: all fine\x1b[31m`) {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
