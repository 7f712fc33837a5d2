package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// eventStore serves a fixed list of events and articles; the rest of dyad.Store is not used by Write.
type eventStore struct {
	dyad.Store
	events         []dyad.Event
	urls           map[string]string
	queries        []dyad.EventQuery
	records        int
	articleQueries int
}

func (s *eventStore) Events(_ context.Context, q dyad.EventQuery) ([]dyad.Event, error) {
	s.queries = append(s.queries, q)
	var out []dyad.Event
	for _, e := range s.events {
		if q.Code != "" && !strings.HasPrefix(e.Code, q.Code) {
			continue
		}
		out = append(out, e)
	}
	if q.Offset >= len(out) {
		return nil, nil
	}
	out = out[q.Offset:]
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func (s *eventStore) Articles(_ context.Context, q dyad.ArticleQuery) ([]dyad.Article, error) {
	s.articleQueries++
	var out []dyad.Article
	for _, id := range slices.Sorted(maps.Keys(s.urls)) {
		out = append(out, dyad.Article{ID: id, URI: "file:" + id, URL: dyad.NullString(s.urls[id])})
	}
	if q.Offset >= len(out) {
		return nil, nil
	}
	return out[q.Offset:min(len(out), q.Offset+q.Limit)], nil
}

func (s *eventStore) Record(_ context.Context, id string) (*dyad.Record, error) {
	s.records++
	u, ok := s.urls[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, dyad.ErrNotFound)
	}
	return &dyad.Record{Article: dyad.Article{ID: id, URI: "file:" + id, URL: dyad.NullString(u)}}, nil
}

func sampleEvents(n int) []dyad.Event {
	out := make([]dyad.Event, n)
	for i := range out {
		out[i] = dyad.Event{
			ID: fmt.Sprintf("ev%05d", i), Date: "2025-02-18", DatePrecision: "day",
			Source: dyad.EventActor{Code: "VNMGOV", Name: "Pham Thanh Binh", ActorID: "pham-thanh-binh", Country: "VNM", Sector: "GOV"},
			Target: dyad.EventActor{Code: "CHN", Name: "China", Country: "CHN"},
			Code:   "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Plover: "CONSULT", Location: &dyad.Location{Name: "Bắc Kinh", PlaceID: "1816670", Canonical: "Beijing", Country: "CHN", Admin1: "CN.22", Lat: 39.9075, Lon: 116.39723, Precision: "city", Via: "text"},
			Mentions: []dyad.EventMention{{ArticleID: fmt.Sprintf("a%d", i%3), Lang: "en", Source: "VNA", Published: "2025-02-19",
				Sentence: `The envoy met officials, saying "ties matter".`, Start: 10, End: 56}},
			NumMentions: 1, NumArticles: 1, NumSources: 1, Languages: []string{"en", "fr"}, CoderVersion: dyad.CoderVersion,
		}
	}
	return out
}

