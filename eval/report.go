package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Score counts true positives, false positives and false negatives, with the rates computed from them.
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// finish computes Precision, Recall and F1 from the counts. A rate with an empty denominator is 0, except
// that a score with nothing expected and nothing predicted is perfect.
func (s *Score) finish() {
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.TP+s.FP+s.FN == 0 {
		s.Precision, s.Recall = 1, 1
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

func (s *Score) add(o Score) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
}

// Miss is one gold item where the output differed from the gold: what was expected, what was found, and
// which of those were not matched.
type Miss struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"`
	Line     int      `json:"line"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Got      []string `json:"got"`
	Missed   []string `json:"missed,omitempty"`   // false negatives
	Spurious []string `json:"spurious,omitempty"` // false positives
}

// ItemError is a gold item the coder failed on; it counts as finding nothing.
type ItemError struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// Report is the result of scoring a gold set.
type Report struct {
	Kind  string `json:"kind"` // KindEvents or KindActors
	Gold  string `json:"gold"` // the gold file
	Items int    `json:"items"`
	// Overall is the primary score: for events, actors and the CAMEO root must match; for actors, span,
	// country, sector and person.
	Overall Score `json:"overall"`
	// Exact is, for events, the score when the full CAMEO code must match as well.
	Exact *Score `json:"exact,omitempty"`
	// Countries is, for events, the score when only the actors' countries and the CAMEO root must match; for
	// actors, when only the span and the country (or an IGO's code) must.
	Countries *Score `json:"countries,omitempty"`
	// CountrySector is, for actors, the score when the span, the country and the gold sector must match (no
	// person's name).
	CountrySector *Score           `json:"country_sector,omitempty"`
	ByRoot        map[string]Score `json:"by_root,omitempty"` // events: per CAMEO root family 01-20
	ByLang        map[string]Score `json:"by_lang"`
	ByType        map[string]Score `json:"by_type,omitempty"` // actors: per actor type
	Errors        []ItemError      `json:"errors,omitempty"`
	// Misses lists every item with a false positive or negative. WriteText prints it when Verbose is set.
	Misses  []Miss `json:"misses,omitempty"`
	Verbose bool   `json:"-"`
}

func (r *Report) finish() {
	r.Overall.finish()
	if r.Countries != nil {
		r.Countries.finish()
	}
	if r.CountrySector != nil {
		r.CountrySector.finish()
	}
	if r.Exact != nil {
		r.Exact.finish()
	}
	for _, m := range []map[string]Score{r.ByRoot, r.ByLang, r.ByType} {
		for k, s := range m {
			s.finish()
			m[k] = s
		}
	}
}

func bump(m map[string]Score, key string, tp, fp, fn int) {
	s := m[key]
	s.add(Score{TP: tp, FP: fp, FN: fn})
	m[key] = s
}

// WriteText writes the report as readable tables: the overall score, then one row per language, per root
// family (events) or per actor type (actors), then the coder errors and, when r.Verbose, every miss.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("%s gold set %s: %d items\n", r.Kind, r.Gold, r.Items)
	overall := []namedScore{{"overall", r.Overall}}
	if r.Kind == KindEvents {
		overall = []namedScore{{"root match", r.Overall}}
		if r.Exact != nil {
			overall = append(overall, namedScore{"exact code", *r.Exact})
		}
		if r.Countries != nil {
			overall = append(overall, namedScore{"countries+root", *r.Countries})
		}
	} else {
		if r.Countries != nil {
			overall = append(overall, namedScore{"country", *r.Countries})
		}
		if r.CountrySector != nil {
			overall = append(overall, namedScore{"country+sector", *r.CountrySector})
		}
	}
	writeTable(ew, "score", overall)
	writeTable(ew, "language", rows(r.ByLang))
	if len(r.ByRoot) > 0 {
		writeTable(ew, "root", rows(r.ByRoot))
	}
	if len(r.ByType) > 0 {
		writeTable(ew, "type", rows(r.ByType))
	}
	writeErrors(ew, r.Errors)
	if r.Verbose && len(r.Misses) > 0 {
		ew.printf("\nmisses (%d items):\n", len(r.Misses))
		for _, m := range r.Misses {
			ew.printf("%s (line %d, %s): %s\n", m.ID, m.Line, m.Lang, m.Text)
			ew.printf("  expected: %s\n", list(m.Expected))
			ew.printf("  got:      %s\n", list(m.Got))
			if len(m.Missed) > 0 {
				ew.printf("  FN:       %s\n", list(m.Missed))
			}
			if len(m.Spurious) > 0 {
				ew.printf("  FP:       %s\n", list(m.Spurious))
			}
		}
	}
	return ew.err
}

// writeErrors lists the items the coder failed on, after a blank line; nothing when there are none.
func writeErrors(ew *errWriter, errs []ItemError) {
	if len(errs) == 0 {
		return
	}
	ew.printf("\ncoder errors (%d):\n", len(errs))
	for _, e := range errs {
		ew.printf("  %s: %s\n", e.ID, e.Error)
	}
}

type namedScore struct {
	name string
	s    Score
}

func rows(m map[string]Score) []namedScore {
	out := make([]namedScore, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, namedScore{k, m[k]})
	}
	return out
}

// writeTable writes one aligned table after a blank line; errors stay in ew.
func writeTable(ew *errWriter, title string, rows []namedScore) {
	ew.printf("\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tTP\tFP\tFN\tP\tR\tF1\n", title)
	for _, r := range rows {
		s := r.s
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", r.name, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1)
	}
	tw.Flush()
}

func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, "; ")
}

func sortedKeys(m map[string]Score) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// errWriter keeps the first write error so that the table code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
