package coder

import (
	"bufio"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// testActor is one alias of testdata/actors.txt.
type testActor struct {
	alias string
	via   string // how the actor stage would have found it: "name", "demonym" ...
	ref   dyad.ActorRef
}

// checkCoded checks the events codeHand found for text: want ("CODE SOURCE TARGET") among them, or none when want
// is "".
func checkCoded(t *testing.T, text string, got []string, want string) {
	t.Helper()
	if want == "" {
		if len(got) != 0 {
			t.Errorf("%s: events %q, want none", text, got)
		}
		return
	}
	if !slices.Contains(got, want) {
		t.Errorf("%s: events %q, want %q", text, got, want)
	}
}

// namedActor is a hand-made actor found by its name, for the tests of one mechanism.
func namedActor(alias, typ, code, country, sector string) testActor {
	return testActor{alias: alias, via: "name", ref: dyad.ActorRef{ID: alias, Name: alias, Type: typ, Country: country, Sector: sector, Code: code}}
}

func loadTestActors(t testing.TB) []testActor {
	t.Helper()
	f, err := os.Open("testdata/actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []testActor
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Split(l, "|")
		if len(fs) != 7 && len(fs) != 8 {
			t.Fatalf("testdata/actors.txt:%d: want 7 fields, or 8 with how the mention was found", n)
		}
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		via := "name"
		if len(fs) == 8 {
			via = fs[7]
		}
		out = append(out, testActor{alias: fs[0], via: via, ref: dyad.ActorRef{ID: fs[1], Name: fs[2], Type: fs[3], Country: fs[4], Sector: fs[5], Code: fs[6]}})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].alias) > len(out[j].alias) })
	return out
}

// handMentions finds the test actors' aliases in s, longest first, on word boundaries, without overlaps.
func handMentions(actors []testActor, s string) []dyad.ActorMention {
	taken := make([]bool, len(s))
	var out []dyad.ActorMention
	for _, a := range actors {
		for from := 0; ; {
			i := strings.Index(s[from:], a.alias)
			if i < 0 {
				break
			}
			st := from + i
			en := st + len(a.alias)
			from = en
			if !boundary(s, st, en) {
				continue
			}
			free := true
			for k := st; k < en; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for k := st; k < en; k++ {
				taken[k] = true
			}
			out = append(out, dyad.ActorMention{Start: st, End: en, Text: s[st:en], Actor: a.ref, Via: a.via})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func boundary(s string, st, en int) bool {
	isW := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		f, _ := utf8.DecodeRuneInString(s[st:])
		if isW(r) && r < 0x2E80 && !(unicode.IsLower(r) && unicode.IsUpper(f)) {
			return false
		}
	}
	if en < len(s) {
		r, _ := utf8.DecodeRuneInString(s[en:])
		l, _ := utf8.DecodeLastRuneInString(s[:en])
		if isW(r) && r < 0x2E80 && l < 0x2E80 {
			return false
		}
	}
	return true
}

// codedAs codes txt in lang with hand-found mentions and writes its events with form, space-separated: the
// loop of the table tests that compare what a sentence codes.
func codedAs(c *Coder, actors []testActor, lang, txt string, form func(dyad.Event) string) string {
	res := c.Code(&dyad.Article{ID: "t", Lang: lang, Text: txt}, handMentions(actors, txt))
	got := make([]string, len(res.Events))
	for i, e := range res.Events {
		got[i] = form(e)
	}
	return strings.Join(got, " ")
}

// codeSourceTarget writes an event as its code, source and target codes.
func codeSourceTarget(e dyad.Event) string { return e.Code + " " + e.Source.Code + " " + e.Target.Code }

// codeOnly writes an event as its code.
func codeOnly(e dyad.Event) string { return e.Code }
