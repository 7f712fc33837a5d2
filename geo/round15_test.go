package geo_test

import "testing"

// TestRound15 checks round fifteen's rules (docs/geo.md, our own sentences): a place right after a `to` word
// and before a comma and a relative word of place (", donde", ", wo", ", where") is where the clause after it
// happens, not the route's start; a country or region that qualifies a city before such a clause does not
// take it over; a place after Italian "da" is where someone comes from; a big city right after a place word
// is no building before a genitive word that is a passive's agent ("in München von Tausenden"); landmarks
// named alone and a border town after a border-town word. Then: a country's name after a city word and its
// genitive is the city that bears it.
func TestRound15(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"es", "La comitiva viajó de Lima a Cusco, donde fue recibida por el alcalde.", "3941584"},
		{"en", "The delegation took the train from Warsaw to Kyiv, where talks began at once.", "703448"},
		// (the region after the city's comma only says where it lies)
		{"pt", "Milhares de pessoas protestaram em Recife, no Pernambuco, onde a polícia usou gás lacrimogêneo.", "3390760"},
		{"it", "Dopo il viaggio da Roma, la squadra si è allenata allo stadio di Bari.", "3182351"},
		{"de", "Der Präsident wurde in München von Tausenden Anhängern empfangen.", "2867714"},
		{"es", "Una multitud se reunió frente al Obelisco para protestar contra el ajuste.", "3435910"},
		{"en", "Thousands of worshippers prayed at the Dome of the Rock on Friday.", "281184"},
		{"vi", "Quân đội đã chiếm thị trấn biên giới Myawaddy.", "1308052"},
		// then: a city that bears its country's name, after a city word and its genitive
		{"es", "Miles de manifestantes marcharon en la ciudad de Panamá contra el contrato minero.", "3703443"},
		{"fr", "Des manifestants ont défilé dans la ville de Koweït.", "285787"},
	} {
		checkSentencePlace(t, p, "round15", tt.lang, tt.text, tt.place)
	}
}
