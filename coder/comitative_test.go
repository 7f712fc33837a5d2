package coder

import "testing"

// TestComitativeRelative: a joint act told in a relative clause opened by a comitative word and a relative word of
// grammar (", mit dem er ... unterzeichnete", ", met wie hij ... ondertekende", ", avec qui il a signé") is the
// sentence subject's with the antecedent, a second act beside the first for the same pair; a relative clause with
// no comitative word (", a quien acusan de") adds no second act for the pair.
func TestComitativeRelative(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		govPerson("Olaf Scholz", "DEUGOV", "DEU"),
		govPerson("Wolodymyr Selenskyj", "UKRGOV", "UKR"),
		govPerson("Volodymyr Zelensky", "UKRGOV", "UKR"),
		govPerson("Alexander De Croo", "BELGOV", "BEL"),
		govPerson("Emmanuel Macron", "FRAGOV", "FRA"),
		govPerson("Giorgia Meloni", "ITAGOV", "ITA"),
		govPerson("Vladimir Putin", "RUSGOV", "RUS"),
		govPerson("Kim Jong-un", "PRKGOV", "PRK"),
	}
	checkActs(t, c, "2024-02-16", actors, []actsCase{
		{"de", "Olaf Scholz hat Wolodymyr Selenskyj am Freitag im Kanzleramt empfangen, mit dem er ein Sicherheitsabkommen unterzeichnete.",
			[]string{"04 DEUGOV UKRGOV", "05 DEUGOV UKRGOV"}, 2},
		{"nl", "Alexander De Croo heeft Volodymyr Zelensky dinsdag in Brussel ontvangen, met wie hij een veiligheidsakkoord ondertekende.",
			[]string{"04 BELGOV UKRGOV", "05 BELGOV UKRGOV"}, 2},
		{"fr", "Emmanuel Macron a reçu vendredi Volodymyr Zelensky, avec qui il a signé un accord de sécurité.",
			[]string{"04 FRAGOV UKRGOV", "05 FRAGOV UKRGOV"}, 2},
		{"it", "Giorgia Meloni ha ricevuto Volodymyr Zelensky, con cui ha firmato un accordo di sicurezza.",
			[]string{"04 ITAGOV UKRGOV", "05 ITAGOV UKRGOV"}, 2},
		{"vi", "Vladimir Putin đã tới Bình Nhưỡng và cùng Kim Jong-un ký hiệp ước.",
			[]string{"04 RUSGOV PRKGOV", "05 RUSGOV PRKGOV"}, 2},
		// a relative clause with no comitative word tells no second act of the subject with the antecedent
		{"de", "Olaf Scholz hat Wolodymyr Selenskyj am Freitag im Kanzleramt empfangen, der ein Sicherheitsabkommen unterzeichnete.",
			[]string{"04 DEUGOV UKRGOV"}, 1},
	})
}
