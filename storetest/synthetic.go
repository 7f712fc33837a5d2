package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dyad-events/dyad"
)

var (
	synthWords = strings.Fields(`minister president delegation talks summit agreement border trade cooperation
		security coast guard embassy ambassador visit meeting statement foreign affairs ministry council
		dialogue energy investment maritime islands patrol exercise treaty memorandum sanctions aid
		economic partnership strategic bilateral regional conference delegates parliament government`)
	synthActors = []dyad.EventActor{vnmGov, chnGov, usaGov, chnMil,
		{Code: "FRAGOV", Name: "France", Country: "FRA", Sector: "GOV"},
		{Code: "NLDGOV", Name: "Netherlands", Country: "NLD", Sector: "GOV"},
		{Code: "DEUGOV", Name: "Germany", Country: "DEU", Sector: "GOV"},
		{Code: "JPNGOV", Name: "Japan", Country: "JPN", Sector: "GOV"}}
	synthCodes = []struct {
		code  string
		quad  int
		gold  float64
		verbs string
	}{{"042", 1, 1.9, "visited"}, {"043", 1, 2.8, "hosted"}, {"057", 1, 8.0, "signed an accord with"},
		{"036", 1, 4.0, "offered talks to"}, {"112", 3, -2.0, "criticised"}, {"130", 3, -4.4, "warned"}}
	synthLangs   = []string{"en", "fr", "nl", "de", "es", "vi", "zh"}
	synthSources = []string{"VNA", "Xinhua", "AFP", "Reuters", "VOV", "ANP", "DPA"}
)

// SyntheticRecords returns n records of generated text (about 2.5 KB each) with a few actor mentions, two
// events (one in ten shared with another article, so that events gain mentions), a statement and a
// signature: the load for store benchmarks. The same seed gives the same records.
func SyntheticRecords(n int, seed uint64) []*dyad.Record {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]*dyad.Record, n)
	for i := range out {
		var b strings.Builder
		for b.Len() < 2500 {
			k := 8 + r.IntN(12)
			for j := range k {
				w := synthWords[r.IntN(len(synthWords))]
				if j == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if j < k-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
		}
		day := fmt.Sprintf("20%02d-%02d-%02d", 15+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
		lang := synthLangs[r.IntN(len(synthLangs))]
		a := dyad.Article{ID: fmt.Sprintf("synthetic-%d-%08d", seed, i), URI: fmt.Sprintf("synthetic/%d.txt", i),
			Source: dyad.NullString(synthSources[r.IntN(len(synthSources))]), Title: fmt.Sprintf("Report %d on bilateral talks", i),
			Lang: lang, LangConfidence: 0.9, Published: dyad.NullString(day)}
		rec := &dyad.Record{Article: a}
		type triple struct {
			src, tgt dyad.EventActor
			code     int
		}
		var ts [2]triple
		var sents []string
		for k := range ts {
			ts[k] = triple{synthActors[r.IntN(len(synthActors))], synthActors[r.IntN(len(synthActors))], r.IntN(len(synthCodes))}
			sents = append(sents, fmt.Sprintf("%s %s %s on %s.", ts[k].src.Name, synthCodes[ts[k].code].verbs, ts[k].tgt.Name, day))
		}
		text := sents[0] + " " + b.String() + sents[1]
		rec.Article.Text = text
		ra := &rec.Article
		for k, tr := range ts {
			src, tgt, c := tr.src, tr.tgt, synthCodes[tr.code]
			id := fmt.Sprintf("ev-%d-%d-%d", seed, i, k)
			if i > 0 && r.IntN(10) == 0 {
				id = fmt.Sprintf("ev-%d-%d-%d", seed, r.IntN(i), k) // folds into an earlier article's event
			}
			e := event(id, src.Country+"|"+tgt.Country+"|"+c.code[:2], day, src, tgt, c.code, c.quad, c.gold)
			e.Mentions = []dyad.EventMention{mention(ra, sents[k], day, false)}
			rec.Events = append(rec.Events, e)
			rec.Mentions = append(rec.Mentions, actorMention(ra, src.Name, dyad.ActorRef{ID: src.Country, Name: src.Name,
				Type: dyad.TypeCountry, Country: src.Country, Code: src.Country}, "name"))
		}
		s0, e0 := span(text, sents[0])
		rec.Statements = []dyad.Statement{{ID: a.ID + "-s", ArticleID: a.ID, Speaker: binh, Verb: "said", Text: sents[0],
			Lang: lang, Date: dyad.NullString(day), Start: s0, End: e0}}
		sig := &dyad.Signature{ArticleID: a.ID, MinHash: make([]uint32, 64), Bands: make([]uint64, 16)}
		for k := range sig.MinHash {
			sig.MinHash[k] = r.Uint32()
		}
		for k := range sig.Bands {
			sig.Bands[k] = r.Uint64()
		}
		rec.Signature = sig
		out[i] = rec
	}
	return out
}
