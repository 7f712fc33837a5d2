package actor

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// TestRecognizeTokensSame: recognition on tokens made beforehand (shared with the event coder) finds what
// Recognize finds, and leaves the tokens as they were.
func TestRecognizeTokensSame(t *testing.T) {
	d := testDict(t)
	for lang, s := range map[string]string{
		"en": "Vietnam's foreign minister met his Chinese counterpart Wang Yi in Beijing on Monday.",
		"fr": "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien.",
		"vi": "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh.",
		"zh": "越南外长周一在北京会见了中国外长王毅。中美关系",
	} {
		a := &dyad.Article{ID: "t", Lang: lang, Text: s, Published: "2024-03-18"}
		want := d.Recognize(a)
		tt := text.Tokens(s)
		keep := slices.Clone(tt)
		got := d.RecognizeTokens(a, tt)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: RecognizeTokens %v, Recognize %v", lang, got, want)
		}
		if !slices.Equal(tt, keep) {
			t.Errorf("%s: the tokens were modified", lang)
		}
	}
}

// TestLookupSameWalks checks that the nodes noted in the tokens (matcher.lookup) lead every walk and every
// compound to what the matcher's keys give: each walk from each token of texts in several scripts yields
// the same ends and nodes, and markCompounds marks the same tokens.
func TestLookupSameWalks(t *testing.T) {
	d := testDict(t)
	for lang, s := range map[string]string{
		"en": "Vietnam's foreign minister met his Chinese counterpart Wang Yi in Beijing on Monday; Sino-US talks, the U.S. State Department.",
		"fr": "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien des Affaires étrangères.",
		"vi": "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh, quan hệ Mỹ-Trung.",
		"zh": "越南外长周一在北京会见了中国外长王毅。中美关系",
	} {
		plain := d.fromTokens(text.Tokens(s), true)
		noted := slices.Clone(plain)
		d.m.lookup(noted)
		looked := 0
		for i := range plain {
			if noted[i].node > 0 {
				looked++
			}
			type step struct {
				end int
				nd  *mnode
			}
			var want, got []step
			for end, nd := range d.m.walk(plain, i, nil) {
				want = append(want, step{end, nd})
			}
			for end, nd := range d.m.walk(noted, i, nil) {
				got = append(got, step{end, nd})
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: walk from %q: %v, want %v", lang, plain[i].fold, got, want)
			}
		}
		if looked == 0 {
			t.Errorf("%s: no token is a key: the test shows nothing", lang)
		}
		d.markCompounds(plain, lang, d.langs[lang])
		d.markCompounds(noted, lang, d.langs[lang])
		compounds := 0
		for i := range plain {
			if noted[i].compound {
				compounds++
			}
			if plain[i].compound != noted[i].compound {
				t.Errorf("%s: %q compound %v with the nodes noted, %v without", lang, plain[i].fold, noted[i].compound, plain[i].compound)
			}
		}
		if lang == "zh" && compounds == 0 {
			t.Errorf("zh: no compound marked in %q: the test shows nothing", s)
		}
	}
}

