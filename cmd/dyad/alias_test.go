package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

// `dyad events --id` finds an event by an id it had before a mention with a smaller content id renamed it,
// and says so on stderr.
func TestEventsByOldID(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "alias.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rec := func(art, ev string) *dyad.Record {
		text := "The foreign ministers of Vietnam and China met in Hanoi, report " + art + "."
		return &dyad.Record{
			Article: dyad.Article{ID: art, URI: art + ".txt", Lang: "en", Text: text, Published: "2025-03-02"},
			Events: []dyad.Event{{ID: ev, Key: "04|CHN|VNM", Date: "2025-03-02", DatePrecision: "day", Code: "040", Root: "04", QuadClass: 1,
				Source: dyad.EventActor{Code: "VNMGOV", Country: "VNM", Sector: "GOV"}, Target: dyad.EventActor{Code: "CHNGOV", Country: "CHN", Sector: "GOV"},
				Mentions: []dyad.EventMention{{ArticleID: art, Lang: "en", Sentence: text, End: len(text), Date: "2025-03-02", Confidence: 0.8}}}},
		}
	}
	renamer := rec("art-b", "ev-alias-1")
	renamer.Merge = []dyad.EventMerge{{Into: "ev-alias-1", From: []string{"ev-alias-2"}}}
	for _, r := range []*dyad.Record{rec("art-a", "ev-alias-2"), renamer} {
		if ok, err := st.Save(ctx, r); err != nil || !ok {
			t.Fatalf("Save(%s) = %v, %v", r.Article.ID, ok, err)
		}
	}
	st.Close()
	var stdout, stderr strings.Builder
	if code := run(ctx, []string{"--db", path, "events", "--id", "ev-alias-2", "--format", "json"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"id": "ev-alias-1"`) || !strings.Contains(stderr.String(), `event "ev-alias-2" is now ev-alias-1`) {
		t.Errorf("events --id of the old id: stdout %s\nstderr %s", stdout.String(), stderr.String())
	}
}
