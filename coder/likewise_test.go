package coder

import "testing"

// TestLikewise: the act of a sentence is copied to each source a likewise phrase of grammar names ("as did X",
// "followed by X", "tal como fizeram X", "ebenso wie X", "net als X", "继X之后"), to the act told before the phrase,
// else after it; a list after a preposition in the gap, a phrase that names no actor, or "unlike X" copies nothing.
func TestLikewise(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		testCountry("Spain", "ESP"), testCountry("Ireland", "IRL"), testCountry("Norway", "NOR"),
		testCountry("Palestine", "PSE"), testCountry("Russia", "RUS"), testCountry("Japan", "JPN"),
		testCountry("Austria", "AUT"), testCountry("Spanien", "ESP"), testCountry("Irland", "IRL"),
		testCountry("Portugal", "PRT"), testCountry("Espanha", "ESP"), testCountry("Rússia", "RUS"),
		testCountry("Ierland", "IRL"), testCountry("Noorwegen", "NOR"), testCountry("Palestina", "PSE"),
		testCountry("西班牙", "ESP"), testCountry("爱尔兰", "IRL"), testCountry("斯洛文尼亚", "SVN"), testCountry("巴勒斯坦国", "PSE"),
		testCountry("Israel", "ISR"), testCountry("Irlanda", "IRL"),
	}
	checkActs(t, c, "2024-05-28", actors, []actsCase{
		{"en", "Spain recognised Palestine on Tuesday, as did Ireland and Norway.",
			[]string{"05 ESPGOV PSE", "05 IRLGOV PSE", "05 NORGOV PSE"}, 3},
		{"en", "Japan imposed sanctions on Russia on Thursday, followed hours later by Spain.",
			[]string{"16 JPNGOV RUS", "16 ESPGOV RUS"}, 2},
		{"pt", "Portugal reconheceu hoje a Palestina, tal como fizeram horas antes a Espanha e a Irlanda.",
			[]string{"05 PRTGOV PSE", "05 ESPGOV PSE", "05 IRLGOV PSE"}, 3},
		{"de", "Spanien hat am Dienstag Palestina anerkannt, ebenso wie Irland.",
			[]string{"05 ESPGOV PSE", "05 IRLGOV PSE"}, 2},
		{"nl", "Ierland erkent Palestina, gevolgd door Noorwegen.",
			[]string{"05 IRLGOV PSE", "05 NORGOV PSE"}, 2},
		{"zh", "继西班牙、爱尔兰之后，斯洛文尼亚4日承认巴勒斯坦国。",
			[]string{"05 SVNGOV PSE", "05 ESPGOV PSE", "05 IRLGOV PSE"}, 3},
		// traps: "unlike" is no likewise phrase; a preposition before the list makes it an object; the target's
		// own country does not act on itself
		{"en", "Spain recognised Palestine on Tuesday, unlike Austria, which said it would wait.",
			[]string{"05 ESPGOV PSE"}, 1},
		{"pt", "Portugal reconheceu hoje a Palestina, como fez com a Rússia.",
			[]string{"05 PRTGOV PSE"}, 1},
		{"en", "Spain recognised Palestine on Tuesday, as did Palestine.",
			[]string{"05 ESPGOV PSE"}, 1},
	})
}
