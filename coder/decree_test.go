package coder

import "testing"

// TestDecreeClause: the act told in a relative clause after a decree noun of grammar ("a resolution that demands",
// "une résolution qui exige") is the act of the body that adopted it, when that body adopts decrees (an
// organisation, a legislature); a state that vetoes the resolution does not demand what it demanded.
func TestDecreeClause(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		namedActor("Conseil de sécurité de l'ONU", "igo", "IGOUNO", "", "IGO"),
		namedActor("Asamblea General de la ONU", "igo", "IGOUNO", "", "IGO"),
		testCountry("Israël", "ISR"), testCountry("Rusia", "RUS"), testCountry("Estados Unidos", "USA"),
		testCountry("Ucrania", "UKR"), testCountry("Russia", "RUS"), testCountry("Ukraine", "UKR"),
	}
	checkActs(t, c, "2022-03-02", actors, []actsCase{
		{"fr", "Le Conseil de sécurité de l'ONU a adopté vendredi une résolution qui exige qu'Israël cesse la colonisation.",
			[]string{"10 IGOUNO ISR"}, 1},
		{"es", "La Asamblea General de la ONU aprobó este miércoles una resolución que exige a Rusia que retire sus tropas de Ucrania.",
			[]string{"10 IGOUNO RUS"}, 1},
		{"en", "Russia on Friday vetoed a resolution that condemned the annexation of four regions of Ukraine.", nil, 0},
	})
}
