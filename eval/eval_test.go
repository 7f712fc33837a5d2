package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestActorMatches(t *testing.T) {
	tests := []struct {
		gold, code, country, sector string
		want                        bool
	}{
		{"CHN", "CHN", "", "", true},
		{"CHN", "CHNGOV", "", "", true},
		{"CHN", "", "CHN", "MIL", true},
		{"CHN", "VNMGOV", "", "", false},
		{"CHN", "", "", "", false},
		{"CHNGOV", "CHNGOV", "", "", true},
		{"CHNGOV", "CHN", "CHN", "GOV", true},
		{"CHNGOV", "CHN", "CHN", "", false},
		{"CHNGOV", "CHNMIL", "", "", false},
		{"VNMMIL", "vnmmil", "", "", true},
		{"CHNGOVMIL", "CHNGOVMIL", "", "", true},
		{"CHNGOVMIL", "CHNGOV", "", "", false},
		{"IGOUNO", "IGOUNO", "", "", true},
		{"IGOUNO", "IGOUNOKID", "", "", true},
		{"IGOUNO", "IGOEUREEC", "", "", false},
		{"IGOEUREEC", "IGOEUR", "", "", false},
		{"IGO", "IGOSEAASN", "", "", true},
		{"", "CHN", "", "", false},
	}
	for _, tt := range tests {
		if got := ActorMatches(tt.gold, tt.code, tt.country, tt.sector); got != tt.want {
			t.Errorf("ActorMatches(%q, %q, %q, %q) = %v, want %v", tt.gold, tt.code, tt.country, tt.sector, got, tt.want)
		}
	}
}

func ev(src, tgt, code string) dyad.Event {
	return dyad.Event{Source: dyad.EventActor{Code: src}, Target: dyad.EventActor{Code: tgt}, Code: code}
}

// fake returns a Coder that answers from canned records keyed by text; a text starting with "FAIL" errors.
func fake(events map[string][]dyad.Event, mentions map[string][]dyad.ActorMention) Coder {
	return func(_ context.Context, lang, date, text string) (*dyad.Record, error) {
		if strings.HasPrefix(text, "FAIL") {
			return nil, errors.New("boom")
		}
		return &dyad.Record{Article: dyad.Article{Text: text, Lang: lang, Published: dyad.NullString(date)},
			Events: events[text], Mentions: mentions[text]}, nil
	}
}

