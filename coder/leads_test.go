package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// TestPhraseLeads: every phrase of grammar and dates begins with one of its language's leads, and over a text
// that spells every phrase of the language (each after a word that begins none), phraseAt answers as seqAt at
// every unit for every phrase, and markSeqs marks what a walk of every phrase from every unit marks.
func TestPhraseLeads(t *testing.T) {
	c := newTestCoder(t)
	for _, code := range []string{"en", "fr", "nl", "de", "es", "pt", "it", "vi", "zh"} {
		lg := c.langs[code]
		lg.ensure()
		var b strings.Builder
		var all []seq
		for _, sqs := range lg.phrases {
			for _, sq := range sqs {
				if !lg.leads[sq[0]] {
					t.Errorf("%s: phrase %q: its first word is no lead", code, sq)
				}
				all = append(all, sq)
				b.WriteString("Zyx " + strings.ReplaceAll(strings.Join(sq, " "), "' ", "'") + " , ")
			}
		}
		a := &dyad.Article{Lang: code, Text: b.String()}
		d := &doc{c: c, lg: lg, a: a, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1}
		tt := text.Tokens(a.Text)
		d.prepareTokens(nil, tt)
		s := &sentence{d: d, u: d.units(0, len(d.toks), nil)}
		found := 0
		for k := range s.u {
			for _, sq := range all {
				if got, want := s.phraseAt(k, sq), s.seqAt(k, sq); got != want {
					t.Fatalf("%s: unit %d %q, phrase %q: phraseAt %v, seqAt %v", code, k, s.u[k].fold, sq, got, want)
				} else if want {
					found++
				}
			}
		}
		if found < len(all)*9/10 { // (a few phrases spelled again tokenize otherwise)
			t.Errorf("%s: %d phrases found of the %d spelled", code, found, len(all))
		}
		marked := s.markSeqs(all)
		for k := range s.u {
			want := false
			for _, sq := range all {
				for i := range sq {
					want = want || k-i >= 0 && s.seqAt(k-i, sq)
				}
			}
			if got := marked != nil && marked[k]; got != want {
				t.Errorf("%s: unit %d %q marked %v, want %v", code, k, s.u[k].fold, got, want)
			}
		}
	}
}
