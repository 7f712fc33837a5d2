// Package whatlanggo stands in for github.com/RadhiFadlillah/whatlanggo, which go-trafilatura calls once a
// page (languageClassifier) to fill Metadata.Language, an answer dyad never reads: extract identifies the
// language itself (extract/lang.go). The guess took about 5% of the whole pipeline's CPU and 3% of its
// allocation (docs/benchmarks.md, "Where issue 12 stands"); go.mod replaces the module with this one, which
// guesses nothing. go-trafilatura v1.12.2 has no option to skip the guess (an open upstream pull request,
// markusmobius/go-trafilatura#25, would add Options.SkipLanguageDetection): when one is released, set it and
// drop this module and the replace directive.
//
// Only what go-trafilatura calls is here. TestTrafilaturaLanguageUnread (extract) fails if go-trafilatura
// starts to call anything else of it or dyad starts to read the answer.
package whatlanggo

// Lang is a language; Unknown is the only one this stand-in gives.
type Lang int

// Unknown is the language of every text here.
const Unknown Lang = -1

// DetectLang guesses nothing: every text is Unknown.
func DetectLang(string) Lang { return Unknown }

// Iso6391 is "" for Unknown, as whatlanggo answers for a language it does not know.
func (Lang) Iso6391() string { return "" }
