package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestPlaceFilters checks that /api/counts and /api/events read place (a name, through Options.Places, or an
// id), bbox and near, and refuse malformed ones with 400.
func TestPlaceFilters(t *testing.T) {
	places := func(s string) (string, bool) {
		switch s {
		case "Hanoi", "1581130":
			return "1581130", true
		}
		return "", false
	}
	srv, st := newTestServer(t, Options{Places: places})
	code, body, _ := get(t, srv.URL+"/api/counts?by=month&place=Hanoi&bbox=100,15,110,25&near=21,105.8,50")
	if code != http.StatusOK {
		t.Fatalf("counts: %d %s", code, body)
	}
	q := st.lastCQ.EventQuery
	if q.Place != "1581130" || q.BBox == nil || *q.BBox != (dyad.BBox{West: 100, South: 15, East: 110, North: 25}) ||
		q.Near == nil || *q.Near != (dyad.Near{Lat: 21, Lon: 105.8, KM: 50}) {
		t.Errorf("store asked %+v", q)
	}
	for _, bad := range []string{"place=Xyzzyville", "bbox=1,2,3", "bbox=0,50,10,40", "near=95,0,10", "near=1,2,-3", "bbox=a,b,c,d"} {
		code, body, _ := get(t, srv.URL+"/api/events?"+bad)
		if code != http.StatusBadRequest || !strings.Contains(body, "error") {
			t.Errorf("%s: %d %s; want 400", bad, code, body)
		}
	}
	// without a gazetteer, place is an id
	srv2, st2 := newTestServer(t, Options{})
	if code, body, _ := get(t, srv2.URL+"/api/counts?by=month&place=VN.44"); code != http.StatusOK || st2.lastCQ.Place != "VN.44" {
		t.Errorf("place id without a gazetteer: %d %s, store asked %+v", code, body, st2.lastCQ)
	}
}
