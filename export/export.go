// Package export writes the events of a store as files other tools read: CSV with GDELT-style event columns,
// JSONL of dyad.Event (the API's JSON), and Parquet that pandas, DuckDB and Arrow open with real dates.
package export

import (
	"bufio"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/parquet-go/parquet-go"
	"golang.org/x/text/language"
)

// Formats lists the formats Write knows.
var Formats = []string{"csv", "jsonl", "parquet", "gdelt"}

// ErrFormat is returned for a format Write does not know.
var ErrFormat = errors.New("unknown export format")

// leadBytes is how far into an article its lead reaches, for IsRootEvent.
const leadBytes = 400

// rowGroupRows is the most rows in one Parquet row group.
const rowGroupRows = 100_000

// pageSize is how many events Write asks the store for at a time.
const pageSize = 5000

// Write writes the events that match q to w in format ("csv", "jsonl" or "parquet") and returns how many it
// wrote. q.Limit 0 means every matching event; otherwise at most q.Limit events, from q.Offset on. Events come
// in the store's order (newest first).
func Write(ctx context.Context, st dyad.Store, format string, w io.Writer, q dyad.EventQuery) (int, error) {
	return WriteWith(ctx, st, format, w, q, Options{})
}

// WriteWith is Write with options; format "gdelt" writes GDELT 2.0's event table (GDELTColumns).
func WriteWith(ctx context.Context, st dyad.Store, format string, w io.Writer, q dyad.EventQuery, opts Options) (int, error) {
	// An export of everything needs nearly every article's URL: read them in one pass.
	all := q
	all.Page = dyad.Page{}
	urls := newSourceURLs(ctx, st)
	urls.bulk = all == dyad.EventQuery{} && q.Limit == 0
	var enc encoder
	switch strings.ToLower(format) {
	case "csv":
		enc = newCSV(urls, w)
	case "jsonl", "ndjson":
		enc = newJSONL(w)
	case "parquet":
		enc = newParquet(urls, w)
	case "gdelt":
		enc = newGDELT(urls, w, opts)
	default:
		return 0, fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(Formats, ", "))
	}
	n, err := each(ctx, st, q, enc.write)
	if err != nil {
		return n, fmt.Errorf("export %s: event %d: %w", format, n+1, err)
	}
	if err := enc.close(); err != nil {
		return n, fmt.Errorf("export %s: finishing the file: %w", format, err)
	}
	return n, nil
}

// each pages through the events of q and calls fn for each.
func each(ctx context.Context, st dyad.Store, q dyad.EventQuery, fn func(*dyad.Event) error) (int, error) {
	total, offset := q.Limit, q.Offset
	n := 0
	for total == 0 || n < total {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		q.Page = dyad.Page{Limit: pageSize, Offset: offset}
		if total > 0 {
			q.Limit = min(pageSize, total-n)
		}
		evs, err := st.Events(ctx, q)
		if err != nil {
			return n, fmt.Errorf("reading events at offset %d: %w", offset, err)
		}
		for i := range evs {
			if err := fn(&evs[i]); err != nil {
				return n, err
			}
			n++
		}
		if len(evs) < q.Limit {
			break
		}
		offset += len(evs)
	}
	return n, nil
}

type encoder interface {
	write(*dyad.Event) error
	close() error
}

// ---- JSONL ----

type jsonlEncoder struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func newJSONL(w io.Writer) *jsonlEncoder {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlEncoder{bw: bw, enc: enc}
}

func (j *jsonlEncoder) write(e *dyad.Event) error {
	if e.Mentions == nil {
		e.Mentions = []dyad.EventMention{}
	}
	if e.Languages == nil {
		e.Languages = []string{}
	}
	return j.enc.Encode(e)
}

func (j *jsonlEncoder) close() error { return j.bw.Flush() }

// ---- shared helpers ----

