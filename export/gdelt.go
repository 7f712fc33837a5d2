package export

import (
	"bufio"
	"hash/fnv"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// GDELTColumns are the 61 columns of GDELT 2.0's event table, in its codebook's order. The gdelt format writes
// them tab-separated with no header, as GDELT's export files are; the fields dyad has no data for (known
// group, ethnic and religion codes, second and third types, AvgTone, ADM2 codes) are left empty, as GDELT
// leaves a field it does not know.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// Options tune WriteWith.
type Options struct {
	// ActorPlace, when set, places an actor of the gdelt format by its country (ISO alpha-3): GDELT's
	// Actor1Geo and Actor2Geo, which dyad fills with the country's centroid (the text's place of an actor is
	// not kept). Without it those columns are empty.
	ActorPlace func(country string) *dyad.Location
}

type gdeltEncoder struct {
	bw   *bufio.Writer
	urls *sourceURLs
	opts Options
}

func newGDELT(urls *sourceURLs, w io.Writer, opts Options) *gdeltEncoder {
	return &gdeltEncoder{bw: bufio.NewWriterSize(w, 1<<16), urls: urls, opts: opts}
}

// GlobalEventID is the integer GDELT's first column holds for an event: the low 53 bits of the FNV-1a hash of
// its id, stable across exports and exact in every JSON reader (collisions: about one in 10^4 stores of a
// million events).
func GlobalEventID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64() & (1<<53 - 1))
}

// GDELTRecord returns an event's fields in the order of GDELTColumns.
func GDELTRecord(e *dyad.Event, sourceURL string, opts Options) []string {
	csv := map[string]string{}
	for i, v := range CSVRecord(e, sourceURL) {
		csv[CSVColumns[i]] = v
	}
	actorGeo := func(country string) Geo {
		if opts.ActorPlace == nil || country == "" {
			return Geo{}
		}
		return ActionGeo(opts.ActorPlace(country))
	}
	geos := map[string]Geo{"Actor1Geo": GDELTGeo(actorGeo(e.Source.Country)), "Actor2Geo": GDELTGeo(actorGeo(e.Target.Country)),
		"ActionGeo": GDELTGeo(ActionGeo(e.Location))}
	r := make([]string, len(GDELTColumns))
	for i, c := range GDELTColumns {
		switch {
		case c == "GlobalEventID":
			r[i] = strconv.FormatInt(GlobalEventID(e.ID), 10)
		case c == "DATEADDED":
			if d := csv["DATEADDED"]; d != "" {
				r[i] = d + "000000"
			}
		case strings.Contains(c, "Geo_"):
			prefix, field, _ := strings.Cut(c, "_")
			g := geos[prefix]
			r[i] = map[string]string{"Type": g.Type, "FullName": g.FullName, "CountryCode": g.CountryCode,
				"ADM1Code": g.ADM1Code, "Lat": g.Lat, "Long": g.Long, "FeatureID": g.FeatureID}[field]
		default:
			r[i] = csv[c] // "" for the columns dyad has no data for
		}
		r[i] = strings.Map(func(c rune) rune {
			if c == '\t' || c == '\n' || c == '\r' {
				return ' '
			}
			return c
		}, r[i])
	}
	return r
}

func (g *gdeltEncoder) write(e *dyad.Event) error {
	u, err := g.urls.of(e)
	if err != nil {
		return err
	}
	_, err = g.bw.WriteString(strings.Join(GDELTRecord(e, u, g.opts), "\t") + "\n")
	return err
}

func (g *gdeltEncoder) close() error { return g.bw.Flush() }
