package coder

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

// TestDiscardsKeep: a `keep` line of our data takes a phrase out of the imported discards, in either layer's
// file, and only that phrase.
func TestDiscardsKeep(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "xx"), 0o755); err != nil {
		t.Fatal(err)
	}
	data := "sentence | world war two\nsentence | world cup\nkeep | World War Two\n"
	if err := os.WriteFile(filepath.Join(dir, "xx", DiscardsFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, errs := loadDiscards(packs.Dir(dir))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for s, want := range map[string]bool{
		"Europe's biggest war since World War Two began in 2022.": false,
		"Argentina won the World Cup.":                            true,
	} {
		if got := ds["xx"].voids(s); got != want {
			t.Errorf("voids(%q) = %v, want %v", s, got, want)
		}
	}
	// the embedded English data keeps the world wars out of PETRARCH's list
	en, errs := loadDiscards(packs.Embedded(true))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if en["en"].voids("Russia's war is the largest in Europe since World War Two.") {
		t.Error("the embedded English discards still void 'since World War Two'")
	}
	if !en["en"].voids("Argentina beat France in the World Cup final.") {
		t.Error("the embedded English discards no longer void the World Cup")
	}
}
