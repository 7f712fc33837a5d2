package eval

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
)

// Place precisions of a place item.
const (
	PrecisionCity    = "city"
	PrecisionCountry = "country"
)

// Found is where a Locator placed an item: a gazetteer id and name, and the country's ISO alpha-2 code; all
// empty when it placed nothing.
type Found struct {
	Place   string `json:"place,omitempty"`
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
}

// Locator runs the whole pipeline on one place item (its text, language, date and dateline) and returns the
// location of the sentence's first event that has one, else the place the sentence itself names: what the
// item's gold gives. The CLI passes the extract, actor, coder and gazetteer stages of `dyad code`.
type Locator func(ctx context.Context, it *Item) (Found, error)

// PlaceScore is an accuracy: of N items, Correct were placed right.
type PlaceScore struct {
	N        int     `json:"n"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

func (s *PlaceScore) add(ok bool) {
	s.N++
	if ok {
		s.Correct++
	}
	s.Accuracy = float64(s.Correct) / float64(s.N)
}

// PlaceReport is the result of scoring a gold set of places. City is the accuracy of the place id over the
// items whose gold precision is a city; Country the accuracy of the country over every item (issue 14's two
// figures). ByLang counts an item right when its own level is: the place id for a city, else the country.
type PlaceReport struct {
	Kind    string                `json:"kind"` // KindPlaces
	Gold    string                `json:"gold"`
	Items   int                   `json:"items"`
	City    PlaceScore            `json:"city"`
	Country PlaceScore            `json:"country"`
	ByLang  map[string]PlaceScore `json:"by_lang"`
	Errors  []ItemError           `json:"errors,omitempty"`
	// Misses lists every item placed wrong at its own level. WriteText prints it when Verbose is set.
	Misses  []PlaceMiss `json:"misses,omitempty"`
	Verbose bool        `json:"-"`
}

// PlaceMiss is one item placed wrong: what the gold gives and what was found.
type PlaceMiss struct {
	ID       string `json:"id"`
	Lang     string `json:"lang"`
	Line     int    `json:"line"`
	Text     string `json:"text"`
	Expected Found  `json:"expected"`
	Got      Found  `json:"got"`
}

// Places runs loc on every place item of g and scores where it placed them.
func Places(ctx context.Context, g *Gold, loc Locator) (*PlaceReport, error) {
	r := &PlaceReport{Kind: KindPlaces, Gold: g.Path, ByLang: map[string]PlaceScore{}}
	for i := range g.Items {
		it := &g.Items[i]
		if it.Kind() != KindPlaces {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.Items++
		got, err := loc(ctx, it)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.Errors = append(r.Errors, ItemError{ID: it.ID, Error: err.Error()})
			got = Found{}
		}
		countryOK := got.Country != "" && got.Country == it.Country
		r.Country.add(countryOK)
		ok := countryOK
		if it.Precision == PrecisionCity {
			ok = got.Place != "" && got.Place == it.Place
			r.City.add(ok)
		}
		l := r.ByLang[it.Lang]
		l.add(ok)
		r.ByLang[it.Lang] = l
		if !ok {
			r.Misses = append(r.Misses, PlaceMiss{ID: it.ID, Lang: it.Lang, Line: it.Line, Text: it.Text,
				Expected: Found{Place: it.Place, Name: it.Name, Country: it.Country}, Got: got})
		}
	}
	return r, nil
}

// WriteText writes the report as readable tables: the two accuracies, one row per language, the errors
// and, when r.Verbose, every miss.
func (r *PlaceReport) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("%s gold set %s: %d items\n\n", r.Kind, r.Gold, r.Items)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "score\tN\tright\taccuracy\n")
	fmt.Fprintf(tw, "city (place id)\t%d\t%d\t%.3f\n", r.City.N, r.City.Correct, r.City.Accuracy)
	fmt.Fprintf(tw, "country\t%d\t%d\t%.3f\n", r.Country.N, r.Country.Correct, r.Country.Accuracy)
	tw.Flush()
	ew.printf("\n")
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "language\tN\tright\taccuracy\n")
	for _, k := range slices.Sorted(maps.Keys(r.ByLang)) {
		s := r.ByLang[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\n", k, s.N, s.Correct, s.Accuracy)
	}
	tw.Flush()
	writeErrors(ew, r.Errors)
	if r.Verbose && len(r.Misses) > 0 {
		ew.printf("\nmisses (%d items):\n", len(r.Misses))
		for _, m := range r.Misses {
			ew.printf("%s (line %d, %s): %s\n", m.ID, m.Line, m.Lang, m.Text)
			ew.printf("  expected: %s\n", m.Expected)
			ew.printf("  got:      %s\n", m.Got)
		}
	}
	return ew.err
}

// String formats a place as "2988507 Paris (FR)", "(none)" when empty.
func (f Found) String() string {
	if f.Place == "" && f.Country == "" {
		return "(none)"
	}
	s := f.Place
	if f.Name != "" {
		s += " " + f.Name
	}
	return fmt.Sprintf("%s (%s)", s, f.Country)
}

// validatePlace returns the problems of a place item.
func validatePlace(it *Item) []string {
	var out []string
	if !isUpper2(it.Country) {
		out = append(out, fmt.Sprintf("country %q is not an ISO alpha-2 code", it.Country))
	}
	switch it.Precision {
	case PrecisionCity:
	case PrecisionCountry:
		if it.Place != it.Country {
			out = append(out, fmt.Sprintf("place %q of a country-precision item must be its country %q", it.Place, it.Country))
		}
	default:
		out = append(out, fmt.Sprintf("precision %q is not city or country", it.Precision))
	}
	return out
}

func isUpper2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
