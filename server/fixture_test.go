package server

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// Fixture articles, in our own words, about real meetings. The third article carries markup that must be
// shown as text.
const (
	textEN = "Hanoi, 19 February 2025. Vietnam's ambassador to China, Pham Thanh Binh, met Liu Jianchao of the " +
		"Communist Party of China in Beijing on February 18. Both sides praised the growth of ties between the two countries.\n\n" +
		"The ambassador said Vietnam sees its relations with China as a top priority."
	textFR = "Pékin, 19 février 2025. L'ambassadeur du Vietnam en Chine, Phạm Thanh Bình, a rencontré Liu Jianchao " +
		"le 18 février à Pékin. Les deux parties ont salué les progrès des relations bilatérales."
	textXSS = "Washington, 3 March 2025. A reader comment contained <script>alert('x')</script> and <b>bold</b> markup. " +
		"The United States threatened Mexico with new tariffs on March 3."
)

func span(t testing.TB, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in fixture text", sub)
	}
	return i, i + len(sub)
}

func sentenceOf(t testing.TB, text, start string) (string, int, int) {
	s, _ := span(t, text, start)
	e := strings.Index(text[s:], ".")
	if e < 0 {
		e = len(text) - s - 1
	}
	return text[s : s+e+1], s, s + e + 1
}

func mention(t testing.TB, text, sub string, ref dyad.ActorRef) dyad.ActorMention {
	s, e := span(t, text, sub)
	return dyad.ActorMention{Start: s, End: e, Text: sub, Actor: ref, Via: "name"}
}

var (
	refVNM = dyad.ActorRef{ID: "VNM", Name: "Vietnam", Type: dyad.TypeCountry, Country: "VNM", Code: "VNM"}
	refCHN = dyad.ActorRef{ID: "CHN", Name: "China", Type: dyad.TypeCountry, Country: "CHN", Code: "CHN"}
	refPTB = dyad.ActorRef{ID: "pham-thanh-binh", Name: "Pham Thanh Binh", Type: dyad.TypePerson, Country: "VNM", Sector: "GOV", Code: "VNMGOV"}
	refUSA = dyad.ActorRef{ID: "USA", Name: "United States", Type: dyad.TypeCountry, Country: "USA", Code: "USA"}
	refMEX = dyad.ActorRef{ID: "MEX", Name: "Mexico", Type: dyad.TypeCountry, Country: "MEX", Code: "MEX"}
)

// fixtureRecords returns three articles: an English and a French report of one VNM-CHN meeting (one event
// with two mentions, placed in Beijing), and an English article with markup in its text about a USA-MEX
// threat, placed in Mexico City under a name with markup.
func fixtureRecords(t testing.TB) []*dyad.Record {
	meet := func(text, lang, source, sentStart, id string) dyad.Event {
		sent, s, e := sentenceOf(t, text, sentStart)
		return dyad.Event{
			ID: "ev-vnm-chn-20250218", Date: "2025-02-18", DatePrecision: "day",
			Source: dyad.EventActor{Code: "VNMGOV", Name: "Pham Thanh Binh", ActorID: refPTB.ID, Country: "VNM", Sector: "GOV"},
			Target: dyad.EventActor{Code: "CHNPTY", Name: "Liu Jianchao", Country: "CHN", Sector: "PTY"},
			Code:   "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Plover: "CONSULT", Location: &dyad.Location{Name: "Beijing", PlaceID: "1816670", Canonical: "Beijing", Country: "CHN", Admin1: "CN.22", Lat: 39.9075, Lon: 116.3972, Precision: "city", Via: "text"},
			Mentions:     []dyad.EventMention{{ArticleID: id, Lang: lang, Source: source, Sentence: sent, Start: s, End: e, Confidence: 0.9, Date: "2025-02-18"}},
			CoderVersion: dyad.CoderVersion,
		}
	}
	en := &dyad.Record{
		Article: dyad.Article{ID: "art-en", URI: "fixture/en.txt", URL: "https://example.org/en", Source: "VNA", Title: "Ambassador meets Chinese party official",
			Lang: "en", LangConfidence: 1, Published: "2025-02-19", Dateline: "Hanoi", Text: textEN},
		Mentions: []dyad.ActorMention{
			mention(t, textEN, "Vietnam", refVNM), mention(t, textEN, "Pham Thanh Binh", refPTB),
			mention(t, textEN, "Communist Party of China", refCHN),
		},
		Events: []dyad.Event{meet(textEN, "en", "VNA", "Vietnam's ambassador", "art-en")},
	}
	st, ss, se := sentenceOf(t, textEN, "The ambassador said")
	en.Statements = []dyad.Statement{{ID: "st-1", ArticleID: "art-en", Speaker: refPTB, Verb: "said", Text: st, Lang: "en",
		Date: "2025-02-18", ClaimID: "claim-priority", Start: ss, End: se, Source: "VNA"}}
	fr := &dyad.Record{
		Article: dyad.Article{ID: "art-fr", URI: "fixture/fr.txt", Source: "Le Courrier", Title: "L'ambassadeur rencontre Liu Jianchao",
			Lang: "fr", LangConfidence: 1, Published: "2025-02-19", Dateline: "Pékin", Text: textFR},
		Mentions: []dyad.ActorMention{mention(t, textFR, "Phạm Thanh Bình", refPTB)},
		Events:   []dyad.Event{meet(textFR, "fr", "Le Courrier", "L'ambassadeur", "art-fr")},
	}
	sent, s, e := sentenceOf(t, textXSS, "The United States threatened")
	xss := &dyad.Record{
		Article: dyad.Article{ID: "art-xss", URI: "fixture/xss.txt", Source: "Example Wire", Title: "Tariff <script>alert(1)</script> threat",
			Lang: "en", LangConfidence: 1, Published: "2025-03-03", Dateline: "Washington", Text: textXSS},
		Mentions: []dyad.ActorMention{mention(t, textXSS, "United States", refUSA), mention(t, textXSS, "Mexico", refMEX)},
		Events: []dyad.Event{{
			ID: "ev-usa-mex-20250303", Date: "2025-03-03", DatePrecision: "day",
			Source: dyad.EventActor{Code: "USA", Name: "United States", Country: "USA"},
			Target: dyad.EventActor{Code: "MEX", Name: "Mexico", Country: "MEX"},
			Code:   "130", Root: "13", QuadClass: 3, Goldstein: -4.4, Plover: "THREATEN",
			// A place name with markup (a user's gazetteer line, or the name as written) must show as text.
			Location: &dyad.Location{Name: "Ciudad de <b>México</b>", PlaceID: "3530597", Canonical: "Mexico City <img src=x onerror=alert(3)>",
				Country: "MEX", Admin1: "MX.09", Lat: 19.42847, Lon: -99.12766, Precision: "city", Via: "text"},
			Mentions:     []dyad.EventMention{{ArticleID: "art-xss", Lang: "en", Source: "Example Wire", Sentence: sent, Start: s, End: e, Confidence: 0.8}},
			CoderVersion: dyad.CoderVersion,
		}},
	}
	return []*dyad.Record{en, fr, xss}
}

// fill saves the fixture records into st.
func fill(t testing.TB, st dyad.Store) {
	t.Helper()
	for _, r := range fixtureRecords(t) {
		if _, err := st.Save(context.Background(), r); err != nil {
			t.Fatalf("save %s: %v", r.Article.ID, err)
		}
	}
}
