package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
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

// TestPlacesAPI checks /api/places over a SQLite store with the fixture: one item per place with its name,
// coordinates and quad-class counts, the event filters applied, the limit, and 400 on bad parameters.
func TestPlacesAPI(t *testing.T) {
	st := openBrowserStore(t)
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	read := func(query string) Places {
		t.Helper()
		code, body, _ := get(t, srv.URL+"/api/places"+query)
		if code != http.StatusOK {
			t.Fatalf("%s: %d %s", query, code, body)
		}
		var ps Places
		if err := json.Unmarshal([]byte(body), &ps); err != nil {
			t.Fatalf("%s: %v in %s", query, err, body)
		}
		return ps
	}
	ps := read("")
	if len(ps.Items) != 2 || ps.More || ps.Limit != 500 {
		t.Fatalf("places: %+v", ps)
	}
	byID := map[string]dyad.PlaceCount{}
	for _, p := range ps.Items {
		byID[p.PlaceID] = p
	}
	bj, mx := byID["1816670"], byID["3530597"]
	if bj.Name != "Beijing" || bj.Country != "CHN" || bj.Lat != 39.9075 || bj.Lon != 116.3972 || bj.Count != 1 ||
		bj.Quads != [4]int{1, 0, 0, 0} || bj.Precision != "city" {
		t.Errorf("Beijing: %+v", bj)
	}
	if mx.Name != "Mexico City <img src=x onerror=alert(3)>" || mx.Count != 1 || mx.Quads != [4]int{0, 0, 1, 0} || mx.Goldstein != -4.4 {
		t.Errorf("Mexico City: %+v", mx)
	}
	for query, want := range map[string]string{
		"?code=04": "1816670", "?actor=USA": "3530597", "?from=2025-03-01": "3530597", "?to=2025-02-28": "1816670",
		"?dyad=CHN:VNM": "1816670", "?lang=fr": "1816670", "?place=MX": "3530597", "?bbox=100,30,120,45": "1816670",
		"?code=19": "",
	} {
		var ids []string
		for _, p := range read(query).Items {
			ids = append(ids, p.PlaceID)
		}
		if strings.Join(ids, ",") != want {
			t.Errorf("%s: places %v, want %s", query, ids, want)
		}
	}
	if ps := read("?limit=1"); len(ps.Items) != 1 || !ps.More {
		t.Errorf("limit=1: %+v", ps)
	}
	for _, bad := range []string{"limit=0", "limit=5001", "limit=x", "from=2025-13", "code=4x", "bbox=1,2,3"} {
		if code, body, _ := get(t, srv.URL+"/api/places?"+bad); code != http.StatusBadRequest || !strings.Contains(body, "error") {
			t.Errorf("%s: %d %s; want 400", bad, code, body)
		}
	}
}

// TestQueryKey checks that the aggregate cache keys a box and a circle by their values, not their addresses.
func TestQueryKey(t *testing.T) {
	a := queryKey(dyad.EventQuery{BBox: &dyad.BBox{West: 1, South: 2, East: 3, North: 4}})
	b := queryKey(dyad.EventQuery{BBox: &dyad.BBox{West: 1, South: 2, East: 3, North: 4}})
	c := queryKey(dyad.EventQuery{BBox: &dyad.BBox{West: 1, South: 2, East: 3, North: 5}})
	d := queryKey(dyad.EventQuery{Near: &dyad.Near{Lat: 1, Lon: 2, KM: 3}})
	if a != b || a == c || a == d || strings.Contains(a, "0x") {
		t.Errorf("keys %q %q %q %q", a, b, c, d)
	}
}
