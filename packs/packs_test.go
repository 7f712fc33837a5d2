package packs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLayersExtendAndLines(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "xx"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "xx", "verbs"), []byte("# comment\n\n a | b |c \nsecond\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "README"), []byte("user readme\n"), 0o644)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if langs := s.Langs(); !contains(langs, "xx") || !contains(langs, "en") {
		t.Errorf("Langs = %v, want the embedded languages and xx", langs)
	}
	fs, err := s.Files("README")
	if err != nil || len(fs) != 2 || fs[0].Name != "packs/data/README" || !strings.HasSuffix(fs[1].Name, "README") {
		t.Fatalf("Files(README) = %v, %v: want the embedded file, then the user's", fs, err)
	}
	fs, _ = s.Files("xx/verbs")
	var got []Line
	for l := range fs[0].Lines() {
		got = append(got, l)
	}
	if len(got) != 2 || got[0].N != 3 || strings.Join(got[0].Fields, ",") != "a,b,c" || got[1].Text != "second" {
		t.Errorf("Lines = %+v", got)
	}
	err = got[1].Errorf("bad %s", "thing")
	var pe *Error
	if !errors.As(err, &pe) || err.Error() != filepath.Join(dir, "xx", "verbs")+":4: bad thing" {
		t.Errorf("Errorf = %v", err)
	}
	glob, err := s.Glob("*/verbs")
	if err != nil || len(glob) < 2 {
		t.Errorf("Glob(*/verbs) = %d files, %v", len(glob), err)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load("/no/such/dir"); err == nil || !strings.Contains(err.Error(), "/no/such/dir") {
		t.Errorf("Load(missing) = %v", err)
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Load(f); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Load(file) = %v", err)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "verbs"), []byte("a | b\nc\x00 | d\n\xff\xfe x\n"), 0o644)
	s, _ := Load(dir)
	if _, err := s.Files("en/verbs"); err == nil || !strings.Contains(err.Error(), "verbs:3: not valid UTF-8") {
		t.Errorf("Files(invalid UTF-8) = %v, want the file and line 3", err)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// WholePack tells the embedded packs' own source (packs/data) from a user directory of a few files.
func TestWholePack(t *testing.T) {
	if !WholePack("data") {
		t.Error("WholePack(packs/data) = false, want true")
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "en", "verbs"), []byte("042 | S visit* T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if WholePack(dir) {
		t.Error("WholePack(a user directory with en/verbs) = true, want false")
	}
	if s := Replacing(false, "data"); len(s.layers) != 1 {
		t.Errorf("Replacing(false, data) has %d layers, want 1", len(s.layers))
	}
}
