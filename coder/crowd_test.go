package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func TestStrikeFamily(t *testing.T) {
	for code, want := range map[string]string{"141": "14", "1412": "14", "144": "14", "143": "143", "1432": "143", "175": "175", "042": "04"} {
		if got := tellFamily(code); got != want {
			t.Errorf("tellFamily(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestRepressionSource(t *testing.T) {
	police := dyad.EventActor{Code: "PERCOP", Country: "PER", Sector: "COP"}
	crowd := dyad.EventActor{Code: "PERLAB", Country: "PER", Sector: "LAB"}
	country := dyad.EventActor{Code: "PER", Country: "PER"}
	if repressionByCrowd(police, "175") || repressionByCrowd(country, "175") || repressionByCrowd(crowd, "145") {
		t.Error("the state's repression, or a crowd's riot, is no repression by a crowd")
	}
	if !repressionByCrowd(crowd, "175") {
		t.Error("drivers dispersing the police: want repressionByCrowd")
	}
	if !crowdRepression(country, "175") || crowdRepression(police, "175") {
		t.Error("a one-sided repression needs a source with a state sector")
	}
}
