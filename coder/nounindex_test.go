package coder

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// The noun classes a range of tokens holds, found through the index of their first words, are those that
// tokensHave finds reading every class's words at every token: over the gold sentences of each language and
// the classes' own words, at random ranges.
func TestNounClassesIn(t *testing.T) {
	c := newTestCoder(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for code, lg := range c.langs {
		if len(lg.nouns) == 0 {
			continue
		}
		var sb strings.Builder
		for _, nw := range lg.nouns {
			for _, a := range nw.alts {
				for _, tm := range a {
					sb.WriteString(strings.ReplaceAll(tm.text, "_", " "))
					if tm.prefix {
						sb.WriteString("s")
					}
					sb.WriteByte(' ')
				}
				sb.WriteString(", ")
			}
		}
		if f, err := os.Open("../testdata/gold/wire13-" + code + ".jsonl"); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var g struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &g) == nil {
					sb.WriteString(g.Text + " ")
				}
			}
			f.Close()
		}
		d := &doc{c: c, lg: lg, a: &dyad.Article{Lang: code, Text: sb.String()}, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1}
		d.prepare(nil)
		has := make([]uint64, (len(lg.nouns)+63)/64)
		hits := 0
		for range 3000 {
			first := rng.IntN(len(d.toks))
			last := min(len(d.toks)-1, first+rng.IntN(25)-2)
			clear(has)
			d.nounClassesIn(first, last, has)
			for ci, nw := range lg.nouns {
				got, want := has[ci/64]&(1<<(ci%64)) != 0, first <= last && d.tokensHave(first, last, nw.alts)
				if got {
					hits++
				}
				if got != want {
					t.Fatalf("%s: class %s (%s) in tokens %d..%d: index %v, tokensHave %v", code, nw.name, nw.where, first, last, got, want)
				}
			}
		}
		if hits < 100 {
			t.Errorf("%s: %d classes found in 3,000 ranges: the test reads too few of their words", code, hits)
		}
	}
}

// The frames found through their first and last words are those that reading every frame at every unit
// finds: frameEndsAt against every frame's words tried at every start before the unit, over the gold
// sentences of each language and the frames' own words.
func TestFrameIndex(t *testing.T) {
	c := newTestCoder(t)
	for code, lg := range c.langs {
		if len(lg.frames) == 0 {
			continue
		}
		var sb strings.Builder
		for _, fw := range lg.frames {
			for _, sq := range fw.seqs {
				sb.WriteString(strings.Join(sq, " ") + " lundi " + strings.Join(sq, " ") + " , ")
			}
		}
		if f, err := os.Open("../testdata/gold/wire13-" + code + ".jsonl"); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var g struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &g) == nil {
					sb.WriteString(g.Text + " ")
				}
			}
			f.Close()
		}
		d := &doc{c: c, lg: lg, a: &dyad.Article{Lang: code, Text: sb.String()}, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1}
		d.prepare(nil)
		d.setReference()
		s := &sentence{d: d, u: d.units(0, len(d.toks), nil)}
		s.markDates(0, len(d.toks))
		ends := 0
		for p := range s.u {
			want := false
			for _, fw := range lg.frames {
				for _, sq := range fw.seqs {
					for k := p - len(sq) + 1; k >= 0 && k >= p-len(sq)-maxFrameDate; k-- {
						want = want || s.frameSpan(k, sq) == p+1
					}
				}
			}
			if got := s.frameEndsAt(p); got != want {
				t.Fatalf("%s: frameEndsAt(%d) = %v, every frame read at every start: %v", code, p, got, want)
			}
			if want {
				ends++
			}
		}
		if ends == 0 {
			t.Errorf("%s: no frame ends anywhere: the test reads none of their words", code)
		}
	}
}
