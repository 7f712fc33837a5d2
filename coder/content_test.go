package coder

import (
	"testing"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestContentTwins checks the mechanism on a language of three speech-act patterns: a pattern of a content
// code that ends in its addressee also finds its target in the content (contentTwin) and before the act's
// noun (addresseeTwin); the addressee, when named, wins; a denial's content is no event, but the accuser's own
// accusation told in a relative clause is; a pattern of another code has no twin.
func TestContentTwins(t *testing.T) {
	dir := writePack(t, map[string]string{
		"en/verbs": "018 | S expressed ..3 condolences ..4 to T\n016 | S ..2 rejected ..3 accusations ..3 by T\n" +
			"051 | S ^backs T\n042 | S paid ..3 visit ..2 to T\n112 | S ^blames T\n",
		"en/grammar": "and | and\nthat | that\nprep | of | to | in\ncontent | 016 | 018\naddressee | to | by | over\nrel | which\nbarrier | which\n",
	})
	c, err := New(packs.Dir(dir), cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	actors := loadTestActors(t)
	for txt, want := range map[string]string{
		"Japan expressed condolences to Turkey.":                                  "018 JPN TUR",
		"Japan expressed condolences over the earthquake in Turkey.":              "018 JPN TUR",
		"Japan expressed to Turkey its deepest condolences.":                      "018 JPN TUR",
		"Japan expressed condolences to Turkey over the earthquake in Nepal.":     "018 JPN TUR",
		"Japan expressed condolences over the storm in Japan.":                    "",
		"China rejected accusations that Beijing backs rebels in Nepal.":          "016 CHN NPL",
		"China rejected accusations by Japan, and Beijing backs Nepal.":           "016 CHN JPN 051 CHNGOV NPL",
		"China rejected accusations by Japan, which blames Beijing for the raid.": "016 CHN JPN 112 JPN CHNGOV",
		"China rejected accusations by Japan, which says Beijing backs Nepal.":    "016 CHN JPN",
		"Japan paid a visit over the holidays, and Turkey welcomed the gesture.":  "",
	} {
		if got := codedAs(c, actors, "en", txt, codeSourceTarget); got != want {
			t.Errorf("%q: events %q, want %q", txt, got, want)
		}
	}
	lg := c.langs["en"]
	n := 0
	for _, pt := range lg.patterns {
		if pt.content {
			n++
			if pt.code != "018" && pt.code != "016" {
				t.Errorf("content twin of %s (%s): want none outside the content codes", pt.id, pt.code)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d content twins, want 2 (one per speech-act pattern)", n)
	}
}

// TestContentSlotErrors checks that C needs S and a word of the pattern before it.
func TestContentSlotErrors(t *testing.T) {
	for _, body := range []string{"018 | T condolences C\n", "018 | S C condolences\n"} {
		p, err := packs.LoadWith(false, writePack(t, map[string]string{"en/verbs": body}))
		if err == nil {
			_, err = New(p, cameo.MustDefault())
		}
		if err == nil {
			t.Errorf("%q: no error, want one", body)
		}
	}
}

// TestContentIGO checks the content of an act whose source or object is an international body (round 26): an IGO
// source, of no country, takes the first actor of any country in the content; an IGO right after the act's words is
// its object; a C written before the pattern's last words reads only the content, not what stands between the
// source and the act.
func TestContentIGO(t *testing.T) {
	dir := writePack(t, map[string]string{
		"en/verbs":   "163 | S imposed ..3 sanctions ..2 on C\n090 | S has ..3 inquiry ..2 into C ..10 opened\n",
		"en/grammar": "and | and\nthat | that\nprep | of | to | in | into | on | over | with\ndet | the | an | a | its\n",
	})
	c, err := New(packs.Dir(dir), cameo.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	actors := loadTestActors(t)
	for txt, want := range map[string]string{
		"The European Union imposed sanctions on the oil sector of Turkey.":          "163 IGOEU TUR",
		"Japan imposed sanctions on the United Nations over its reports on China.":   "163 JPN IGOUNO",
		"Japan imposed sanctions on the oil sector of Turkey.":                       "163 JPN TUR",
		"Japan has an inquiry into the floods of Nepal opened.":                      "090 JPN NPL",
		"Japan, after its talks with Turkey, has an inquiry into the floods opened.": "",
	} {
		if got := codedAs(c, actors, "en", txt, codeSourceTarget); got != want {
			t.Errorf("%q: events %q, want %q", txt, got, want)
		}
	}
}