// firstDay returns the first day of an event's date (YYYY, YYYY-MM or YYYY-MM-DD), and false when the event
// has no valid date.
func firstDay(date string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(date) == len(layout) {
			if t, err := time.Parse(layout, date); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// sourceURLs finds the URL of an event's first article, remembering the articles it has seen: many events
// share one. An export of the whole store first reads every article's URL in pages (one pass over the
// articles); a filtered export asks the store for each article it meets.
type sourceURLs struct {
	ctx    context.Context
	st     dyad.Store
	cache  map[string]string
	bulk   bool // read all articles' URLs at the first lookup
	loaded bool
}

func newSourceURLs(ctx context.Context, st dyad.Store) *sourceURLs {
	return &sourceURLs{ctx: ctx, st: st, cache: make(map[string]string)}
}

// articlePage is how many articles the bulk pass reads at a time.
const articlePage = 10000

func (s *sourceURLs) load() error {
	s.loaded = true
	for offset := 0; ; offset += articlePage {
		as, err := s.st.Articles(s.ctx, dyad.ArticleQuery{Page: dyad.Page{Limit: articlePage, Offset: offset}})
		if err != nil {
			return fmt.Errorf("reading article URLs at offset %d: %w", offset, err)
		}
		for _, a := range as {
			u := string(a.URL)
			if u == "" {
				u = a.URI
			}
			s.cache[a.ID] = u
		}
		if len(as) < articlePage {
			return nil
		}
	}
}

func (s *sourceURLs) of(e *dyad.Event) (string, error) {
	if len(e.Mentions) == 0 {
		return "", nil
	}
	if s.bulk && !s.loaded {
		if err := s.load(); err != nil {
			return "", err
		}
	}
	id := e.Mentions[0].ArticleID
	if u, ok := s.cache[id]; ok {
		return u, nil
	}
	rec, err := s.st.Record(s.ctx, id)
	u := ""
	switch {
	case errors.Is(err, dyad.ErrNotFound):
	case err != nil:
		return "", fmt.Errorf("article %s: %w", id, err)
	default:
		u = string(rec.Article.URL)
		if u == "" {
			u = rec.Article.URI
		}
	}
	if !s.bulk && len(s.cache) >= 100_000 {
		clear(s.cache)
	}
	s.cache[id] = u
	return u, nil
}

// ---- CSV ----

// CSVColumns are the CSV header: GDELT 2.0 event columns where dyad has the data, then dyad's own.
var CSVColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long",
	"ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
	"DatePrecision", "PLOVER", "Languages", "Actor1ID", "Actor2ID", "SourceArticleID", "Sentence", "CoderVersion",
}

type csvEncoder struct {
	cw     *csv.Writer
	urls   *sourceURLs
	header bool
}

func newCSV(urls *sourceURLs, w io.Writer) *csvEncoder {
	return &csvEncoder{cw: csv.NewWriter(w), urls: urls}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Geo is a location in GDELT's geography columns (ActionGeo_*, Actor1Geo_*, Actor2Geo_*), as text.
type Geo struct {
	Type        string // 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level region)
	FullName    string // the gazetteer's name of the place, else the place as written
	CountryCode string // ISO 3166 alpha-2 (GDELT writes FIPS 10-4, which differs for some countries)
	ADM1Code    string // alpha-2 and GeoNames' admin1 code, "VN44"; the country code for a country
	Lat, Long   string
	FeatureID   string // GeoNames id of a city, "VN.44" of a region, alpha-2 of a country
}

// ActionGeo returns a location's GDELT geography fields; all empty for none, the name alone for a place the
// gazetteer does not know.
func ActionGeo(l *dyad.Location) Geo {
	if l == nil {
		return Geo{}
	}
	if !l.Resolved() {
		return Geo{FullName: l.Name}
	}
	g := Geo{FullName: cmp.Or(l.Canonical, l.Name), FeatureID: l.PlaceID,
		Lat: strconv.FormatFloat(l.Lat, 'f', 4, 64), Long: strconv.FormatFloat(l.Lon, 'f', 4, 64)}
	if r, err := language.ParseRegion(l.Country); err == nil {
		g.CountryCode = r.String()
	}
	us := g.CountryCode == "US"
	switch l.Precision {
	case "country":
		g.Type, g.ADM1Code = "1", g.CountryCode
	case "admin1":
		g.Type = map[bool]string{true: "2", false: "5"}[us]
	default:
		g.Type = map[bool]string{true: "3", false: "4"}[us]
	}
	if g.ADM1Code == "" {
		g.ADM1Code = strings.Replace(l.Admin1, ".", "", 1)
	}
	return g
}

// CSVRecord returns an event's CSV fields in the order of CSVColumns; sourceURL fills SOURCEURL.
func CSVRecord(e *dyad.Event, sourceURL string) []string {
	r := make([]string, 0, len(CSVColumns))
	day, month, year, frac := "", "", "", ""
	if t, ok := firstDay(string(e.Date)); ok {
		day, month, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
		// GDELT's FractionDate: year + day-of-year/365.
		frac = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	// GDELT's IsRootEvent: the event is reported in the lead of its first article.
	root := "0"
	if len(e.Mentions) > 0 && e.Mentions[0].Start < leadBytes {
		root = "1"
	}
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	added, article, sentence := "", "", ""
	if len(e.Mentions) > 0 {
		m := e.Mentions[0]
		article, sentence = m.ArticleID, m.Sentence
		if p := strings.ReplaceAll(m.Published, "-", ""); len(p) == 8 {
			added = p
		}
	}
	r = append(r, e.ID, day, month, year, frac,
		e.Source.Code, e.Source.Name, e.Source.Country, e.Source.Sector,
		e.Target.Code, e.Target.Name, e.Target.Country, e.Target.Sector,
		root, e.Code, base, e.Root, itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		itoa(e.NumMentions), itoa(e.NumSources), itoa(e.NumArticles))
	g := ActionGeo(e.Location)
	r = append(r, g.Type, g.FullName, g.CountryCode, g.ADM1Code, g.Lat, g.Long, g.FeatureID, added, sourceURL,
		e.DatePrecision, e.Plover, strings.Join(e.Languages, ";"), e.Source.ActorID, e.Target.ActorID, article,
		sentence, e.CoderVersion)
	return r
}

func (c *csvEncoder) write(e *dyad.Event) error {
	if !c.header {
		if err := c.cw.Write(CSVColumns); err != nil {
			return err
		}
		c.header = true
	}
	u, err := c.urls.of(e)
	if err != nil {
		return err
	}
	return c.cw.Write(CSVRecord(e, u))
}

func (c *csvEncoder) close() error {
	if !c.header {
		if err := c.cw.Write(CSVColumns); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

// ---- Parquet ----

// Row is one event as a Parquet row. Date is a DATE (int32 days since 1970-01-01), which pandas, DuckDB and
// Arrow read as a date; it is null for undated events. (A time.Time tagged date is written wrong by
// parquet-go v0.32, so the days are computed here.)
type Row struct {
	ID            string  `parquet:"id"`
	Date          *int32  `parquet:"date,optional,date"`
	DatePrecision string  `parquet:"date_precision,dict"`
	SourceCode    string  `parquet:"source_code,dict"`
	SourceName    string  `parquet:"source_name"`
	SourceActorID string  `parquet:"source_actor_id"`
	SourceCountry string  `parquet:"source_country,dict"`
	SourceSector  string  `parquet:"source_sector,dict"`
	TargetCode    string  `parquet:"target_code,dict"`
	TargetName    string  `parquet:"target_name"`
	TargetActorID string  `parquet:"target_actor_id"`
	TargetCountry string  `parquet:"target_country,dict"`
	TargetSector  string  `parquet:"target_sector,dict"`
	Code          string  `parquet:"code,dict"`
	Root          string  `parquet:"root,dict"`
	QuadClass     int32   `parquet:"quad_class"`
	Goldstein     float64 `parquet:"goldstein"`
	Plover        string  `parquet:"plover,dict"`
	Location      *string `parquet:"location,optional"`
	// where the event took place, as the place resolver (geo) found it; empty for none
	PlaceID        string   `parquet:"place_id,optional"`
	PlaceName      string   `parquet:"place_name,optional"`
	PlaceCountry   string   `parquet:"place_country,optional,dict"`
	PlaceAdmin1    string   `parquet:"place_admin1,optional,dict"`
	Lat            *float64 `parquet:"lat,optional"`
	Lon            *float64 `parquet:"lon,optional"`
	PlacePrecision string   `parquet:"place_precision,optional,dict"`
	PlaceVia       string   `parquet:"place_via,optional,dict"`
	NumMentions    int32    `parquet:"num_mentions"`
	NumArticles    int32    `parquet:"num_articles"`
	NumSources     int32    `parquet:"num_sources"`
	Languages      []string `parquet:"languages,list"`
	SourceURL      string   `parquet:"source_url"`
	ArticleID      string   `parquet:"article_id"`
	Sentence       string   `parquet:"sentence"`
	CoderVersion   string   `parquet:"coder_version,dict"`
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// NewRow converts an event to a Parquet row; sourceURL fills SourceURL.
func NewRow(e *dyad.Event, sourceURL string) Row {
	r := Row{
		ID: e.ID, DatePrecision: e.DatePrecision,
		SourceCode: e.Source.Code, SourceName: e.Source.Name, SourceActorID: e.Source.ActorID, SourceCountry: e.Source.Country, SourceSector: e.Source.Sector,
		TargetCode: e.Target.Code, TargetName: e.Target.Name, TargetActorID: e.Target.ActorID, TargetCountry: e.Target.Country, TargetSector: e.Target.Sector,
		Code: e.Code, Root: e.Root, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein, Plover: e.Plover,
		NumMentions: int32(e.NumMentions), NumArticles: int32(e.NumArticles), NumSources: int32(e.NumSources),
		Languages: e.Languages, SourceURL: sourceURL, CoderVersion: e.CoderVersion,
	}
	if r.Languages == nil {
		r.Languages = []string{}
	}
	if t, ok := firstDay(string(e.Date)); ok {
		d := int32(t.Sub(epoch).Hours() / 24)
		r.Date = &d
	}
	if l := e.Location; l != nil {
		r.Location = &l.Name
		if l.Resolved() {
			lat, lon := l.Lat, l.Lon
			r.PlaceID, r.PlaceName, r.PlaceCountry, r.PlaceAdmin1 = l.PlaceID, l.Canonical, l.Country, l.Admin1
			r.Lat, r.Lon, r.PlacePrecision, r.PlaceVia = &lat, &lon, l.Precision, l.Via
		}
	}
	if len(e.Mentions) > 0 {
		r.ArticleID, r.Sentence = e.Mentions[0].ArticleID, e.Mentions[0].Sentence
	}
	return r
}

type parquetEncoder struct {
	pw   *parquet.GenericWriter[Row]
	urls *sourceURLs
	buf  []Row
}

func newParquet(urls *sourceURLs, w io.Writer) *parquetEncoder {
	// Snappy: every reader has it (zstd is missing from some JavaScript readers).
	pw := parquet.NewGenericWriter[Row](w, parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("dyad", dyad.CoderVersion, ""), parquet.PageBufferSize(1<<20),
		// Bounded row groups keep the writer's memory flat on a large export.
		parquet.MaxRowsPerRowGroup(rowGroupRows))
	return &parquetEncoder{pw: pw, urls: urls, buf: make([]Row, 0, 1024)}
}

func (p *parquetEncoder) write(e *dyad.Event) error {
	u, err := p.urls.of(e)
	if err != nil {
		return err
	}
	p.buf = append(p.buf, NewRow(e, u))
	if len(p.buf) == cap(p.buf) {
		return p.flush()
	}
	return nil
}

func (p *parquetEncoder) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	_, err := p.pw.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

func (p *parquetEncoder) close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.pw.Close()
}
