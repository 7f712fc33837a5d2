package coder

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
)

// TestCodeEventsUntraced: CodeEvents gives CodeTokens' events and statements, and no trace, over the wire19 and
// wire22 gold sentences of every language, their actors recognised by the shipped dictionary.
func TestCodeEventsUntraced(t *testing.T) {
	dict, err := actor.Load(packs.Default())
	if err != nil {
		t.Skipf("actor dictionary does not load: %v", err)
	}
	c := newTestCoder(t)
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", "wire19-*.jsonl"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", "wire22-*.jsonl"))
	texts, traced, events := 0, 0, 0
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			var g struct{ Lang, Date, Text string }
			if json.Unmarshal(line, &g) != nil || g.Text == "" {
				continue
			}
			a := &dyad.Article{ID: "a1", Lang: g.Lang, Text: g.Text, Published: dyad.NullString(g.Date)}
			ms := dict.Recognize(a)
			want, got := c.CodeTokens(a, ms, nil), c.CodeEvents(a, ms, nil)
			if !reflect.DeepEqual(got.Events, want.Events) || !reflect.DeepEqual(got.Statements, want.Statements) {
				t.Errorf("%s %q: CodeEvents gives\n%+v\n%+v\nCodeTokens\n%+v\n%+v", g.Lang, g.Text, got.Events, got.Statements, want.Events, want.Statements)
			}
			if got.Trace != nil {
				t.Errorf("%q: CodeEvents traced %d firings", g.Text, len(got.Trace))
			}
			texts++
			events += len(want.Events)
			if len(want.Trace) > 0 {
				traced++
			}
		}
	}
	if texts < 200 || traced < texts/2 || events < texts/2 {
		t.Errorf("%d texts, %d traced, %d events: the test reads too little", texts, traced, events)
	}
}
