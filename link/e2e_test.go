package link

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/packs"
)

// pipelineSeeds runs the seeds through the real extract, actor and coder stages.
func pipelineSeeds(t *testing.T) []*dyad.Record {
	dir := seedDir(t)
	p := packs.Default()
	x, err := extract.New(p)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actor.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := cameo.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	cd, err := coder.New(p, cb)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var out []*dyad.Record
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.Extract(&dyad.Document{URI: f, Body: b})
		if err != nil {
			t.Fatal(err)
		}
		rec := &dyad.Record{Article: *a}
		rec.Mentions = dict.Recognize(&rec.Article)
		res := cd.Code(&rec.Article, rec.Mentions)
		rec.Events, rec.Statements = res.Events, res.Statements
		out = append(out, rec)
	}
	return out
}

// TestPipelineSeeds checks the acceptance on the seeds run through the real stages: 000 (fr) and 002
// (en) give one meeting with two mentions dated 2025-02-18; the two claims each gather four statements in
// three languages from 2023 to 2025; and every ingest order gives the same events.
func TestPipelineSeeds(t *testing.T) {
	recs := pipelineSeeds(t)
	file := map[string]string{} // article id -> seed number
	for i, r := range recs {
		file[r.Article.ID] = fmt.Sprintf("%03d", i)
	}
	idx := ingest(t, recs)
	for _, ev := range idx.events {
		var arts []string
		for _, m := range ev.Mentions {
			arts = append(arts, file[m.ArticleID]+"/"+m.Lang+"/"+m.Date)
		}
		t.Logf("event %s %s %q %s->%s %v", ev.Key, ev.Code, ev.Date, ev.Source.Name, ev.Target.Name, arts)
	}
	var meeting *dyad.Event
	for _, ev := range idx.events {
		if rootOf(ev) != "04" || ev.NumMentions != 2 {
			continue
		}
		if fs := []string{file[ev.Mentions[0].ArticleID], file[ev.Mentions[1].ArticleID]}; slices.Contains(fs, "000") && slices.Contains(fs, "002") {
			meeting = ev
		}
	}
	if meeting == nil {
		t.Fatalf("no 04 event with the mentions of 000 and 002")
	}
	if meeting.Date != "2025-02-18" || !slices.Equal(meeting.Languages, []string{"en", "fr"}) {
		t.Errorf("000+002 meeting: date %q languages %v, want 2025-02-18 [en fr]", meeting.Date, meeting.Languages)
	}

	for _, c := range idx.claims {
		var who []string
		for _, st := range c.Statements {
			who = append(who, st.Speaker.Name+"/"+st.Lang+"/"+string(st.Date))
		}
		t.Logf("claim %q: %v", c.Label, who)
	}
	for _, want := range [][]string{{"neighbourhood-diplomacy", "priority"}, {"strategic-choice", "top-priority"}} {
		var claim *dyad.Claim
		for _, c := range idx.claims {
			if slices.Equal(c.Concepts, want) {
				claim = c
			}
		}
		if claim == nil {
			t.Errorf("no claim %v", want)
			continue
		}
		var files, langs, years []string
		for _, st := range claim.Statements {
			files = append(files, file[st.ArticleID])
			langs = append(langs, st.Lang)
			if len(st.Date) >= 4 {
				years = append(years, string(st.Date[:4]))
			}
		}
		for _, l := range [][]string{files, langs, years} {
			slices.Sort(l)
		}
		if !slices.Equal(slices.Compact(files), []string{"000", "001", "002", "003"}) ||
			!slices.Equal(slices.Compact(langs), []string{"en", "fr", "nl"}) ||
			len(years) == 0 || years[0] != "2023" || years[len(years)-1] != "2025" {
			t.Errorf("claim %q: seeds %v, languages %v, years %v; want 000-003, en fr nl, 2023 to 2025",
				claim.Label, files, langs, years)
		}
	}

	want := idx.groups()
	permute(recs, 0, func(order []*dyad.Record) {
		if got := ingest(t, order).groups(); !slices.EqualFunc(got, want, slices.Equal) {
			var fs []string
			for _, r := range order {
				fs = append(fs, file[r.Article.ID])
			}
			t.Errorf("order %v: events %v, want %v", fs, got, want)
		}
	})
}