func gold(t *testing.T, lines ...string) *Gold {
	t.Helper()
	g, err := ReadGold("test.jsonl", strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEventsScoring(t *testing.T) {
	g := gold(t,
		`{"id":"en-1","lang":"en","date":"2024-01-02","text":"A","events":[{"source":"CHN","target":"VNM","code":"040"}]}`,
		`{"id":"en-2","lang":"en","date":"2024-01-02","text":"B","events":[{"source":"USAGOV","target":"IGOUNO","code":"111"}]}`,
		`{"id":"fr-1","lang":"fr","date":"2024-01-02","text":"C","events":[]}`,
		`{"id":"fr-2","lang":"fr","date":"2024-01-02","text":"D","events":[{"source":"FRA","target":"DEU","code":"057"},{"source":"DEU","target":"FRA","code":"042"}]}`,
		`{"id":"de-1","lang":"de","date":"2024-01-02","text":"FAIL","events":[{"source":"RUS","target":"UKR","code":"190"}]}`,
		`{"id":"a-1","lang":"en","date":"2024-01-02","text":"X","mentions":[]}`,
	)
	c := fake(map[string][]dyad.Event{
		"A": {ev("CHNGOV", "VNMGOV", "042")},                                             // root match, not exact
		"B": {ev("USA", "IGOUNO", "111")},                                                // gold needs USAGOV: miss + false positive
		"C": {ev("CHN", "VNM", "010")},                                                   // false positive in root 01
		"D": {ev("DEU", "FRA", "042"), ev("FRA", "DEU", "057"), ev("FRA", "DEU", "057")}, // duplicate counts once
	}, nil)
	r, err := Events(context.Background(), g, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != 5 {
		t.Errorf("items = %d, want 5 (the actor item is skipped)", r.Items)
	}
	o := r.Overall
	if o.TP != 3 || o.FP != 3 || o.FN != 2 {
		t.Fatalf("overall = %+v, want TP 3 FP 3 FN 2", o)
	}
	if !near(o.Precision, 0.5) || !near(o.Recall, 0.6) || !near(o.F1, 2*0.5*0.6/1.1) {
		t.Errorf("rates = %v %v %v", o.Precision, o.Recall, o.F1)
	}
	if e := r.Exact; e.TP != 2 || e.FP != 4 || e.FN != 3 {
		t.Errorf("exact = %+v, want TP 2 FP 4 FN 3", *e)
	}
	// At country level B's USA matches the gold USAGOV.
	if c := r.Countries; c.TP != 4 || c.FP != 2 || c.FN != 1 {
		t.Errorf("countries = %+v, want TP 4 FP 2 FN 1", *c)
	}
	wantRoot := map[string][3]int{"04": {2, 0, 0}, "11": {0, 1, 1}, "01": {0, 1, 0}, "05": {1, 1, 0}, "19": {0, 0, 1}}
	for k, w := range wantRoot {
		s := r.ByRoot[k]
		if s.TP != w[0] || s.FP != w[1] || s.FN != w[2] {
			t.Errorf("root %s = %+v, want %v", k, s, w)
		}
	}
	if s := r.ByLang["fr"]; s.TP != 2 || s.FP != 2 || s.FN != 0 {
		t.Errorf("fr = %+v", s)
	}
	if len(r.Errors) != 1 || r.Errors[0].ID != "de-1" {
		t.Errorf("errors = %+v", r.Errors)
	}
	ids := []string{}
	for _, m := range r.Misses {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "en-2,fr-1,fr-2,de-1" {
		t.Errorf("misses = %v", ids)
	}
	if m := r.Misses[0]; len(m.Missed) != 1 || m.Missed[0] != "USAGOV->IGOUNO 111" || m.Spurious[0] != "USA->IGOUNO 111" {
		t.Errorf("miss en-2 = %+v", m)
	}

	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "root match") || !strings.Contains(s, "exact code") || strings.Contains(s, "USAGOV->IGOUNO") {
		t.Errorf("text report:\n%s", s)
	}
	r.Verbose = true
	buf.Reset()
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "FN:       USAGOV->IGOUNO 111") || !strings.Contains(s, "de-1: boom") {
		t.Errorf("verbose report:\n%s", s)
	}
	b, err := json.Marshal(r)
	if err != nil || !bytes.Contains(b, []byte(`"by_root":{"01":`)) || !bytes.Contains(b, []byte(`"f1":`)) {
		t.Errorf("json = %s, %v", b, err)
	}
}

func TestMatchingIsMaximal(t *testing.T) {
	// Matching gold CHN to the CHNGOV prediction first would strand gold CHNGOV; the matching must find both.
	g := gold(t, `{"id":"x","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"040"},{"source":"CHNGOV","target":"VNM","code":"043"}]}`)
	r, err := Events(context.Background(), g, fake(map[string][]dyad.Event{"T": {ev("CHNGOV", "VNM", "040"), ev("CHNMIL", "VNM", "040")}}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.TP != 2 || r.Overall.FP != 0 || r.Overall.FN != 0 {
		t.Errorf("overall = %+v", r.Overall)
	}
	if r.Exact.TP != 1 {
		t.Errorf("exact = %+v", *r.Exact)
	}
}

func TestEmptyScore(t *testing.T) {
	g := gold(t, `{"id":"x","lang":"en","date":"2024-01-02","text":"T","events":[]}`)
	r, err := Events(context.Background(), g, fake(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.F1 != 1 || r.ByLang["en"].Precision != 1 || len(r.Misses) != 0 {
		t.Errorf("nothing expected, nothing found: %+v", r.Overall)
	}
}

func TestCancel(t *testing.T) {
	g := gold(t, `{"id":"x","lang":"en","date":"2024-01-02","text":"T","events":[]}`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Events(ctx, g, fake(nil, nil)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func men(txt string, start int, ref dyad.ActorRef) dyad.ActorMention {
	return dyad.ActorMention{Start: start, End: start + len(txt), Text: txt, Actor: ref}
}

func TestActorsScoring(t *testing.T) {
	const s1 = "Wang Yi met Vietnamese officials at the UN; Wang said so."
	const s2 = "Le ministre Bui Thanh Son a parlé."
	g := gold(t,
		`{"id":"en-1","lang":"en","date":"2023-12-02","text":"`+s1+`","mentions":[`+
			`{"text":"Wang Yi","type":"person","country":"CHN","sector":"GOV","person":"Wang Yi"},`+
			`{"text":"Vietnamese","type":"country","country":"VNM","sector":""},`+
			`{"text":"UN","type":"igo","country":"","sector":"","code":"IGOUNO"}]}`,
		`{"id":"fr-1","lang":"fr","date":"2024-02-05","text":"`+s2+`","mentions":[`+
			`{"text":"Bui Thanh Son","type":"person","country":"VNM","sector":"GOV","person":"Bùi Thanh Sơn"}]}`,
		`{"id":"en-2","lang":"en","date":"2024-01-02","text":"He will go.","mentions":[]}`,
	)
	wang := dyad.ActorRef{ID: "p1", Name: "Wang Yi", Type: "person", Country: "CHN", Sector: "GOV", Code: "CHNGOV"}
	c := fake(nil, map[string][]dyad.ActorMention{
		s1: {
			men("Wang Yi", 0, wang),
			men("Vietnamese", 12, dyad.ActorRef{Type: "country", Country: "VNM", Code: "VNM"}),
			men("UN", 40, dyad.ActorRef{Type: "igo", Code: "IGOUNO"}),
			men("Wang", 44, wang), // a later reference: not a false positive
		},
		// Bui Thanh Son resolved to the wrong person: a miss and a false positive; "parlé" is a false positive.
		s2: {
			men("Bui Thanh Son", 12, dyad.ActorRef{Name: "Someone Else", Type: "person", Country: "VNM", Sector: "GOV"}),
			men("parlé", 28, dyad.ActorRef{Type: "country", Country: "FRA"}),
		},
		"He will go.": {men("will", 3, dyad.ActorRef{Type: "person", Name: "Will", Country: "USA"})},
	})
	r, err := Actors(context.Background(), g, c)
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Overall; o.TP != 3 || o.FP != 3 || o.FN != 1 {
		t.Fatalf("overall = %+v, want TP 3 FP 3 FN 1", o)
	}
	if s := r.ByLang["en"]; s.TP != 3 || s.FP != 1 || s.FN != 0 {
		t.Errorf("en = %+v", s)
	}
	if s := r.ByType["person"]; s.TP != 1 || s.FP != 2 || s.FN != 1 {
		t.Errorf("person = %+v", s)
	}
	if s := r.ByType["igo"]; s.TP != 1 {
		t.Errorf("igo = %+v", s)
	}
	if len(r.Misses) != 2 || r.Misses[0].ID != "fr-1" || len(r.Misses[0].Missed) != 1 || len(r.Misses[0].Spurious) != 2 {
		t.Errorf("misses = %+v", r.Misses)
	}
	// Without the person's name, the wrong Bui Thanh Son still has the right country and sector.
	for name, sc := range map[string]*Score{"country": r.Countries, "country+sector": r.CountrySector} {
		if sc == nil || sc.TP != 4 || sc.FP != 2 || sc.FN != 0 {
			t.Errorf("%s = %+v, want TP 4 FP 2 FN 0", name, sc)
		}
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil || !strings.Contains(buf.String(), "person") || !strings.Contains(buf.String(), "country+sector") {
		t.Errorf("text report %v:\n%s", err, buf.String())
	}
}

// TestActorsPhraseParts: a bare actor string found as an adjective and a person of the same country is one
// actor, at every level (the person matches the whole; at the country level the adjective may match first);
// a part of another country, or a part of an unmatched string, is still a false positive.
func TestActorsPhraseParts(t *testing.T) {
	const s1, s2, s3 = "Iranian President Hassan Rouhani", "Iraqi Defense Minister", "Saudi envoy Hamad"
	g := gold(t,
		`{"id":"en-1","lang":"en","date":"2015-01-02","text":"`+s1+`","mentions":[{"text":"`+s1+`","type":"person","country":"IRN","sector":"GOV"}]}`,
		`{"id":"en-2","lang":"en","date":"2015-01-02","text":"`+s2+`","mentions":[{"text":"`+s2+`","type":"person","country":"IRQ","sector":"GOV"}]}`,
		`{"id":"en-3","lang":"en","date":"2015-01-02","text":"`+s3+`","mentions":[{"text":"`+s3+`","type":"person","country":"SAU","sector":"GOV"}]}`,
	)
	c := fake(nil, map[string][]dyad.ActorMention{
		s1: {men("Iranian", 0, dyad.ActorRef{Type: "country", Country: "IRN", Code: "IRN"}),
			men("Hassan Rouhani", 18, dyad.ActorRef{Type: "person", Country: "IRN", Sector: "GOV"})},
		s2: {men("Iraqi", 0, dyad.ActorRef{Type: "country", Country: "IRQ", Code: "IRQ"}),
			men("Defense Minister", 6, dyad.ActorRef{Type: "person", Country: "IRN", Sector: "GOV"})}, // wrong country
		s3: {men("Saudi", 0, dyad.ActorRef{Type: "country", Country: "QAT", Code: "QAT"})}, // wrong: no match
	})
	r, err := Actors(context.Background(), g, c)
	if err != nil {
		t.Fatal(err)
	}
	// en-1: TP. en-2: the person is IRN: FN and FP; "Iraqi" lies in an unmatched span: FP. en-3: FN, FP.
	if o := r.Overall; o.TP != 1 || o.FP != 3 || o.FN != 2 {
		t.Errorf("overall = %+v, want TP 1 FP 3 FN 2", o)
	}
	// Asking only the country, en-2's "Iraqi" matches and the IRN person inside is another country's: FP.
	if c := r.Countries; c.TP != 2 || c.FP != 2 || c.FN != 1 {
		t.Errorf("countries = %+v, want TP 2 FP 2 FN 1", c)
	}
}

func TestMentionMatches(t *testing.T) {
	tests := []struct {
		g    GoldMention
		a    dyad.ActorRef
		want bool
	}{
		{GoldMention{Type: "country", Country: "VNM"}, dyad.ActorRef{Code: "VNMGOV"}, true},
		{GoldMention{Type: "country", Country: "VNM"}, dyad.ActorRef{Country: "CHN"}, false},
		{GoldMention{Type: "organization", Country: "CHN", Sector: "MIL"}, dyad.ActorRef{Code: "CHNMIL"}, true},
		{GoldMention{Type: "organization", Country: "CHN", Sector: "MIL"}, dyad.ActorRef{Country: "CHN", Sector: "GOV"}, false},
		{GoldMention{Type: "igo", Code: "IGOSEAASN"}, dyad.ActorRef{Code: "IGOSEAASN"}, true},
		{GoldMention{Type: "igo", Code: "IGOSEAASN"}, dyad.ActorRef{Code: "IGOUNO"}, false},
		{GoldMention{Type: "person", Country: "VNM", Person: "Phạm Minh Chính"}, dyad.ActorRef{Country: "VNM", Name: "Pham Minh Chinh"}, true},
		{GoldMention{Type: "person", Country: "VNM", Person: "Phạm Minh Chính"}, dyad.ActorRef{Country: "VNM", Name: "Phạm Bình Minh"}, false},
	}
	for i, tt := range tests {
		if got := MentionMatches(tt.g, tt.a); got != tt.want {
			t.Errorf("%d: MentionMatches(%+v, %+v) = %v", i, tt.g, tt.a, got)
		}
	}
}

func TestLoadGoldErrors(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T"}`, `none of "events", "mentions" (use [] for none) and "place"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","place":"123","country":"FRA","precision":"city"}`, `country "FRA" is not an ISO alpha-2 code`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","place":"123","country":"FR","precision":"town"}`, `precision "town"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","place":"DE","country":"FR","precision":"country"}`, `place "DE" of a country-precision item must be its country "FR"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","place":"123","country":"FR","precision":"city","events":[]}`, `more than one of`},
		{`{"id":"a","lang":"eng","date":"2024-01-02","text":"T","events":[]}`, `lang "eng"`},
		{`{"id":"a","lang":"en","date":"2024-13-02","text":"T","events":[]}`, `date "2024-13-02"`},
		{`{"id":"a","lang":"en","date":"2024-1-2","text":"T","events":[]}`, `date "2024-1-2"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"","events":[]}`, `empty text`},
		{`{"id":"","lang":"en","date":"2024-01-02","text":"T","events":[]}`, `empty id`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"047"}]}`, `code "047" is not in the CAMEO codebook`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"4"}]}`, `code "4" is not a 2-4 digit`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"21"}]}`, `code "21" is not a 2-4 digit`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"China","target":"VNM","code":"040"}]}`, `source "China"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"","code":"040"}]}`, `target ""`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[],"mentions":[]}`, `more than one of`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[],"extra":1}`, `unknown field`},
		{`{"id":"a",`, `invalid JSON`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","mentions":[{"text":"X","type":"country","country":"VNM","sector":""}]}`, `"X" (occurrence 1) not found`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T T","mentions":[{"text":"T","occurrence":3,"type":"country","country":"VNM","sector":""}]}`, `occurrence 3) not found`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","mentions":[{"text":"T","type":"state","country":"VNM","sector":""}]}`, `type "state"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","mentions":[{"text":"T","type":"country","country":"VN","sector":""}]}`, `country "VN"`},
		{`{"id":"a","lang":"en","date":"2024-01-02","text":"T","mentions":[{"text":"T","type":"igo","country":"","sector":""}]}`, `needs a country or a code`},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		path := filepath.Join(dir, "g.jsonl")
		// The bad line is line 3, after a comment and a good line.
		content := "# comment\n" + `{"id":"ok","lang":"en","date":"2024-01-02","text":"T","events":[]}` + "\n" + tt.line + "\n"
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadGold(path)
		if err == nil || !strings.Contains(err.Error(), path+":3: ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%d: LoadGold error = %v, want %s:3: ...%s", i, err, path, tt.want)
		}
	}
	_, err := ReadGold("g", strings.NewReader(`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[]}`+"\n\n"+`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[]}`))
	if err == nil || !strings.Contains(err.Error(), `g:3: id "a" already used on line 1`) {
		t.Errorf("duplicate id: %v", err)
	}
	if _, err := LoadGold(filepath.Join(dir, "missing.jsonl")); err == nil {
		t.Error("missing file: no error")
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add(`{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"040"}]}`)
	f.Add(`{"id":"a","lang":"en","date":"2024-01-02","text":"T T","mentions":[{"text":"T","occurrence":2,"type":"country","country":"VNM","sector":""}]}`)
	f.Add("# x\n\n{")
	f.Add(`{"id":"a","lang":"fr","date":"2024-01-02","text":"T","place":"ML","country":"ML","precision":"country"}`)
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ReadGold("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		if _, err := Events(context.Background(), g, fake(nil, nil)); err != nil {
			t.Fatal(err)
		}
		if _, err := Actors(context.Background(), g, fake(nil, nil)); err != nil {
			t.Fatal(err)
		}
		if _, err := Places(context.Background(), g, func(context.Context, *Item) (Found, error) { return Found{}, nil }); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkEvents(b *testing.B) {
	var lines []string
	for i := range 300 {
		lines = append(lines, `{"id":"x`+string(rune('a'+i%26))+strings.Repeat("y", i/26)+`","lang":"en","date":"2024-01-02","text":"T","events":[{"source":"CHN","target":"VNM","code":"040"},{"source":"VNM","target":"CHN","code":"057"}]}`)
	}
	g, err := ReadGold("b", strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		b.Fatal(err)
	}
	c := fake(map[string][]dyad.Event{"T": {ev("CHNGOV", "VNMGOV", "040"), ev("VNM", "CHN", "057"), ev("USA", "CHN", "111")}}, nil)
	for b.Loop() {
		if _, err := Events(context.Background(), g, c); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGoldKind(t *testing.T) {
	ev := `{"id":"a","lang":"en","date":"2024-01-02","text":"T","events":[]}`
	ac := `{"id":"b","lang":"en","date":"2024-01-02","text":"T","mentions":[]}`
	if k := gold(t, ev).Kind(); k != KindEvents {
		t.Errorf("events set: %s", k)
	}
	if k := gold(t, ac).Kind(); k != KindActors {
		t.Errorf("actors set: %s", k)
	}
	if g := gold(t, ev, ac); g.Kind() != KindEvents || g.Count(KindActors) != 1 || g.Count(KindEvents) != 1 {
		t.Errorf("mixed set: %s", g.Kind())
	}
	pl := `{"id":"c","lang":"fr","date":"2024-01-02","text":"T","place":"2988507","name":"Paris","country":"FR","precision":"city"}`
	if k := gold(t, pl).Kind(); k != KindPlaces {
		t.Errorf("places set: %s", k)
	}
}

// TestPlacesScoring: the city accuracy counts the place id of city items only, the country accuracy every
// item; a language's row counts each item at its own level; a locator error counts as placing nothing.
func TestPlacesScoring(t *testing.T) {
	g := gold(t,
		`{"id":"a","lang":"en","date":"2024-01-02","text":"in Paris","place":"2988507","name":"Paris","country":"FR","precision":"city"}`,
		`{"id":"b","lang":"en","date":"2024-01-02","text":"in Paris, Texas","place":"4717560","name":"Paris","country":"US","precision":"city"}`,
		`{"id":"c","lang":"fr","date":"2024-01-02","text":"au Mali","place":"ML","country":"ML","precision":"country"}`,
		`{"id":"d","lang":"fr","date":"2024-01-02","text":"err","place":"ML","country":"ML","precision":"country"}`,
	)
	loc := func(_ context.Context, it *Item) (Found, error) {
		switch it.Text {
		case "err":
			return Found{}, errors.New("boom")
		case "au Mali":
			return Found{Place: "2460596", Name: "Bamako", Country: "ML"}, nil
		}
		return Found{Place: "2988507", Name: "Paris", Country: "FR"}, nil // both Paris items: the French one
	}
	r, err := Places(context.Background(), g, loc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != 4 || r.City != (PlaceScore{2, 1, 0.5}) || r.Country != (PlaceScore{4, 2, 0.5}) {
		t.Errorf("items %d city %+v country %+v", r.Items, r.City, r.Country)
	}
	if r.ByLang["en"] != (PlaceScore{2, 1, 0.5}) || r.ByLang["fr"] != (PlaceScore{2, 1, 0.5}) {
		t.Errorf("by language %+v", r.ByLang)
	}
	if len(r.Errors) != 1 || r.Errors[0].ID != "d" || len(r.Misses) != 2 || r.Misses[0].ID != "b" {
		t.Errorf("errors %+v misses %+v", r.Errors, r.Misses)
	}
	r.Verbose = true
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"city (place id)  2  1      0.500", "expected: 4717560 Paris (US)", "got:      2988507 Paris (FR)", "got:      (none)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
