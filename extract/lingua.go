//go:build !nolingua

package extract

import (
	"math"

	"github.com/pemistahl/lingua-go"
)

// linguaDetector is lingua-go restricted to the pack languages, in low-accuracy mode (enough on an article's
// first 1000 characters, and 7 MB of models instead of 113 MB). Build with -tags nolingua to leave it out of
// the binary (about 130 MB); the stop-word vote then decides alone.
type linguaDetector struct {
	d     lingua.LanguageDetector
	byISO map[lingua.Language]string
}

func newBackup(langs []string) detector {
	l := &linguaDetector{byISO: map[lingua.Language]string{}}
	var ll []lingua.Language
	for _, lang := range langs {
		if x := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(lang)); x != lingua.Unknown {
			ll = append(ll, x)
			l.byISO[x] = lang
		}
	}
	if len(ll) < 2 {
		return nil
	}
	l.d = lingua.NewLanguageDetectorBuilder().FromLanguages(ll...).WithLowAccuracyMode().Build()
	return l
}

func (l *linguaDetector) detect(s string, allowed map[string]bool) (string, float64) {
	for _, cv := range l.d.ComputeLanguageConfidenceValues(s) {
		lang := l.byISO[cv.Language()]
		if lang == "" || (len(allowed) > 0 && !allowed[lang]) {
			continue
		}
		if cv.Value() <= 0 {
			break
		}
		// lingua sums its n-gram probabilities in a map's order, so the same text's value may differ in the
		// 13th-16th digit from one run to the next; six decimals keep what is stored the same on a re-run.
		return lang, math.Round(cv.Value()*1e6) / 1e6
	}
	return "und", 0
}
