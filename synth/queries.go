package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/dyad-events/dyad"
)

// PlaceQueries returns the place filters the benchmarks of both stores time, each with its kind: 240
// queries of one page of 51 (as /api/events asks), boxes of 1°, 5°, 20° and 60° alone, with a CAMEO root,
// with a year, with a root and a start date, circles of 50-500 km and countries, at random spots of the
// latitudes where Generate places events.
func PlaceQueries() ([]dyad.EventQuery, []string) {
	rng := rand.New(rand.NewPCG(3, 4))
	queries := make([]dyad.EventQuery, 240)
	kinds := make([]string, len(queries))
	for i := range queries {
		lat, lon := float64(rng.IntN(100))-50, float64(rng.IntN(340))-170
		size := []float64{1, 5, 20, 60}[i/6%4]
		q := dyad.EventQuery{Page: dyad.Page{Limit: 51}}
		box := &dyad.BBox{West: lon, South: lat, East: min(lon+size, 180), North: min(lat+size, 90)}
		kind := ""
		switch i % 6 {
		case 0:
			q.BBox, kind = box, "box"
		case 1:
			q.BBox, kind = box, "box+root"
			q.Code = fmt.Sprintf("%02d", 1+rng.IntN(20))
		case 2:
			q.BBox, kind = box, "box+year"
			y := 2016 + rng.IntN(10)
			q.From, q.To = fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)
		case 3:
			q.BBox, kind = box, "box+root+from"
			q.Code = fmt.Sprintf("%02d", 1+rng.IntN(20))
			q.From = fmt.Sprintf("%d-06-01", 2016+rng.IntN(9))
		case 4:
			km := []float64{50, 100, 250, 500}[i/6%4]
			q.Near, kind = &dyad.Near{Lat: lat, Lon: lon, KM: km}, fmt.Sprintf("circle %gkm", km)
		case 5:
			q.Place, kind = []string{"VNM", "CHN", "USA", "RUS", "FRA"}[rng.IntN(5)], "country"
		}
		if q.BBox != nil {
			kind += fmt.Sprintf(" %g°", size)
		}
		queries[i], kinds[i] = q, kind
	}
	return queries, kinds
}

// LogByKind logs the p50, p95 and maximum of the latencies of each kind of query: lat[i] is the time of the
// query of kinds[i%len(kinds)].
func LogByKind(tb interface{ Logf(string, ...any) }, kinds []string, lat []time.Duration) {
	by := map[string][]time.Duration{}
	for i, d := range lat {
		k := kinds[i%len(kinds)]
		by[k] = append(by[k], d)
	}
	names := make([]string, 0, len(by))
	for k := range by {
		names = append(names, k)
	}
	slices.Sort(names)
	ms := func(ds []time.Duration, p float64) float64 {
		slices.Sort(ds)
		return float64(ds[min(len(ds)-1, int(float64(len(ds))*p))].Microseconds()) / 1000
	}
	for _, k := range names {
		ds := by[k]
		tb.Logf("%-22s n=%3d p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", k, len(ds), ms(ds, 0.5), ms(ds, 0.95), ms(ds, 1))
	}
}
