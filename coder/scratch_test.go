package coder

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestScratchAcrossArticles: an article coded after others (a longer one, another language, the same one) and
// concurrently gets what it gets first, its trace included: nothing of an article's scratch reaches the next.
func TestScratchAcrossArticles(t *testing.T) {
	c := newTestCoder(t)
	dict := loadTestActors(t)
	texts := []struct{ lang, text string }{
		{"en", "Vietnam's foreign minister met his Chinese counterpart in Beijing on Monday."},
		{"fr", "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien."},
		{"vi", "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh hôm thứ Hai."},
		{"zh", "越南外长周一在北京会见了中国外长。"},
	}
	long := strings.Repeat("Protesters clashed with police in Paris on Tuesday. Vietnam's foreign minister met his Chinese counterpart in Beijing on Monday. ", 20)
	texts = append(texts, struct{ lang, text string }{"en", long})
	code := func(i int) string {
		a := &dyad.Article{ID: "t", Lang: texts[i].lang, Text: texts[i].text, Published: "2024-03-18"}
		r := c.Code(a, handMentions(dict, texts[i].text))
		j, _ := json.Marshal(r)
		return string(j)
	}
	first := make([]string, len(texts))
	for i := range texts {
		first[i] = code(i)
	}
	if !strings.Contains(first[0], `"Events":[{`) {
		t.Fatalf("no event in %s", first[0])
	}
	for i := len(texts) - 1; i >= 0; i-- {
		code(len(texts) - 1) // the long one before each
		if got := code(i); got != first[i] {
			t.Errorf("%s after the long article:\n got %s\nwant %s", texts[i].lang, got, first[i])
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range texts {
				if got := code(i); got != first[i] {
					t.Errorf("%s concurrently:\n got %s\nwant %s", texts[i].lang, got, first[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestWindow: windows keep their elements when the slab grows, and have no room to grow into each other.
func TestWindow(t *testing.T) {
	var slab []int
	var ws [][]int
	for n := range 100 {
		w := window(&slab, n%7)
		for k := range w {
			w[k] = n
		}
		if cap(w) != len(w) {
			t.Fatalf("window %d: cap %d, len %d", n, cap(w), len(w))
		}
		ws = append(ws, w)
	}
	for n, w := range ws {
		for _, v := range w {
			if v != n {
				t.Fatalf("window %d holds %d", n, v)
			}
		}
	}
}

// TestScratchPutClears: after put, every slab is zero to its capacity, though put clears the windowed ones only
// to their length: what an article wrote lies within it.
func TestScratchPutClears(t *testing.T) {
	var sp scratchPool
	sc := &scratch{}
	for _, n := range []int{300, 5, 40} { // a long article, then shorter ones
		for range 3 {
			ws := window(&sc.words, n/3+1)
			for i := range ws {
				ws[i] = "word"
			}
			us := window(&sc.units, n/3+1)
			for i := range us {
				us[i].fold = "x"
			}
		}
		ts := table(&sc.tokInfo, n)
		ts[n-1] = &wordInfo{stem: "s"}
		sp.put(sc)
		for i, w := range sc.words[:cap(sc.words)] {
			if w != "" {
				t.Fatalf("n=%d: words[%d] = %q after put", n, i, w)
			}
		}
		for i, u := range sc.units[:cap(sc.units)] {
			if u.fold != "" {
				t.Fatalf("n=%d: units[%d] kept %q after put", n, i, u.fold)
			}
		}
		for i, w := range sc.tokInfo[:cap(sc.tokInfo)] {
			if w != nil {
				t.Fatalf("n=%d: tokInfo[%d] kept after put", n, i)
			}
		}
		sc = sp.get()
	}
}