func TestWriteCSV(t *testing.T) {
	evs := sampleEvents(4)
	evs[1].Date, evs[1].DatePrecision = "2024-07", "month"
	evs[2].Date, evs[2].Location = "", nil
	st := &eventStore{events: evs, urls: map[string]string{"a0": "https://example.org/a0"}}
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, "csv", &buf, dyad.EventQuery{})
	if err != nil || n != 4 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(CSVColumns, ",") {
		t.Fatalf("rows %d, header %v", len(rows), rows[0])
	}
	col := func(row int, name string) string {
		for i, c := range CSVColumns {
			if c == name {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	tests := []struct {
		row        int
		name, want string
	}{
		{1, "GlobalEventID", "ev00000"}, {1, "Day", "20250218"}, {1, "MonthYear", "202502"}, {1, "Year", "2025"},
		{1, "FractionDate", "2025.1342"}, {1, "Actor1Code", "VNMGOV"}, {1, "Actor1CountryCode", "VNM"}, {1, "Actor1Type1Code", "GOV"},
		{1, "Actor2Code", "CHN"}, {1, "EventCode", "042"}, {1, "EventBaseCode", "042"}, {1, "EventRootCode", "04"},
		{1, "QuadClass", "1"}, {1, "GoldsteinScale", "1.9"}, {1, "ActionGeo_FullName", "Beijing"}, {1, "IsRootEvent", "1"},
		{1, "ActionGeo_Type", "4"}, {1, "ActionGeo_CountryCode", "CN"}, {1, "ActionGeo_ADM1Code", "CN22"},
		{1, "ActionGeo_Lat", "39.9075"}, {1, "ActionGeo_Long", "116.3972"}, {1, "ActionGeo_FeatureID", "1816670"},
		{1, "SOURCEURL", "https://example.org/a0"}, {1, "DATEADDED", "20250219"}, {1, "Languages", "en;fr"},
		{1, "Sentence", `The envoy met officials, saying "ties matter".`},
		{2, "Day", "20240701"}, {2, "DatePrecision", "month"}, {2, "SOURCEURL", ""}, // a1: not stored
		{3, "Day", ""}, {3, "Year", ""}, {3, "ActionGeo_FullName", ""}, {3, "ActionGeo_Lat", ""}, {3, "ActionGeo_Type", ""},
	}
	for _, tt := range tests {
		if got := col(tt.row, tt.name); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.name, got, tt.want)
		}
	}
	// The whole store: one pass over the articles, then a lookup for the article it did not hold (a1, a2).
	if st.articleQueries != 1 || st.records != 2 {
		t.Errorf("%d article pages and %d article lookups, want 1 and 2", st.articleQueries, st.records)
	}
	// A filtered export looks up each distinct article once instead.
	st.records, st.articleQueries = 0, 0
	if _, err := Write(context.Background(), st, "csv", io.Discard, dyad.EventQuery{Code: "04"}); err != nil {
		t.Fatal(err)
	}
	if st.articleQueries != 0 || st.records != 3 {
		t.Errorf("filtered: %d article pages and %d lookups, want 0 and 3", st.articleQueries, st.records)
	}
}

func TestWriteJSONL(t *testing.T) {
	st := &eventStore{events: sampleEvents(3)}
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, "jsonl", &buf, dyad.EventQuery{})
	if err != nil || n != 3 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	sc := bufio.NewScanner(&buf)
	i := 0
	for sc.Scan() {
		var e dyad.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if e.ID != st.events[i].ID || len(e.Mentions) != 1 || e.Mentions[0].Sentence != st.events[i].Mentions[0].Sentence {
			t.Errorf("line %d: %+v", i+1, e)
		}
		if !bytes.Contains(sc.Bytes(), []byte(`"quad_class":1`)) {
			t.Errorf("line %d lacks the contract's field names: %s", i+1, sc.Bytes())
		}
		i++
	}
	if i != 3 {
		t.Errorf("%d lines", i)
	}
}

