package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// boxRecords returns records of n events each, nr of them: three in four placed, at random points, on a few
// shared points (many events of one city), near the antimeridian and the poles' edges; dates of days,
// months, years and none, shared by several events (the order among them is the store's); six CAMEO roots.
func boxRecords(nr, n int, seed uint64) []*dyad.Record {
	r := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	cities := [][2]float64{{39.9075, 116.3972}, {21.0245, 105.8412}, {-33.8678, 151.2073}, {64.1355, -21.8954}}
	out := make([]*dyad.Record, nr)
	for i := range out {
		var b strings.Builder
		for k := range n {
			fmt.Fprintf(&b, "Event %d of report %d. ", k, i)
		}
		a := dyad.Article{ID: fmt.Sprintf("box-%d-%04d", seed, i), URI: fmt.Sprintf("box/%d.txt", i), Source: "VNA",
			Title: "Boxes", Lang: "en", LangConfidence: 0.9, Published: "2024-01-01", Text: b.String()}
		rec := &dyad.Record{Article: a}
		for k := range n {
			date := fmt.Sprintf("20%02d-%02d-%02d", 15+r.IntN(10), 1+r.IntN(12), 1+r.IntN(3))
			switch r.IntN(10) {
			case 0:
				date = date[:7]
			case 1:
				date = date[:4]
			case 2:
				date = ""
			}
			c := synthCodes[r.IntN(len(synthCodes))]
			src, tgt := synthActors[r.IntN(len(synthActors))], synthActors[r.IntN(len(synthActors))]
			e := event(fmt.Sprintf("box-%d-%04d-%02d", seed, i, k), src.Country+"|"+tgt.Country+"|"+c.code[:2], date, src, tgt, c.code, c.quad, c.gold)
			var lat, lon float64
			switch p := r.IntN(8); {
			case p < 2:
				pt := cities[r.IntN(len(cities))]
				lat, lon = pt[0], pt[1]
			case p == 2: // by the antimeridian
				lat, lon = float64(r.IntN(4000))/100-20, 175+float64(r.IntN(1000))/100
				if lon > 180 {
					lon -= 360
				}
			case p == 3: // on a cell's edge, and the map's
				lat, lon = float64(r.IntN(170)-85), float64(5*r.IntN(73)-180)
			default:
				lat, lon = float64(r.IntN(17000))/100-85, float64(r.IntN(36000))/100-180
			}
			// a coordinate of 0 is left out of the stored JSON (omitempty) and the stores do not place such an
			// event: not tested here
			if lat == 0 {
				lat = 1
			}
			if lon == 0 {
				lon = 5
			}
			if r.IntN(4) > 0 {
				e.Location = &dyad.Location{Name: "Somewhere", PlaceID: fmt.Sprint(1000 + r.IntN(50)), Canonical: "Somewhere",
					Country: src.Country, Lat: lat, Lon: lon, Precision: "city", Via: "text"}
			} else if r.IntN(2) == 0 {
				e.Location = &dyad.Location{Name: "Nowhere known"}
			}
			e.Mentions = []dyad.EventMention{mention(&rec.Article, fmt.Sprintf("Event %d of report %d.", k, i), date, false)}
			rec.Events = append(rec.Events, e)
		}
		out[i] = rec
	}
	return out
}

// inBox reports whether the place lies in the box (across the antimeridian when West > East), as the stores
// test it.
func inBox(l *dyad.Location, b dyad.BBox) bool {
	if l.Lat < b.South || l.Lat > b.North {
		return false
	}
	if b.West <= b.East {
		return l.Lon >= b.West && l.Lon <= b.East
	}
	return l.Lon >= b.West || l.Lon <= b.East
}

// near reports whether the place lies in the circle, with the stores' arithmetic (sqlq.placeWhere).
func near(l *dyad.Location, n dyad.Near) bool {
	bb, dlat, cos := n.Box()
	if !inBox(l, bb) {
		return false
	}
	lon := l.Lon
	if lon < n.Lon-180 {
		lon += 360
	} else if lon > n.Lon+180 {
		lon -= 360
	}
	dx := float64(lon - n.Lon)
	dy := float64(l.Lat - n.Lat)
	return float64(dy*dy)+float64(float64(dx*dx)*float64(cos*cos)) <= float64(dlat*dlat)
}

// BoxRecords are the records that Boxes saves: 40 articles of 25 events, three in four of them placed.
func BoxRecords() []*dyad.Record { return boxRecords(40, 25, 7) }

