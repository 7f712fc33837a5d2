package link

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

func TestEmbeddedLexiconLoads(t *testing.T) {
	x, errs := LoadLexicon(packs.Default())
	for _, err := range errs {
		t.Error(err)
	}
	if x.Len() < 60 {
		t.Errorf("lexicon has %d concepts, want at least 60", x.Len())
	}
	want := []string{"de", "en", "es", "fr", "it", "nl", "pt", "ru", "vi", "zh"}
	if got := x.Langs(); !slices.Equal(got, want) {
		t.Errorf("languages %v, want %v", got, want)
	}
	if errs := packs.Check(packs.Default()); len(errs) > 0 {
		for _, err := range errs {
			if strings.Contains(err.Error(), "concepts") || strings.Contains(err.Error(), FamiliesFile) {
				t.Error(err)
			}
		}
	}
}

func TestMatchConcepts(t *testing.T) {
	x, _ := LoadLexicon(packs.Default())
	// Sentences in our own words.
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Hanoi regards ties with Beijing as a top priority and a strategic choice.", []string{"strategic-choice", "top-priority"}},
		{"en", "The minister said his country respects the one-China principle.", []string{"one-china"}},
		{"fr", "Paris défend la souveraineté et l’intégrité territoriale de l'Ukraine.", []string{"sovereignty", "territorial-integrity"}},
		{"fr", "Pékin accorde une place prioritaire à Hanoï dans sa diplomatie de voisinage.", []string{"neighbourhood-diplomacy", "priority"}},
		{"nl", "Den Haag noemt de banden met Hanoi een topprioriteit.", []string{"top-priority"}},
		{"nl", "Peking geeft Hanoi een prioriteitspositie in zijn buurlanddiplomatie.", []string{"neighbourhood-diplomacy", "priority"}},
		{"de", "Berlin forderte einen sofortigen Waffenstillstand und humanitäre Hilfe.", []string{"ceasefire", "humanitarian-aid"}},
		{"es", "Madrid pidió respetar el derecho internacional y los derechos humanos.", []string{"human-rights", "international-law"}},
		{"pt", "Lisboa apoia a solução de dois estados.", []string{"two-state-solution"}},
		{"it", "Roma chiede la libertà di navigazione nel Mar Cinese Meridionale.", []string{"freedom-of-navigation", "south-china-sea"}},
		{"vi", "Hai bên nhất trí giữ gìn hòa bình, ổn định ở Biển Đông.", []string{"peace-stability", "south-china-sea"}},
		{"zh", "中方始终把越南作为周边外交的优先方向。", []string{"neighbourhood-diplomacy", "priority"}},
		{"zh", "双方同意深化全面战略合作伙伴关系。", []string{"comprehensive-strategic-partnership"}},
		{"ru", "Москва выступает против односторонних санкций.", []string{"unilateralism"}},
		{"ru", "Стороны подтвердили стратегический выбор в пользу партнерства.", []string{"cooperation", "strategic-choice"}},
		{"xx", "An unknown language still finds the sovereignty of states.", []string{"sovereignty"}},
	} {
		got := uniqueConcepts(x.Match(tc.lang, tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestKeyConcepts(t *testing.T) {
	x, _ := LoadLexicon(packs.Default())
	for _, tc := range []struct {
		text string
		want []string
	}{
		// Context concepts (cooperation, development, foreign policy) never define a claim.
		{"We will deepen cooperation and development.", nil},
		// The two heaviest, first said first; the rest are context.
		{"Friendly cooperation, mutual trust, a strategic choice and the top priority of its foreign policy.", []string{"strategic-choice", "top-priority"}},
		{"Peace and stability matter, and so does mutual trust.", []string{"mutual-trust", "peace-stability"}},
		{"Sovereignty, territorial integrity and non-interference in internal affairs.", []string{"sovereignty", "territorial-integrity"}},
		// One position said with a theme: the position alone.
		{"Mutual trust rests on respect for sovereignty.", []string{"sovereignty"}},
	} {
		if got := x.keyConcepts(x.Match("en", tc.text)); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestClaimIDStable(t *testing.T) {
	a := ClaimID("VNM", "CHN", []string{"strategic-choice", "top-priority"})
	if a != ClaimID("VNM", "CHN", []string{"strategic-choice", "top-priority"}) {
		t.Fatal("claim id not stable")
	}
	for _, other := range []string{ClaimID("CHN", "VNM", []string{"strategic-choice", "top-priority"}),
		ClaimID("VNM", "", []string{"strategic-choice", "top-priority"}), ClaimID("VNM", "CHN", []string{"top-priority"})} {
		if other == a {
			t.Errorf("different claims share id %s", a)
		}
	}
}

func TestClaimLabel(t *testing.T) {
	x, _ := LoadLexicon(packs.Default())
	for _, tc := range []struct {
		speaker, about string
		want           string
	}{
		{"VNM", "CHN", "Vietnam on China: strategic choice, top priority"},
		{"IGOUNO", "", "IGOUNO: strategic choice, top priority"},
		{"", "XYZ", "? on XYZ: strategic choice, top priority"},
	} {
		if got := x.ClaimLabel(tc.speaker, tc.about, []string{"strategic-choice", "top-priority"}); got != tc.want {
			t.Errorf("ClaimLabel(%q, %q) = %q, want %q", tc.speaker, tc.about, got, tc.want)
		}
	}
}

func TestSpeakerSide(t *testing.T) {
	for _, tc := range []struct {
		ref  dyad.ActorRef
		want string
	}{
		{dyad.ActorRef{Country: "VNM", Code: "VNMGOV"}, "VNM"},
		{dyad.ActorRef{Code: "IGOUNO"}, "IGOUNO"},
		{dyad.ActorRef{Code: "CHNGOV"}, "CHN"},
		{dyad.ActorRef{}, ""},
	} {
		if got := speakerSide(tc.ref); got != tc.want {
			t.Errorf("speakerSide(%+v) = %q, want %q", tc.ref, got, tc.want)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLexiconErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // substring of the one error
	}{
		{"fields", map[string]string{IndexFile: "a | 2\n"}, "index:1: want 3 fields"},
		{"weight", map[string]string{IndexFile: "# c\n\na | 5 | A\n"}, "index:3: concept a: weight"},
		{"id", map[string]string{IndexFile: "A b | 2 | A\n"}, "index:1: concept id"},
		{"duplicate", map[string]string{IndexFile: "a | 2 | A\na | 3 | A\n"}, "index:2: concept a: already defined at"},
		{"unknown", map[string]string{IndexFile: "a | 2 | A\n", "en/concepts": "a | alpha\nb | beta\n"}, "en/concepts:2: unknown concept"},
		{"star", map[string]string{IndexFile: "a | 2 | A\n", "en/concepts": "a | al*pha\n"}, "en/concepts:1: concept a: phrase"},
		{"short prefix", map[string]string{IndexFile: "a | 2 | A\n", "en/concepts": "a | al*\n"}, "too short"},
		{"no words", map[string]string{IndexFile: "a | 2 | A\n", "en/concepts": "a | ...\n"}, "no words"},
		{"clash", map[string]string{IndexFile: "a | 2 | A\nb | 2 | B\n", "en/concepts": "a | alpha\nb | Alpha\n"}, "en/concepts:2: phrase \"Alpha\" is already concept a"},
		{"families", map[string]string{"link/families": "04 | 04 | maybe\n"}, "families:1: symmetric"},
		{"root", map[string]string{"link/families": "4 | 04 | yes\n"}, "families:1: root"},
		{"family symmetry", map[string]string{"link/families": "03 | coop | yes\n04 | coop | no\n"}, "roots disagree"},
	} {
		dir := writeFiles(t, tc.files)
		_, errs := LoadLexicon(packs.Dir(dir))
		_, ferrs := LoadFamilies(packs.Dir(dir))
		errs = append(errs, ferrs...)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want) {
			t.Errorf("%s: errors %v, want one with %q", tc.name, errs, tc.want)
			continue
		}
		var pe *packs.Error
		if tc.name != "family symmetry" && !errors.As(errs[0], &pe) {
			t.Errorf("%s: %v is not a *packs.Error", tc.name, errs[0])
		}
	}
}

func TestUserLexiconExtends(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		IndexFile:     "blue-economy | 3 | blue economy\n",
		"en/concepts": "blue-economy | blue economy | ocean economy\n",
		"eo/concepts": "sovereignty | suvereneco\n", // a new language is a file of data
	})
	p, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx := newMemIndex()
	l, err := New(p, idx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := uniqueConcepts(l.Lexicon().Match("en", "The ocean economy and sovereignty")); !slices.Equal(got, []string{"blue-economy", "sovereignty"}) {
		t.Errorf("user phrases: %v", got)
	}
	if got := uniqueConcepts(l.Lexicon().Match("eo", "la suvereneco de la ŝtato")); !slices.Equal(got, []string{"sovereignty"}) {
		t.Errorf("new language: %v", got)
	}
	bad := writeFiles(t, map[string]string{"fr/concepts": "nope | rien\n"})
	p2, _ := packs.Load(bad)
	if _, err := New(p2, idx, Options{}); err == nil || !strings.Contains(err.Error(), "fr/concepts:1") {
		t.Errorf("New with a bad user file: %v", err)
	}
}

func FuzzParsePhrase(f *testing.F) {
	for _, s := range []string{"top priorit*", "周边外交", "a*b", "*", "l'intégrité territoriale", "стратегическ* выбор*", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, prefix, err := parsePhrase(s)
		if err != nil {
			return
		}
		if len(words) == 0 || len(words) != len(prefix) {
			t.Fatalf("%q: %v %v", s, words, prefix)
		}
		p := &phrase{words: words, prefix: prefix, concept: "c"}
		m := newMatcher()
		m.add(p)
		m.find(Words(s)) // must not panic
	})
}
