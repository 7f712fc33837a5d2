// Package eval scores dyad's output against gold sets we write ourselves: events (who did what to whom, as
// CAMEO codes) and actor mentions. A gold set is a JSONL file, one sentence a line; testdata/gold/README.md
// and docs/eval.md describe the format and how the scores are computed.
package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// Coder runs the whole pipeline on one document; the CLI passes the one behind `dyad code`.
type Coder func(ctx context.Context, lang, date, text string) (*dyad.Record, error)

// Gold set kinds.
const (
	KindEvents = "events"
	KindActors = "actors"
	KindPlaces = "places"
)

// GoldEvent is one expected event: CAMEO actor codes at the level a coder can know ("CHN", "CHNGOV",
// "IGOUNO") and the CAMEO event code.
type GoldEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// String formats the event as "CHN->VNM 040".
func (e GoldEvent) String() string { return e.Source + "->" + e.Target + " " + e.Code }

// GoldMention is one expected actor mention: the exact surface string (its Occurrence-th appearance in the
// text, the first when 0) and the actor it must resolve to.
type GoldMention struct {
	Text       string `json:"text"`
	Occurrence int    `json:"occurrence,omitempty"`
	Type       string `json:"type"`
	Country    string `json:"country"`
	Sector     string `json:"sector"`
	Code       string `json:"code,omitempty"`   // CAMEO actor code, required for IGOs ("IGOUNO")
	Person     string `json:"person,omitempty"` // canonical name, for persons
	// Provisional marks a person the dictionary cannot know (a title and a name); informational only.
	Provisional bool `json:"provisional,omitempty"`
}

// Item is one line of a gold set: a sentence (occasionally two) and what must be found in it. Exactly one
// of Events and Mentions is set; an empty, non-nil slice means nothing must be found.
type Item struct {
	ID       string        `json:"id"`
	Lang     string        `json:"lang"`
	Date     string        `json:"date"` // publication date, YYYY-MM-DD
	Text     string        `json:"text"`
	Events   []GoldEvent   `json:"events,omitempty"`
	Mentions []GoldMention `json:"mentions,omitempty"`
	// A place item (docs/geo.md, "Accuracy") gives where the sentence's first event happened, or where the
	// sentence is set when it names no event: Place is a gazetteer id (GeoNames) when Precision is "city", the
	// country's ISO alpha-2 code when it is "country"; Country is the ISO alpha-2 code; Name is for readers.
	// Dateline is the article's dateline, as the extractor would have found it.
	Place     string `json:"place,omitempty"`
	Name      string `json:"name,omitempty"`
	Country   string `json:"country,omitempty"`
	Precision string `json:"precision,omitempty"`
	Dateline  string `json:"dateline,omitempty"`
	Line      int    `json:"-"` // 1-based line in the file
}

// Kind returns KindEvents, KindActors or KindPlaces.
func (it *Item) Kind() string {
	switch {
	case it.Mentions != nil:
		return KindActors
	case it.Place != "":
		return KindPlaces
	}
	return KindEvents
}

// Gold is a loaded gold set.
type Gold struct {
	Path  string
	Items []Item
}

// Kind returns KindActors or KindPlaces when every item of the set is of that kind, else KindEvents (a mixed
// set is scored by Events and Actors in turn; each skips the other's items).
func (g *Gold) Kind() string {
	for _, k := range []string{KindActors, KindPlaces} {
		if len(g.Items) > 0 && g.Count(k) == len(g.Items) {
			return k
		}
	}
	return KindEvents
}

// Count returns the number of items of a kind.
func (g *Gold) Count(kind string) int {
	n := 0
	for i := range g.Items {
		if g.Items[i].Kind() == kind {
			n++
		}
	}
	return n
}

// LoadGold reads a gold set of events, actor mentions or places (a line is an event item when it has
// "events", an actor item when it has "mentions", a place item when it has "place") and validates every
// line: unique id, two-letter lang, date YYYY-MM-DD, text, CAMEO event codes the codebook defines, CAMEO actor
// codes, mention strings present in the text, a place's precision and country code.
// Every problem is reported as file:line: reason; all are joined.
func LoadGold(path string) (*Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold set: %w", err)
	}
	defer f.Close()
	return ReadGold(path, f)
}

// codebook is the embedded CAMEO codebook, loaded once, against which gold codes are checked.
var codebook = sync.OnceValues(func() (*cameo.Codebook, error) { return cameo.Load(packs.Default()) })

