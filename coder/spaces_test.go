package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

func TestCheckSpaces(t *testing.T) {
	data := `# known forms: hội_đàm, hội_kiến, xâm_lược, au_cours, cuộc_gặp, cuộc_hội_đàm; words alone: gặp, lors, au, par
040 | S ..3 hội_đàm/gặp với T
040 | S ..3 hội_kiến/gặp T
192 | S ..3 xâm_lược/tấn_công T
041 | au_cours/lors ..3 entretien ..3 avec T ..8 S
041 | S ..3 au/lors/par ..3 T
040 | thượng_đỉnh/cuộc_gặp/cuộc_hội_đàm R!
040 | S ..3 hội đàm/gặp/hội kiến T
192 | S ..3 xâm lược/tấn_công T
041 | au cours/lors ..3 entretien ..3 avec T ..8 S
041 | S ..2 entretenu ..4 au/par téléphone ..8 avec T
040 | cuộc hội_đàm/gặp giữa R
@ok = tanques blindados
@bad = xâm lược
`
	f := packs.File{Path: "vi/verbs", Name: "vi/verbs", Data: []byte(data)}
	var got []string
	for _, err := range spaceErrors([]packs.File{f}) {
		got = append(got, err.Error())
	}
	want := []string{
		`vi/verbs:8: "hội đàm", "hội kiến" written with a space`,
		`vi/verbs:9: "xâm lược" written with a space`,
		`vi/verbs:10: "au cours" written with a space`,
		`vi/verbs:14: "xâm lược" written with a space`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %s\nwant prefix %s", i, got[i], want[i])
		}
	}
}

// The shipped data has no alternative with a hidden space.
func TestCheckSpacesEmbedded(t *testing.T) {
	p, err := packs.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range checkSpaces(p) {
		t.Error(err)
	}
}
