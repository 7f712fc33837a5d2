package geo_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

// TestCheckGeo: `dyad dict check` (packs.Check) reads every <lang>/geo file of a user directory as loading
// does, and names the file and line of a class it does not know and of a bad inflect ending.
func TestCheckGeo(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	data := "where | in\nwhat | x\ninflect | bad\n"
	if err := os.WriteFile(filepath.Join(dir, "en", "geo"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range packs.Check(set) {
		if strings.Contains(e.Error(), "en/geo") {
			msgs = append(msgs, e.Error())
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`en/geo:2: unknown class "what"`, `en/geo:3: want ending>ending, got "bad"`} {
		if !strings.Contains(all, want) {
			t.Errorf("check lacks %q; got:\n%s", want, all)
		}
	}
	if len(packs.Check(packs.Default())) != 0 {
		t.Error("the embedded packs do not check clean")
	}
}
