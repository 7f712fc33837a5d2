package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `dyad dict check packs/data` checks the embedded packs' own source in their place: nothing is loaded twice
// (it used to report every word set and actor as "already defined"), and a broken line there is still
// reported by file and line.
func TestDictCheckPackSource(t *testing.T) {
	src, err := filepath.Abs("../../packs/data")
	if err != nil {
		t.Fatal(err)
	}
	check := func(dir string) (int, string, string) {
		var stdout, stderr strings.Builder
		code := run(context.Background(), []string{"dict", "check", dir}, strings.NewReader(""), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	if code, out, errs := check(src); code != 0 || !strings.Contains(out, ": ok") {
		t.Fatalf("dict check packs/data: exit %d, stdout %q, stderr (first 500) %.500s", code, out, errs)
	}

	// a copy of the pack (links to its parts) with one broken line in en/verbs
	dir := t.TempDir()
	top, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range top {
		if e.Name() == "en" {
			continue
		}
		if err := os.Symlink(filepath.Join(src, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	en, err := os.ReadDir(filepath.Join(src, "en"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range en {
		if e.Name() == "verbs" {
			continue
		}
		if err := os.Symlink(filepath.Join(src, "en", e.Name()), filepath.Join(dir, "en", e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	verbs, err := os.ReadFile(filepath.Join(src, "en", "verbs"))
	if err != nil {
		t.Fatal(err)
	}
	verbs = append(verbs, "999999 | S @nosuchset T\n"...)
	if err := os.WriteFile(filepath.Join(dir, "en", "verbs"), verbs, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := check(dir)
	if code != exitProblem || !strings.Contains(out, "1 problem(s)") || !strings.Contains(errs, filepath.Join(dir, "en", "verbs")+":") {
		t.Fatalf("dict check of a broken copy: exit %d, stdout %q, stderr (first 500) %.500s", code, out, errs)
	}
}