// TestRecognizeReusesBuffers checks that the token buffers RecognizeTokens keeps across articles change no
// answer: texts long and short, in four scripts, recognised one after the other in both orders and from
// several goroutines at once (go test -race), give what each gave first.
func TestRecognizeReusesBuffers(t *testing.T) {
	d := testDict(t)
	texts := []struct{ lang, s string }{
		{"en", strings.Repeat("Vietnam's foreign minister met his Chinese counterpart Wang Yi in Beijing on Monday. ", 40)},
		{"zh", "越南外长周一在北京会见了中国外长王毅。中美关系"},
		{"fr", "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien."},
		{"vi", strings.Repeat("Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh. ", 25)},
		{"en", "Sino-US talks: the U.S. State Department said AmbassadorBình would go to Hanoi."},
	}
	recognize := func(i int) []dyad.ActorMention {
		a := &dyad.Article{ID: "t", Lang: texts[i].lang, Text: texts[i].s, Published: "2024-03-18"}
		return d.RecognizeTokens(a, text.Tokens(a.Text))
	}
	want := make([][]dyad.ActorMention, len(texts))
	for i := range texts {
		want[i] = recognize(i)
		if len(want[i]) == 0 {
			t.Fatalf("%s: no mentions", texts[i].lang)
		}
	}
	for i := len(texts) - 1; i >= 0; i-- {
		if got := recognize(i); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s again: %v, first %v", texts[i].lang, got, want[i])
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(texts) {
				i := (k + g) % len(texts)
				if got := recognize(i); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s in goroutine %d: %v, first %v", texts[i].lang, g, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestAcronymInsideHyphenatedName: an acronym matched in capitals ("AU", "UN") is no actor when it is one
// part of a hyphenated word, glued by hyphens on both sides (an all-capital dateline "PORT-AU-PRINCE"); a
// hyphen on one side only still lets it stand ("the AU-EU summit", "US-China talks").
func TestAcronymInsideHyphenatedName(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want, not  []string
	}{
		{"en", "PORT-AU-PRINCE (Reuters) - Kenyan police officers arrived in Haiti on Tuesday.", []string{"KENCOP", "HTI"}, []string{"IGOAFRAFU"}},
		{"fr", "PORT-AU-PRINCE (AFP) - Des policiers kényans sont arrivés mardi en Haïti.", []string{"HTI"}, []string{"IGOAFRAFU"}},
		{"en", "Leaders met at the AU-EU summit in Brussels.", []string{"IGOAFRAFU"}, nil},
		{"en", "The US-China talks resumed in Geneva.", []string{"USA", "CHN"}, nil},
	} {
		checkCodes(t, d, &dyad.Article{ID: "t", Lang: c.lang, Text: c.text, Published: "2024-06-25"}, c.want, c.not)
	}
}

// TestShortNameInsidePlace: in a script without spaces a country's short name that heads a longer place name
// ("大马" in "大马士革", Damascus; "马里" in "马里乌波尔", Mariupol) is no mention of that country; the short
// name alone, or before a word that makes no place ("马里过渡政府"), still is.
func TestShortNameInsidePlace(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"以色列战机周一空袭了位于大马士革的伊朗驻叙利亚使馆领事处。", []string{"ISRMIL"}, []string{"MYS"}},
		{"俄罗斯军队周三猛烈炮击马里乌波尔。", []string{"RUSMIL"}, []string{"MLI"}},
		{"马里过渡政府周一宣布驱逐法国大使。", []string{"MLIGOV"}, nil}, // 过渡政府 a body since code18d
		{"中国外交部长王毅会见了马来西亚外长。", []string{"CHN", "MYSGOV"}, nil},
	} {
		checkCodes(t, d, &dyad.Article{ID: "t", Lang: "zh", Text: c.text, Published: "2024-04-02"}, c.want, c.not)
	}
}

// checkCodes checks that the mentions Recognize finds in a carry every code of want and none of not.
func checkCodes(t *testing.T, d *Dictionary, a *dyad.Article, want, not []string) {
	t.Helper()
	got := map[string]bool{}
	for _, m := range d.Recognize(a) {
		got[m.Actor.Code] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%q: no %s in %v", a.Text, w, got)
		}
	}
	for _, n := range not {
		if got[n] {
			t.Errorf("%q: %s found where it should not be: %v", a.Text, n, got)
		}
	}
}

// TestMarksAgents: a @marks language's agents match with their diacritics, in either spelling of a tone
// ("hòa", "hoà"): "công nhận" (recognise) is no "công nhân" (workers), "đang" (a tense marker) no "đảng" (party).
func TestMarksAgents(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"Mỹ đang cân nhắc công nhận Nhà nước Palestine.", []string{"USA"}, []string{"USAPTY", "USALAB", "PSELAB"}},
		{"Tây Ban Nha đã chính thức công nhận Nhà nước Palestine.", []string{"ESP", "PSEGOV"}, []string{"PSELAB"}},
		{"Công nhân Hàn Quốc đình công; Đảng Dân chủ Hàn Quốc phản đối.", []string{"KORLAB"}, nil},
		{"Toà án tối cao Mỹ bác đơn.", []string{"USAJUD"}, nil},
	} {
		checkCodes(t, d, &dyad.Article{ID: "t", Lang: "vi", Text: c.text, Published: "2024-05-28"}, c.want, c.not)
	}
}
