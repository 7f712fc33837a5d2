package source

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTotalSize(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", 100)
	write("sub/b.jsonl", 250)
	write(".hidden/c.txt", 1000) // Open skips hidden folders
	write("sub/photo.jpg", 5000) // and files it does not read
	if got, ok := TotalSize([]string{dir}); !ok || got != 350 {
		t.Errorf("folder: %d, %v; want 350, true", got, ok)
	}
	if got, ok := TotalSize([]string{filepath.Join(dir, "sub", "*.jsonl"), filepath.Join(dir, "a.txt")}); !ok || got != 350 {
		t.Errorf("glob and file: %d, %v; want 350, true", got, ok)
	}
	if _, ok := TotalSize([]string{dir, "-"}); ok {
		t.Error("stdin: the total is known")
	}
	if _, ok := TotalSize([]string{"https://example.com/feed"}); ok {
		t.Error("URL: the total is known")
	}
}

func TestFileOf(t *testing.T) {
	for uri, want := range map[string]string{"a/b.jsonl#12": "a/b.jsonl", "x.warc.gz#3": "x.warc.gz", "plain.txt": "plain.txt"} {
		if got := FileOf(uri); got != want {
			t.Errorf("FileOf(%q) = %q, want %q", uri, got, want)
		}
	}
}
