package geo_test

import "testing"

// TestRound28 checks round twenty-eight's rules (docs/geo.md, our own sentences, not the gold's): a country's
// possessive is the country, not a town of its name elsewhere ("Montenegro's", a town of Brazil; "Colombia's",
// one of Cuba); a former capital or a small town before its name is a city word in Vietnamese and Chinese.
func TestRound28(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a region's code, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "A gunman killed ten people in Montenegro's old royal capital on Friday.", "MNE"},
		{"en", "Floods swept through villages in Colombia's north on Tuesday.", "COL"},
		// the possessive of a town stays the town
		{"en", "Protesters gathered in Mosul's old city on Friday.", "99072"},
		{"vi", "Một tay súng đã bắn chết 10 người tại cố đô Cetinje của Montenegro.", "3202641"},
		{"zh", "黑山古都采蒂涅12日发生枪击事件，造成10人死亡。", "3202641"},
	} {
		checkSentencePlace(t, p, "round28", tt.lang, tt.text, tt.place)
	}
}
