package coder

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCases runs testdata/<lang>.txt: each case is a line "> sentence" followed by expectations:
//
//	= CODE SOURCE TARGET     an event (actor codes); the events found must be exactly those listed
//	= none                   no event
//	= date YYYY-MM-DD        the date of the first event (or of the statement when there is no event)
//	= loc PLACE              the location of the first event
//	= says SPEAKER           a statement by the actor with that code
//	= says SPEAKER: TEXT     ... whose text starts with TEXT
//
// "@ published YYYY-MM-DD" sets the publication date of the cases after it (default 2025-03-10; "-" for none).
func TestCases(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	files, _ := filepath.Glob("testdata/*.txt")
	before := map[string][][]elem{}
	for l, lg := range c.langs {
		lg.ensure()
		before[l] = snapshotElems(c, l)
	}
	defer func() {
		// coding leaves the patterns as they were: what a text codes never depends on the texts before it
		for l, lg := range c.langs {
			after := snapshotElems(c, l)
			for i, pt := range lg.patterns {
				if !reflect.DeepEqual(before[l][i], after[i]) {
					t.Errorf("%s %q: its elements changed while coding", pt.id, pt.text)
				}
			}
		}
	}()
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".txt")
		if len(lang) != 2 {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			for _, tc := range readCases(t, file) {
				a := &dyad.Article{ID: "t", Lang: lang, Text: tc.text, Published: dyad.NullString(tc.published)}
				res := c.Code(a, handMentions(actors, tc.text))
				if msg := tc.check(res); msg != "" {
					t.Errorf("%s:%d: %q\n%s\ntrace: %s", file, tc.line, tc.text, msg, traceString(res))
				}
			}
		})
	}
}

type testCase struct {
	line      int
	text      string
	published string
	events    []string
	none      bool
	date, loc string
	says      []string
}

func readCases(t *testing.T, file string) []*testCase {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []*testCase
	pub := "2025-03-10"
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "@ published "):
			pub = strings.TrimSpace(strings.TrimPrefix(l, "@ published "))
			if pub == "-" {
				pub = ""
			}
		case strings.HasPrefix(l, ">"):
			out = append(out, &testCase{line: i + 1, text: strings.TrimSpace(l[1:]), published: pub})
		case strings.HasPrefix(l, "="):
			if len(out) == 0 {
				t.Fatalf("%s:%d: expectation before a case", file, i+1)
			}
			tc := out[len(out)-1]
			e := strings.TrimSpace(l[1:])
			switch {
			case e == "none":
				tc.none = true
			case strings.HasPrefix(e, "date "):
				tc.date = strings.TrimPrefix(e, "date ")
			case strings.HasPrefix(e, "loc "):
				tc.loc = strings.TrimPrefix(e, "loc ")
			case strings.HasPrefix(e, "says "):
				tc.says = append(tc.says, strings.TrimPrefix(e, "says "))
			default:
				if len(strings.Fields(e)) != 3 {
					t.Fatalf("%s:%d: want CODE SOURCE TARGET", file, i+1)
				}
				tc.events = append(tc.events, strings.Join(strings.Fields(e), " "))
			}
		default:
			t.Fatalf("%s:%d: a line must start with >, = or @", file, i+1)
		}
	}
	return out
}

func (tc *testCase) check(res Result) string {
	var got []string
	for _, e := range res.Events {
		got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
	}
	slices.Sort(got)
	got = slices.Compact(got)
	want := slices.Clone(tc.events)
	slices.Sort(want)
	var msgs []string
	if (tc.none || len(want) > 0) && !slices.Equal(got, want) {
		msgs = append(msgs, fmt.Sprintf("events %q, want %q", got, want))
	}
	if tc.date != "" {
		d := ""
		if len(res.Events) > 0 {
			d = string(res.Events[0].Date)
		} else if len(res.Statements) > 0 {
			d = string(res.Statements[0].Date)
		}
		if d != tc.date {
			msgs = append(msgs, fmt.Sprintf("date %q, want %q", d, tc.date))
		}
	}
	if tc.loc != "" && (len(res.Events) == 0 || res.Events[0].Location.Text() != tc.loc) {
		l := ""
		if len(res.Events) > 0 {
			l = res.Events[0].Location.Text()
		}
		msgs = append(msgs, fmt.Sprintf("location %q, want %q", l, tc.loc))
	}
	for _, s := range tc.says {
		code, text, _ := strings.Cut(s, ":")
		text = strings.TrimSpace(text)
		found := false
		for _, st := range res.Statements {
			if st.Speaker.Code == strings.TrimSpace(code) && strings.HasPrefix(st.Text, text) {
				found = true
			}
		}
		if !found {
			var have []string
			for _, st := range res.Statements {
				have = append(have, fmt.Sprintf("%s(%s): %q", st.Speaker.Code, st.Verb, st.Text))
			}
			msgs = append(msgs, fmt.Sprintf("no statement %q; have %q", s, have))
		}
	}
	return strings.Join(msgs, "\n")
}

func traceString(res Result) string {
	var out []string
	for _, f := range res.Trace {
		out = append(out, fmt.Sprintf("[%s %s %s->%s neg=%v %s]", f.Pattern, f.Code, f.Source, f.Target, f.Negated, f.Why))
	}
	return strings.Join(out, " ")
}
