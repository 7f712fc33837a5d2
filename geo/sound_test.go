package geo

import (
	"testing"

	"github.com/dyad-events/dyad/packs"
)

// TestSkeleton: a Latin name and the Latin readings of its transliterations reduce to one consonant skeleton.
func TestSkeleton(t *testing.T) {
	sk, errs := loadSkeleton(packs.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct{ in, want string }{
		{"lutsk", "LSK"},
		{"pokrovsk", "PKLFSK"},
		{"chancay", "SNK"},
		{"khmelnytskyi", "HMLNSK"},
		{"kepanjen", "KPNSN"},
		{"kepandzhen", "KPNSN"},
		{"malang", "MLNK"},
		{"nikopol", "NKPL"},
		{"ae io", ""},
	} {
		if got := sk.of(c.in); got != c.want {
			t.Errorf("skeleton of %q = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSoundsLike: a Chinese or Russian name the gazetteer lacks is the one town of the given countries whose
// Latin name has its skeleton; none when no town or several have it, or the skeleton is too short.
func TestSoundsLike(t *testing.T) {
	r, err := New(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	zh, ru := r.langs["zh"], r.langs["ru"]
	for _, c := range []struct {
		l         *lang
		names     []string
		countries []string
		want      string // GeoNames id, "" for none
	}{
		{zh, []string{"卢茨克"}, []string{"UKR"}, "702569"},                      // Lutsk
		{zh, []string{"波克罗夫斯克"}, []string{"UKR"}, "704422"},                   // Pokrovsk
		{zh, []string{"钱凯"}, []string{"PER"}, "3944399"},                      // Chancay
		{zh, []string{"钱凯"}, []string{"FRA"}, ""},                             // not a town of the country named
		{zh, []string{"乌曼"}, []string{"UKR"}, ""},                             // Uman: two classes, too few
		{zh, []string{"中国"}, []string{"UKR"}, ""},                             // not transliteration characters
		{ru, []string{"кепанджен"}, []string{"IDN"}, "1640296"},               // Kepanjen
		{ru, []string{"хмельницком", "хмельницк"}, []string{"UKR"}, "706369"}, // Khmelnytskyi
	} {
		id, ok := r.soundsLike(c.l, c.names, c.countries)
		got := ""
		if ok {
			got = r.g.places[id].ID
		}
		if got != c.want {
			t.Errorf("%v in %v: got %q, want %q", c.names, c.countries, got, c.want)
		}
	}
}