// Boxes saves BoxRecords into s (empty or not) and checks them with CheckBoxes.
func Boxes(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, rec := range BoxRecords() {
		if _, err := s.Save(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	CheckBoxes(t, s)
}

// CheckBoxes checks the box and circle filters of Events against the events filtered here: the same events
// in the same order (newest first, undated last, as the store orders all its events), page after page, with
// a CAMEO root, a code, dates and an actor besides. It fails when fewer than 500 stored events are placed.
func CheckBoxes(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	all, err := s.Events(ctx, dyad.EventQuery{Page: dyad.Page{Limit: 10000}})
	if err != nil {
		t.Fatal(err)
	}
	placed := 0
	for _, e := range all {
		if e.Location.Resolved() {
			placed++
		}
	}
	if placed < 500 {
		t.Fatalf("%d events placed of %d; want 500 or more", placed, len(all))
	}
	match := func(q dyad.EventQuery, e dyad.Event) bool {
		l := e.Location
		switch {
		case !l.Resolved():
			return false
		case q.BBox != nil && !inBox(l, *q.BBox), q.Near != nil && !near(l, *q.Near):
			return false
		case q.Code != "" && !strings.HasPrefix(e.Code, q.Code):
			return false
		case q.From != "" && (e.Date == "" || string(e.Date) < q.From), q.To != "" && (e.Date == "" || string(e.Date) > q.To+"~"):
			return false
		case q.Actor != "" && !strings.HasPrefix(e.Source.Code, q.Actor) && !strings.HasPrefix(e.Target.Code, q.Actor):
			return false
		}
		return true
	}
	boxes := []dyad.BBox{
		{West: 115, South: 39, East: 117, North: 41},                // a city
		{West: 100, South: 10, East: 120, North: 30},                // cells of 5° whole
		{West: 100.5, South: -10, East: 104.99, North: 60},          // inside one cell
		{West: -180, South: -90, East: 180, North: 90},              // the world
		{West: -5, South: -85, East: 5, North: 85},                  // cell edges at 0°
		{West: 170, South: -30, East: -170, North: 30},              // across the antimeridian
		{West: 179.5, South: -90, East: -179.5, North: 90},          // a sliver across it
		{West: 175, South: -20, East: 180, North: 20},               // up to it
		{West: -180, South: -20, East: -175, North: 20},             // from it
		{West: 116.3972, South: 39.9075, East: 120, North: 50},      // a city on the edges
		{West: 110, South: 39.9075, East: 116.3972, North: 39.9075}, // a line
	}
	var qs []dyad.EventQuery
	for _, b := range boxes {
		qs = append(qs,
			dyad.EventQuery{BBox: &b},
			dyad.EventQuery{BBox: &b, Code: "04"},
			dyad.EventQuery{BBox: &b, Code: "042", From: "2018-01-01"},
			dyad.EventQuery{BBox: &b, From: "2019", To: "2021-06"},
			dyad.EventQuery{BBox: &b, Actor: "CHN"},
		)
	}
	for _, n := range []dyad.Near{{Lat: 39.8, Lon: 116.3, KM: 20}, {Lat: 21, Lon: 105, KM: 500}, {Lat: 0, Lon: 179, KM: 800},
		{Lat: -10, Lon: -178, KM: 1000}, {Lat: 80, Lon: 0, KM: 1500}, {Lat: 30, Lon: 30, KM: 3000}} {
		qs = append(qs, dyad.EventQuery{Near: &n}, dyad.EventQuery{Near: &n, Code: "1", To: "2022"})
	}
	for _, q := range qs {
		var want []string
		for _, e := range all {
			if match(q, e) {
				want = append(want, e.ID)
			}
		}
		for _, p := range []dyad.Page{{Limit: 10000}, {Limit: 7}, {Limit: 7, Offset: 7}, {Limit: 51, Offset: 3}} {
			q.Page = p
			evs, err := s.Events(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			w := want[min(p.Offset, len(want)):min(p.Offset+p.Limit, len(want))]
			if got := eventIDs(evs); !slices.Equal(got, w) {
				t.Errorf("box %+v circle %+v code %q from %q to %q actor %q page %+v:\n got %d %v\nwant %d %v",
					q.BBox, q.Near, q.Code, q.From, q.To, q.Actor, p, len(got), got, len(w), w)
			}
		}
	}
}
