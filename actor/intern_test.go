package actor

import (
	"iter"
	"strings"
	"testing"
)

// walkKeys is matcher.walk by the joined string keys alone (the walk before the interned words): the
// reference the trie's walk is compared with.
func (m *matcher) walkKeys(toks []tok, i int, buf []byte) iter.Seq2[int, *mnode] {
	return func(yield func(int, *mnode) bool) {
		buf = append([]byte(nil), buf...)
		for j := i; j < len(toks) && j-i < m.maxLen; j++ {
			if j > i || len(buf) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, toks[j].fold...)
			n, ok := m.keys[string(buf)]
			if !ok {
				return
			}
			nd := &m.nodes[n]
			if !yield(j+1, nd) || !nd.more {
				return
			}
		}
	}
}

// TestInternedWordsSpellTheKeys checks, on the shipped dictionary (the third-party layer included), that
// the trie over interned words holds exactly the string keys: every key, split at its spaces, walks from its
// first word's node through the next map to its own node, and the trie has no node more (one first node per
// single-word key, one next entry per longer key). No key's word holds a space.
func TestInternedWordsSpellTheKeys(t *testing.T) {
	m := &testDict(t).m
	singles, longer := 0, 0
	for k, want := range m.keys {
		words := strings.Split(k, " ")
		w, ok := m.words[words[0]]
		if !ok {
			t.Fatalf("key %q: word %q not interned", k, words[0])
		}
		n := m.first[w]
		for _, word := range words[1:] {
			w, ok := m.words[word]
			if !ok {
				t.Fatalf("key %q: word %q not interned", k, word)
			}
			if n, ok = m.next[nextKey(n, w)]; !ok {
				t.Fatalf("key %q: no step to %q", k, word)
			}
		}
		if n != want {
			t.Fatalf("key %q: trie node %d, want %d", k, n, want)
		}
		if len(words) == 1 {
			singles++
		} else {
			longer++
		}
	}
	firsts := 0
	for _, n := range m.first {
		if n >= 0 {
			firsts++
		}
	}
	if firsts != singles || len(m.next) != longer {
		t.Fatalf("trie: %d first nodes and %d steps, keys: %d of one word and %d longer", firsts, len(m.next), singles, longer)
	}
	for w := range m.words {
		if strings.Contains(w, " ") {
			t.Fatalf("word %q holds a space", w)
		}
	}
}

// TestWalkByWordsAsByKeys walks from every token of texts in several languages, looked up and not, with and
// without a prefix, and compares every run with the string keys' walk.
func TestWalkByWordsAsByKeys(t *testing.T) {
	d := testDict(t)
	texts := []string{
		newsText()[:4000],
		"Le ministre chinois des Affaires étrangères Wang Yi a reçu l'ambassadeur du Vietnam en Chine. Les Nations unies et l'Union européenne ont salué l'accord.",
		"Bundeskanzler Olaf Scholz traf den französischen Präsidenten Emmanuel Macron in Berlin; die Vereinten Nationen begrüßten das Treffen.",
		"El presidente de Estados Unidos se reunió con el primer ministro de la India en Nueva Delhi.",
		"Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Trung Quốc Vương Nghị tại Hà Nội.",
		"中国外交部长王毅会见越南驻华大使。中美两国领导人在北京举行会谈。",
		"The Prime Minister of the United Kingdom and the Secretary-General of the United Nations met the President of the European Commission.",
	}
	for _, s := range texts {
		for _, looked := range []bool{false, true} {
			toks := d.tokens(s, true)
			if looked {
				d.m.lookup(toks)
			}
			for i := range toks {
				for _, prefix := range [][]byte{nil, []byte("prime"), []byte("united"), []byte("minister of"), []byte("nokeyatall")} {
					var got, want []int
					var gotN, wantN []*mnode
					for j, nd := range d.m.walk(toks, i, prefix) {
						got, gotN = append(got, j), append(gotN, nd)
					}
					for j, nd := range d.m.walkKeys(toks, i, prefix) {
						want, wantN = append(want, j), append(wantN, nd)
					}
					if len(got) != len(want) {
						t.Fatalf("%q from %q (prefix %q, looked up %v): ends %v, want %v", s, toks[i].fold, prefix, looked, got, want)
					}
					for k := range got {
						if got[k] != want[k] || gotN[k] != wantN[k] {
							t.Fatalf("%q from %q (prefix %q): ends %v, want %v", s, toks[i].fold, prefix, got, want)
						}
					}
				}
			}
		}
	}
}
