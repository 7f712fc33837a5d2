package dyad

import (
	"encoding/json"
	"testing"
)

// TestLocationZeroCoordinates: a gazetteer place on the equator or the prime meridian keeps its zero
// coordinate in JSON (box queries read them from the stored JSON); a place the gazetteer does not know has none.
func TestLocationZeroCoordinates(t *testing.T) {
	for _, c := range []struct {
		l    Location
		want string
	}{
		{Location{Name: "Greenwich", PlaceID: "2647793", Country: "GBR", Lat: 51.4779, Precision: "city"},
			`{"name":"Greenwich","place_id":"2647793","country":"GBR","lat":51.4779,"lon":0,"precision":"city"}`},
		{Location{Name: "Equator", PlaceID: "X", Lon: -78.45}, `{"name":"Equator","place_id":"X","lat":0,"lon":-78.45}`},
		{Location{Name: "somewhere"}, `{"name":"somewhere"}`},
	} {
		b, err := json.Marshal(&c.l)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("%+v: got %s, want %s", c.l, b, c.want)
		}
		var back Location
		if err := json.Unmarshal(b, &back); err != nil || back != c.l {
			t.Errorf("%s read back as %+v (%v)", b, back, err)
		}
	}
}
