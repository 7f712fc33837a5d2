package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// go.mod replaces whatlanggo, go-trafilatura's language guess, with a stand-in that guesses nothing
// (internal/stubs/whatlanggo): its answer, Metadata.Language, must stay unread, and an HTML page's language
// must come from our own identification. This test fails if either stops being true.
func TestTrafilaturaLanguageUnread(t *testing.T) {
	x, err := New(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ body, want string }{
		{`<html><body><article><p>The foreign ministers of Finland and Sweden met in Helsinki on Monday to discuss
the security of the Baltic Sea and the protection of undersea cables.</p><p>They agreed to share what
their coast guards see and to meet again in the spring.</p></article></body></html>`, "en"},
		{`<html><body><article><p>Les ministres des affaires étrangères de la Finlande et de la Suède se sont
rencontrés lundi à Helsinki pour parler de la sécurité de la mer Baltique.</p><p>Ils ont décidé de partager
ce que voient leurs garde-côtes et de se revoir au printemps.</p></article></body></html>`, "fr"},
	} {
		a, err := x.Extract(&dyad.Document{URI: "p.html", Format: "html", Body: []byte(tt.body)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.want {
			t.Errorf("language %q, want %q (from our own identification)", a.Lang, tt.want)
		}
	}

	// No Go file of the module reads go-trafilatura's Metadata.Language.
	root := filepath.Join("..")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "Language" {
				if m, ok := s.X.(*ast.SelectorExpr); ok && m.Sel.Name == "Metadata" {
					t.Errorf("%s reads Metadata.Language, which the whatlanggo stand-in leaves empty", path)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
