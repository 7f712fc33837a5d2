package coder

import "testing"

// TestAbstainers: the actors named after an abstain phrase of grammar ("com a abstenção da", "met onthouding van")
// are no side of any act of the sentence.
func TestAbstainers(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		testCountry("Rússia", "RUS"), testCountry("China", "CHN"), testCountry("Índia", "IND"),
		testCountry("Rusland", "RUS"), testCountry("Israël", "ISR"),
		namedActor("Hamas", "organization", "PSERADREB", "PSE", "RAD"),
	}
	checkActs(t, c, "2024-06-10", actors, []actsCase{
		{"pt", "A Rússia foi condenada hoje, com a abstenção da China e da Índia.", nil, 0},
		{"nl", "Hamas eist een staakt-het-vuren, met onthouding van Rusland.", nil, 0},
	})
}
