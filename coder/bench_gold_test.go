//go:build gold

package coder

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// BenchmarkAnnotateCode measures the two stages after extraction as the pipeline runs them on the seed
// articles: actor recognition with the shipped dictionary, then sentence splitting and coding, every
// language's packs loaded (the third-party layers unless DYAD_THIRD_PARTY=off). It needs the actor
// package, hence the gold tag: go test -tags gold ./coder -run X -bench AnnotateCode -cpu 1
func BenchmarkAnnotateCode(b *testing.B) {
	dict := testDict(b)
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

// BenchmarkCodeSentences codes a fixed set of news sentences in nine languages (the seen pool's wire files,
// testdata/gold/wire*.jsonl, each sentence an article), their actors recognised once before timing: the
// coder alone, as the pipeline's code stage runs it. go test -tags gold ./coder -run X -bench CodeSentences -cpu 1
func BenchmarkCodeSentences(b *testing.B) {
	dict := testDict(b)
	c := newTestCoder(b)
	for _, lg := range c.langs {
		lg.ensure()
	}
	files, _ := filepath.Glob("../testdata/gold/wire*.jsonl")
	if len(files) == 0 {
		b.Skip("no gold files")
	}
	type item struct {
		a  *dyad.Article
		ms []dyad.ActorMention
		tt []text.Token
	}
	var items []item
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for k, line := range bytes.Split(data, []byte("\n")) {
			var g struct{ ID, Lang, Date, Text string }
			if len(bytes.TrimSpace(line)) == 0 || json.Unmarshal(line, &g) != nil {
				continue
			}
			a := &dyad.Article{ID: fmt.Sprintf("%s:%d", f, k), Lang: g.Lang, Text: g.Text, Published: dyad.NullString(g.Date)}
			tt := text.Tokens(a.Text)
			items = append(items, item{a, dict.RecognizeTokens(a, tt), tt})
			size += int64(len(a.Text))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		for _, it := range items {
			c.CodeTokens(it.a, it.ms, it.tt)
		}
		n++
	}
	reportCPU(b, cpu, size*int64(n))
}
