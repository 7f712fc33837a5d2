package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestTitleSector codes a known person named after a title by the title where the record has no role on the
// date (a title of one person that names no office too, unless the record has no roles), a "former" title as
// the country's elites whatever government role an imported record leaves open (an opposition leader stays
// OPP), and reads the forms of actor14: a region whose name holds another
// country's, a German genitive of a two-word name, an Italian adjective of Kosovo, government troops in
// Chinese, a country's clergy, Mauritania's leaders (imported under Mauritius) and party leaders.
func TestTitleSector(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ lang, date, text, mention, code string }{
		{"en", "2003-05-01", "French Interior Minister Nicolas Sarkozy visited Algiers.", "Nicolas Sarkozy", "FRAGOV"},
		{"en", "1993-06-01", "Indian Finance Minister Manmohan Singh met IMF officials.", "Manmohan Singh", "INDGOV"},
		{"en", "2010-06-01", "Egyptian opposition figure Mohamed ElBaradei returned to Cairo.", "Mohamed ElBaradei", "EGYOPP"},
		{"en", "2011-10-11", "Former Ukrainian Prime Minister Yulia Tymoshenko was sentenced.", "Yulia Tymoshenko", "UKRELI"},
		{"en", "2011-10-11", "Yulia Tymoshenko was sentenced.", "Yulia Tymoshenko", "UKRGOV"}, // no title: the record's role
		{"en", "2024-09-01", "Former Bangladeshi Prime Minister Sheikh Hasina left Dhaka.", "Sheikh Hasina", "BGDELI"},
		{"fr", "2023-06-01", "L'ancien Premier ministre pakistanais Imran Khan a été arrêté.", "Imran Khan", "PAKOPP"}, // opposition
		{"pt", "2025-07-30", "Os EUA impuseram sanções ao ministro Alexandre de Moraes.", "Alexandre de Moraes", "BRAJUD"},
		{"en", "2022-12-15", "Nurses in Northern Ireland walked out.", "Northern Ireland", "GBR"},
		{"en", "2020-01-10", "Fires spread across New South Wales.", "New South Wales", "AUS"},
		{"de", "2022-06-01", "Die Regierung Sri Lankas trat zurück.", "Regierung Sri Lankas", "LKAGOV"},
		{"it", "2022-06-01", "Il governo kosovaro ha protestato.", "governo kosovaro", "KSVGOV"},
		{"zh", "2022-06-01", "缅甸政府军发动了进攻。", "缅甸政府军", "MMRMIL"},
		{"en", "2022-06-01", "Sri Lankan monks marched in Colombo.", "Sri Lankan monks", "LKAREL"},
		{"en", "2006-06-01", "Ely Ould Mohamed Vall promised elections.", "Ely Ould Mohamed Vall", "MRTGOV"},
		{"fr", "2024-06-15", "Marine Le Pen a salué le résultat.", "Marine Le Pen", "FRAOPP"},
		{"it", "2023-11-01", "Il vicepremier Matteo Salvini ha parlato a Milano.", "Matteo Salvini", "ITAGOV"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString(c.date)})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%s %s %q: %q: got %v, want %s", c.lang, c.date, c.text, c.mention, all, c.code)
		}
	}
}

// codeOf is the code of the mention of text mention among ms, and every mention as text=code(via) for a
// failure's message; ok is false when none has that text.
func codeOf(ms []dyad.ActorMention, mention string) (code string, all []string, ok bool) {
	for _, m := range ms {
		all = append(all, m.Text+"="+m.Actor.Code+"("+m.Via+")")
		if m.Text == mention {
			code, ok = m.Actor.Code, true
		}
	}
	return code, all, ok
}
