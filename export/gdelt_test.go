package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// codebook is the column list of GDELT 2.0's event table as its codebook numbers them (GDELT-Event_Codebook-V2.0).
var codebook = strings.Fields(`GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code
Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code
Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

// TestWriteGDELT reads the gdelt format back as a GDELT 2.0 event file: 61 tab-separated columns, no header,
// an integer GlobalEventID, the three geographies filled.
func TestWriteGDELT(t *testing.T) {
	if len(codebook) != 61 || strings.Join(codebook, " ") != strings.Join(GDELTColumns, " ") {
		t.Fatalf("GDELTColumns differ from the codebook's 61 columns:\n%v\n%v", GDELTColumns, codebook)
	}
	evs := sampleEvents(3)
	evs[1].Location = nil
	evs[2].Source.Name = "a\tname\nwith breaks"
	st := &eventStore{events: evs, urls: map[string]string{"a0": "https://example.org/a0"}}
	places := func(cc string) *dyad.Location {
		return map[string]*dyad.Location{
			"VNM": {Name: "Vietnam", PlaceID: "VN", Canonical: "Vietnam", Country: "VNM", Lat: 16.3628, Lon: 106.371, Precision: "country"},
			"CHN": {Name: "China", PlaceID: "CN", Canonical: "China", Country: "CHN", Lat: 33.2504, Lon: 112.1395, Precision: "country"},
		}[cc]
	}
	var buf bytes.Buffer
	n, err := WriteWith(context.Background(), st, "gdelt", &buf, dyad.EventQuery{}, Options{ActorPlace: places})
	if err != nil || n != 3 {
		t.Fatalf("WriteWith: %d, %v", n, err)
	}
	r := csv.NewReader(&buf)
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = '\t', 61, true
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("read back: %d rows, %v", len(rows), err)
	}
	col := func(row int, name string) string {
		for i, c := range codebook {
			if c == name {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	if _, err := strconv.ParseInt(col(0, "GlobalEventID"), 10, 64); err != nil || col(0, "GlobalEventID") == col(1, "GlobalEventID") {
		t.Errorf("GlobalEventID %q, %q: want distinct integers", col(0, "GlobalEventID"), col(1, "GlobalEventID"))
	}
	tests := []struct {
		row        int
		name, want string
	}{
		{0, "Day", "20250218"}, {0, "Actor1Code", "VNMGOV"}, {0, "Actor1CountryCode", "VNM"}, {0, "Actor1Type1Code", "GOV"},
		{0, "Actor1KnownGroupCode", ""}, {0, "Actor2Code", "CHN"}, {0, "EventCode", "042"}, {0, "EventRootCode", "04"},
		{0, "QuadClass", "1"}, {0, "GoldsteinScale", "1.9"}, {0, "AvgTone", ""},
		{0, "Actor1Geo_Type", "1"}, {0, "Actor1Geo_CountryCode", "VM"}, {0, "Actor1Geo_ADM1Code", "VM"}, {0, "Actor1Geo_Lat", "16.3628"}, {0, "Actor1Geo_FeatureID", "VN"},
		{0, "Actor2Geo_FullName", "China"}, {0, "Actor2Geo_Long", "112.1395"},
		{0, "ActionGeo_Type", "4"}, {0, "ActionGeo_FullName", "Beijing"}, {0, "ActionGeo_CountryCode", "CH"},
		{0, "ActionGeo_ADM1Code", "CH22"}, {0, "ActionGeo_ADM2Code", ""}, {0, "ActionGeo_Lat", "39.9075"},
		{0, "ActionGeo_Long", "116.3972"}, {0, "ActionGeo_FeatureID", "1816670"},
		{0, "DATEADDED", "20250219000000"}, {0, "SOURCEURL", "https://example.org/a0"},
		{1, "ActionGeo_Type", ""}, {1, "ActionGeo_Lat", ""}, {1, "Actor1Geo_Type", "1"},
		{2, "Actor1Name", "a name with breaks"},
	}
	for _, tt := range tests {
		if got := col(tt.row, tt.name); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.name, got, tt.want)
		}
	}
}

// TestFIPSTable checks the embedded ISO to FIPS 10-4 table: it parses, covers the countries, and has the codes
// that differ from ISO's as GDELT writes them; and that a bad line is an error naming the file and line.
func TestFIPSTable(t *testing.T) {
	m, err := fipsCodes()
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 240 {
		t.Errorf("%d countries; want the world's", len(m))
	}
	for iso, want := range map[string]string{"VN": "VM", "CN": "CH", "DE": "GM", "GB": "UK", "RU": "RS", "RS": "RI",
		"UA": "UP", "AU": "AS", "AT": "AU", "US": "US", "FR": "FR", "PH": "RP", "KR": "KS", "KP": "KN", "ZA": "SF", "XK": "KV"} {
		if got := FIPS(iso); got != want {
			t.Errorf("FIPS(%s) = %q, want %q", iso, got, want)
		}
	}
	if got := GDELTGeo(Geo{CountryCode: "US", ADM1Code: "USCA"}); got.CountryCode != "US" || got.ADM1Code != "USCA" {
		t.Errorf("California: %+v", got)
	}
	if got := GDELTGeo(Geo{CountryCode: "ZZ", ADM1Code: "ZZ01"}); got.CountryCode != "" || got.ADM1Code != "" {
		t.Errorf("a country the table lacks: %+v", got)
	}
	for _, bad := range []string{"VN\tV", "VN VM", "vn\tvm", "VN\tVM\nVN\tVN"} {
		_, err := ParseFIPS("fips.tsv", "# comment\n"+bad)
		if err == nil || !strings.Contains(err.Error(), "fips.tsv:2:") && !strings.Contains(err.Error(), "fips.tsv:3:") {
			t.Errorf("%q: error %v; want one naming fips.tsv:2 or :3", bad, err)
		}
	}
}
