package source

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

func TestHangHunt(t *testing.T) {
	var seeds [][]byte
	for _, gz := range []bool{false, true} {
		w := &warcWriter{gz: gz}
		writeNews(w)
		seeds = append(seeds, w.out.Bytes())
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		b := bytes.Clone(seeds[rng.IntN(2)])
		for k := rng.IntN(5) + 1; k > 0; k-- {
			switch rng.IntN(3) {
			case 0:
				b[rng.IntN(len(b))] ^= byte(rng.IntN(256))
			case 1:
				b = b[:rng.IntN(len(b))+1]
			case 2:
				j := rng.IntN(len(b))
				b = append(b[:j:j], b[min(len(b), j+rng.IntN(50)):]...)
			}
			if len(b) == 0 {
				b = []byte("x")
			}
		}
		done := make(chan bool)
		go func() {
			for range parseWARC("x", b) {
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			os.WriteFile("/tmp/hang.bin", b, 0o644)
			t.Fatalf("hang at %d", i)
		}
	}
}
