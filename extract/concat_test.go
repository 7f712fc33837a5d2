package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// dropConcatenations gives what joining every run gives (dropConcatenationsSlow), on random pages with
// glued copies of runs, white space moved about.
func TestDropConcatenationsSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "bb", "c c", " ", "", "dd\n", "é", "x y z"}
	for range 3000 {
		var paras []string
		for range 3 + rng.IntN(8) {
			if len(paras) >= 2 && rng.IntN(3) == 0 {
				j := rng.IntN(len(paras) - 1)
				glued := strings.Join(paras[j:], "")
				if rng.IntN(2) == 0 {
					glued = strings.ReplaceAll(glued, " ", "  ")
				}
				paras = append(paras, glued)
				continue
			}
			var b strings.Builder
			for range rng.IntN(4) {
				b.WriteString(words[rng.IntN(len(words))])
			}
			paras = append(paras, b.String())
		}
		want := dropConcatenationsSlow(slices.Clone(paras))
		if got := dropConcatenations(slices.Clone(paras)); !slices.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", paras, got, want)
		}
	}
}