func TestWriteParquet(t *testing.T) {
	evs := sampleEvents(3)
	evs[2].Date = ""
	evs[1].Date = "1969-12-31"
	st := &eventStore{events: evs, urls: map[string]string{"a0": "https://example.org/a0"}}
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, "parquet", &buf, dyad.EventQuery{})
	if err != nil || n != 3 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	if out := os.Getenv("DYAD_PARQUET_OUT"); out != "" {
		// For checking with other readers: DYAD_PARQUET_OUT=/tmp/x.parquet go test -run Parquet ./export
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	// The date column is an INT32 with the DATE logical type: what pandas and DuckDB read as a date.
	field, ok := f.Schema().Lookup("date")
	if !ok {
		t.Fatal("no date column")
	}
	lt := field.Node.Type().LogicalType()
	isDate := false
	if lt != nil {
		_, isDate = lt.Value.(*format.DateType)
	}
	if !isDate || field.Node.Type().Kind() != parquet.Int32 || !field.Node.Optional() {
		t.Fatalf("date column type %v, logical %v", field.Node.Type(), lt)
	}
	rows, err := parquet.Read[Row](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	day := func(r Row) string {
		if r.Date == nil {
			return "null"
		}
		return time.Unix(int64(*r.Date)*86400, 0).UTC().Format("2006-01-02")
	}
	if got := day(rows[0]); got != "2025-02-18" {
		t.Errorf("row 0 date %s", got)
	}
	if got := day(rows[1]); got != "1969-12-31" {
		t.Errorf("row 1 date %s", got)
	}
	if got := day(rows[2]); got != "null" {
		t.Errorf("row 2 date %s", got)
	}
	if rows[0].SourceURL != "https://example.org/a0" || rows[0].Code != "042" || rows[0].QuadClass != 1 ||
		strings.Join(rows[0].Languages, ",") != "en,fr" || rows[0].Location == nil || *rows[0].Location != "Bắc Kinh" ||
		rows[0].PlaceID != "1816670" || rows[0].Lat == nil || *rows[0].Lat != 39.9075 || rows[0].PlaceCountry != "CHN" {
		t.Errorf("row 0: %+v", rows[0])
	}
}

func TestWritePagingAndLimit(t *testing.T) {
	st := &eventStore{events: sampleEvents(pageSize*2 + 7)}
	n, err := Write(context.Background(), st, "jsonl", io.Discard, dyad.EventQuery{})
	if err != nil || n != pageSize*2+7 {
		t.Fatalf("all: %d, %v", n, err)
	}
	if len(st.queries) != 3 || st.queries[2].Offset != pageSize*2 {
		t.Errorf("queries %+v", st.queries)
	}
	n, err = Write(context.Background(), st, "jsonl", io.Discard, dyad.EventQuery{Page: dyad.Page{Limit: 10, Offset: 5}})
	if err != nil || n != 10 {
		t.Fatalf("limit: %d, %v", n, err)
	}
	n, err = Write(context.Background(), st, "jsonl", io.Discard, dyad.EventQuery{Code: "99"})
	if err != nil || n != 0 {
		t.Fatalf("none: %d, %v", n, err)
	}
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &eventStore{}, "csv", &buf, dyad.EventQuery{}); err != nil || !strings.HasPrefix(buf.String(), "GlobalEventID,") {
		t.Errorf("empty csv %q, %v", buf.String(), err)
	}
}

func TestWriteErrors(t *testing.T) {
	if _, err := Write(context.Background(), &eventStore{}, "xlsx", io.Discard, dyad.EventQuery{}); !errors.Is(err, ErrFormat) {
		t.Errorf("xlsx: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, &eventStore{events: sampleEvents(3)}, "csv", io.Discard, dyad.EventQuery{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	st := &eventStore{events: sampleEvents(10000), urls: map[string]string{"a0": "u", "a1": "u", "a2": "u"}}
	for b.Loop() {
		if _, err := Write(context.Background(), st, "csv", io.Discard, dyad.EventQuery{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteParquet(b *testing.B) {
	st := &eventStore{events: sampleEvents(10000), urls: map[string]string{"a0": "u", "a1": "u", "a2": "u"}}
	for b.Loop() {
		if _, err := Write(context.Background(), st, "parquet", io.Discard, dyad.EventQuery{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportStore exports every event of the SQLite store at DYAD_EXPORT_DB (for example one made by
// the server benchmarks with synth) in each format, and reports events per second.
func BenchmarkExportStore(b *testing.B) {
	path := os.Getenv("DYAD_EXPORT_DB")
	if path == "" {
		b.Skip("set DYAD_EXPORT_DB to a store to export")
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			total := 0
			for b.Loop() {
				n, err := Write(context.Background(), db, format, io.Discard, dyad.EventQuery{})
				if err != nil {
					b.Fatal(err)
				}
				total += n
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