// ReadGold is LoadGold on a reader; name is what errors call the file.
func ReadGold(name string, r io.Reader) (*Gold, error) {
	cb, err := codebook()
	if err != nil {
		return nil, err
	}
	g := &Gold{Path: name}
	var errs []error
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		lineErr := func(format string, args ...any) {
			errs = append(errs, &packs.Error{File: name, Line: n, Err: fmt.Errorf(format, args...)})
		}
		var raw struct {
			Item
			Events   *[]GoldEvent   `json:"events"`
			Mentions *[]GoldMention `json:"mentions"`
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&raw); err != nil {
			lineErr("invalid JSON: %w", err)
			continue
		}
		it := raw.Item
		it.Line = n
		switch {
		case raw.Events != nil && raw.Mentions != nil, it.Place != "" && (raw.Events != nil || raw.Mentions != nil):
			lineErr("has more than one of \"events\", \"mentions\" and \"place\"")
			continue
		case it.Place != "":
		case raw.Events != nil:
			it.Events = *raw.Events
			if it.Events == nil {
				it.Events = []GoldEvent{}
			}
		case raw.Mentions != nil:
			it.Mentions = *raw.Mentions
			if it.Mentions == nil {
				it.Mentions = []GoldMention{}
			}
		default:
			lineErr("has none of \"events\", \"mentions\" (use [] for none) and \"place\"")
			continue
		}
		for _, p := range validateItem(&it, cb) {
			lineErr("%s", p)
		}
		if it.ID != "" {
			if prev, dup := seen[it.ID]; dup {
				lineErr("id %q already used on line %d", it.ID, prev)
			}
			seen[it.ID] = n
		}
		g.Items = append(g.Items, it)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, n+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return g, nil
}

// validateItem returns the problems of one item.
func validateItem(it *Item, cb *cameo.Codebook) []string {
	var out []string
	if it.ID == "" {
		out = append(out, "empty id")
	}
	if !isLower2(it.Lang) {
		out = append(out, fmt.Sprintf("lang %q is not a two-letter ISO 639-1 code", it.Lang))
	}
	if _, err := time.Parse(time.DateOnly, it.Date); err != nil || len(it.Date) != 10 {
		out = append(out, fmt.Sprintf("date %q is not YYYY-MM-DD", it.Date))
	}
	if strings.TrimSpace(it.Text) == "" {
		out = append(out, "empty text")
	}
	for i, e := range it.Events {
		if !cameo.ValidSyntax(e.Code) {
			out = append(out, fmt.Sprintf("event %d: code %q is not a 2-4 digit CAMEO code", i+1, e.Code))
		} else if _, ok := cb.Lookup(e.Code); !ok {
			out = append(out, fmt.Sprintf("event %d: code %q is not in the CAMEO codebook", i+1, e.Code))
		}
		for _, a := range []struct{ role, code string }{{"source", e.Source}, {"target", e.Target}} {
			if !validActorCode(a.code) {
				out = append(out, fmt.Sprintf("event %d: %s %q is not a CAMEO actor code (upper-case letters in groups of 3)", i+1, a.role, a.code))
			}
		}
	}
	if it.Place != "" {
		out = append(out, validatePlace(it)...)
	}
	for i, m := range it.Mentions {
		if m.Text == "" {
			out = append(out, fmt.Sprintf("mention %d: empty text", i+1))
			continue
		}
		if _, ok := findOccurrence(it.Text, m.Text, m.Occurrence); !ok {
			out = append(out, fmt.Sprintf("mention %d: %q (occurrence %d) not found in text", i+1, m.Text, max(m.Occurrence, 1)))
		}
		switch m.Type {
		case dyad.TypeCountry, dyad.TypePerson, dyad.TypeOrganization, dyad.TypeIGO, dyad.TypeGroup:
		default:
			out = append(out, fmt.Sprintf("mention %d: type %q is not country, person, organization, igo or group", i+1, m.Type))
		}
		if m.Country != "" && !isUpper3(m.Country) {
			out = append(out, fmt.Sprintf("mention %d: country %q is not an ISO alpha-3 code", i+1, m.Country))
		}
		if m.Sector != "" && !isUpper3(m.Sector) {
			out = append(out, fmt.Sprintf("mention %d: sector %q is not a three-letter CAMEO agent code", i+1, m.Sector))
		}
		if m.Code != "" && !validActorCode(m.Code) {
			out = append(out, fmt.Sprintf("mention %d: code %q is not a CAMEO actor code", i+1, m.Code))
		}
		if m.Country == "" && m.Code == "" && m.Type != dyad.TypeGroup {
			out = append(out, fmt.Sprintf("mention %d: needs a country or a code", i+1))
		}
		if m.Occurrence < 0 {
			out = append(out, fmt.Sprintf("mention %d: negative occurrence", i+1))
		}
	}
	return out
}

func isLower2(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

func isUpper3(s string) bool { return len(s) == 3 && validActorCode(s) }

// validActorCode reports whether s is upper-case ASCII letters in groups of three ("CHN", "VNMGOV", "IGOUNO").
func validActorCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// findOccurrence returns the byte span of the n-th (1-based; 0 means 1) occurrence of sub in s.
func findOccurrence(s, sub string, n int) (dyad.Span, bool) {
	if sub == "" {
		return dyad.Span{}, false
	}
	n = max(n, 1)
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return dyad.Span{}, false
		}
		n--
		if n == 0 {
			return dyad.Span{Start: off + i, End: off + i + len(sub)}, true
		}
		off += i + len(sub)
	}
}
