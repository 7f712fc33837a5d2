package geo_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

// TestLead checks the lead-paragraph fallback: without a dateline, an event whose sentence names no place
// takes the first place the first paragraph names (via lead); a dateline comes first unless the lead names
// another city of the dateline's country, and one the gazetteer does not know turns the lead off; the place the sentence names comes before both. Our own words, in the shape of a wire report.
func TestLead(t *testing.T) {
	p := loadPipe(t)
	tests := []struct {
		name, lang, text, dateline string
		place, via                 string
	}{
		{"lead", "en", "Foreign ministers of Southeast Asian nations gathered in Vientiane on Tuesday for their annual meeting.\n\n" +
			"Vietnam's foreign minister met his Chinese counterpart on the sidelines of the meeting.", "", "1651944", geo.ViaLead},
		{"dateline first", "en", "Foreign ministers of Southeast Asian nations gathered in Vientiane on Tuesday for their annual meeting.\n\n" +
			"Vietnam's foreign minister met his Chinese counterpart on the sidelines of the meeting.", "HANOI", "1581130", geo.ViaDateline},
		{"a dateline of the lead's country, another city: the lead", "en", "Foreign ministers of Southeast Asian nations gathered in Vientiane on Tuesday for their annual meeting.\n\n" +
			"Vietnam's foreign minister met his Chinese counterpart on the sidelines of the meeting.", "SAVANNAKHET", "1651944", geo.ViaLead},
		{"the sentence first", "en", "Foreign ministers of Southeast Asian nations gathered in Vientiane on Tuesday for their annual meeting.\n\n" +
			"A week later, Vietnam's foreign minister met his Chinese counterpart in Beijing.", "", "1816670", geo.ViaText},
		{"a dateline the gazetteer does not know: no lead", "en", "Foreign ministers of Southeast Asian nations gathered in Vientiane on Tuesday for their annual meeting.\n\n" +
			"Vietnam's foreign minister met his Chinese counterpart on the sidelines of the meeting.", "XYZZY BAY", "", ""},
		{"lead, French", "fr", "Les ministres des Affaires étrangères d'Asie du Sud-Est se sont réunis mardi à Vientiane.\n\n" +
			"Le ministre vietnamien des Affaires étrangères a rencontré son homologue chinois en marge de la réunion.", "", "1651944", geo.ViaLead},
	}
	for _, tt := range tests {
		a := &dyad.Article{ID: "lead", Lang: tt.lang, Text: tt.text, Dateline: dyad.NullString(tt.dateline), Published: "2024-07-30"}
		ms := p.dict.Recognize(a)
		evs := p.cd.Code(a, ms).Events
		p.r.Resolve(a, ms, evs)
		var found *dyad.Event
		for i, e := range evs {
			if len(e.Mentions) > 0 && e.Mentions[0].Start > 0 { // the event of the second paragraph
				found = &evs[i]
			}
		}
		if found == nil {
			t.Errorf("%s: no event coded in the second paragraph: %+v", tt.name, evs)
			continue
		}
		if l := found.Location; tt.via == "" {
			if l.Resolved() && l.Via == geo.ViaLead {
				t.Errorf("%s: location %+v from the lead", tt.name, l)
			}
		} else if !l.Resolved() || l.PlaceID != tt.place || l.Via != tt.via {
			t.Errorf("%s: location %+v; want %s via %s", tt.name, l, tt.place, tt.via)
		}
	}
}

// TestRegionNames checks that first-level regions outside the US are found by the names GeoNames gives them
// (geo/gen -admin1): a region named after a place word is placed at the region, precision admin1.
func TestRegionNames(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct{ lang, text, place string }{
		{"en", "Thousands of farmers protested in Bavaria against the new diesel tax.", "DE.02"},
		{"en", "Firefighters battled wildfires in Andalusia for a third day.", "ES.51"},
		{"en", "Floods cut roads in Lombardy after days of heavy rain.", "IT.09"},
	} {
		a := &dyad.Article{ID: "region", Lang: tt.lang, Text: tt.text, Published: "2024-07-30"}
		ms := p.dict.Recognize(a)
		l := p.r.Sentence(a, ms, 0, len(a.Text), -1)
		if !l.Resolved() || l.PlaceID != tt.place || l.Precision != geo.Admin1 {
			t.Errorf("%q: %+v; want region %s", tt.text, l, tt.place)
		}
	}
}

// TestDatelineNamedInText checks that a dateline the text opens with as a name and the agency in brackets
// ("Lyon (AFP) - ", "München (dpa) - ") is the dateline, not the first city the sentence names: the city the
// sentence names after it places the event. Our own words.
func TestDatelineNamedInText(t *testing.T) {
	p := loadPipe(t)
	for _, it := range []goldItem{
		{Lang: "fr", Text: "Lyon (AFP) - Des dizaines de voitures ont été incendiées dans la nuit de samedi à dimanche près du stade de Villeurbanne, a indiqué la préfecture.",
			Dateline: "Lyon", Place: "2968254", Name: "Villeurbanne", Country: "FR"},
		{Lang: "de", Text: "München (dpa) - Nach einem Brand steht der Bahnhof von Regensburg seit Sonntagmorgen still.",
			Dateline: "München", Place: "2849483", Name: "Regensburg", Country: "DE"},
	} {
		if l := p.locate(it); !l.Resolved() || l.PlaceID != it.Place {
			t.Errorf("%s: %q: got %+v, want %s %s", it.Lang, it.Text, l, it.Place, it.Name)
		}
	}
}
