//go:build gold

package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// BenchmarkAnnotateCode measures the two stages after extraction as the pipeline runs them on the seed
// articles: actor recognition with the shipped dictionary, then sentence splitting and coding, every
// language's packs loaded (the third-party layers unless DYAD_THIRD_PARTY=off). It needs the actor
// package, hence the gold tag: go test -tags gold ./coder -run X -bench AnnotateCode -cpu 1
func BenchmarkAnnotateCode(b *testing.B) {
	dict, err := actor.Load(packs.Default())
	if err != nil {
		b.Skipf("actor dictionary does not load: %v", err)
	}
	c := newTestCoder(b)
	for _, lg := range c.langs {
		lg.ensure()
	}
	var arts []*dyad.Article
	var size int64
	for _, s := range seedExpect {
		a := loadSeedB(b, s.prefix)
		if a == nil {
			b.Skip("seeds not available")
		}
		a.Lang = s.lang
		arts = append(arts, a)
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			tt := text.Tokens(a.Text) // one tokenization for both stages, as the pipeline's stages share it
			c.CodeTokens(a, dict.RecognizeTokens(a, tt), tt)
		}
		n++
	}
	reportCPU(b, cpu, size*int64(n))
}
