package dyad

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotFound is returned by Store lookups of an id that is not stored.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is returned by Store queries whose input cannot be run: a full-text query with a syntax error,
// an unknown CountQuery.By. The wrapping error says what is wrong.
var ErrBadQuery = errors.New("bad query")

// ErrSkipped marks an InputError for an input that was passed over on purpose (a file of a kind dyad does
// not read, met while walking a folder): it is counted as skipped, not failed.
var ErrSkipped = errors.New("skipped")

// InputError is the error for one bad input document: it names the input and the reason. A Source yields it
// for that document and goes on with the rest of the batch.
type InputError struct {
	URI string
	Err error
}

// Error names the input, quoted when its name holds a control or unprintable character: a file name with a
// newline or a terminal escape must not forge lines or colours where errors are shown.
func (e *InputError) Error() string {
	uri := e.URI
	if strings.ContainsFunc(uri, unprintable) {
		uri = strconv.Quote(uri)
	}
	return EscapeControls(fmt.Sprintf("%s: %v", uri, e.Err))
}

// EscapeControls writes control and unprintable characters the way Go quotes them (\n, \x1b), so that a
// name repeated inside a wrapped error (an *os.PathError) is as harmless as the quoted one, and a message
// that carries a file name cannot forge a line or colour the terminal where it is shown.
func EscapeControls(s string) string {
	if !strings.ContainsFunc(s, unprintable) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unprintable(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unprintable(r rune) bool       { return !unicode.IsPrint(r) || r == utf8.RuneError }
func (e *InputError) Unwrap() error { return e.Err }

// Source yields raw documents. A bad document yields a nil *Document and an *InputError, and the iteration
// goes on; an error that stops the whole source (a cancelled context) is yielded last.
type Source interface {
	Documents(ctx context.Context) iter.Seq2[*Document, error]
}

// Page bounds a list query. Limit 0 means the store's default (100).
type Page struct {
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// ArticleQuery filters Store.Articles.
type ArticleQuery struct {
	Lang   string
	Source string // case-insensitive substring of the source
	From   string // published on or after, YYYY-MM-DD
	To     string
	Page
}

// EventQuery filters Store.Events. Dates compare as YYYY-MM-DD prefixes.
type EventQuery struct {
	Actor   string    // a CAMEO actor code prefix ("VNM", "CHNGOV") or an actor id, on either side
	Source  string    // code prefix of the source actor
	Target  string    // code prefix of the target actor
	Dyad    [2]string // "A:B": A and B in either order, each a code prefix
	Code    string    // CAMEO code prefix ("04", "042")
	From    string
	To      string
	Lang    string // events with at least one mention in this language
	Article string // events with a mention in this article
	// Place is a place id (docs/geo.md): a city's GeoNames id (the events placed there), a first-level
	// region's "VN.44" or a country's "VN" or "VNM" (the events placed in it, at any precision).
	Place string
	BBox  *BBox // events whose coordinates lie in the box
	Near  *Near // events within a distance of a point
	Page
}

// BBox is a bounding box in WGS84 degrees; West > East crosses the antimeridian.
type BBox struct {
	West, South, East, North float64
}

// Near is a circle: a point in WGS84 degrees and a radius in km.
type Near struct {
	Lat, Lon, KM float64
}

// Box is the box around the circle, which the stores read from their coordinate index before they measure
// the distance on an equirectangular projection at the centre's latitude (within 0.5% of the great-circle
// distance up to 1,000 km): dlat is the radius in degrees of latitude, cos the longitude scale there.
func (n Near) Box() (b BBox, dlat, cos float64) {
	dlat = n.KM / 111.2
	cos = math.Max(math.Cos(n.Lat*math.Pi/180), 0.01)
	dlon := math.Min(dlat/cos, 180)
	west, east := n.Lon-dlon, n.Lon+dlon
	if west < -180 {
		west += 360
	}
	if east > 180 {
		east -= 360
	}
	return BBox{West: west, South: max(n.Lat-dlat, -90), East: east, North: min(n.Lat+dlat, 90)}, dlat, cos
}

// StatementQuery filters Store.Statements.
type StatementQuery struct {
	Speaker string // case-insensitive substring of the speaker's name, or its code prefix
	Claim   string
	Article string
	Lang    string
	Page
}

// ClaimQuery filters Store.Claims.
type ClaimQuery struct {
	Query string // substring of the label
	Page
}

// Hit is a full-text search result.
type Hit struct {
	Article Article `json:"article"`
	Snippet string  `json:"snippet"` // plain text around the match; the matched terms are marked with [ and ]
	Rank    float64 `json:"rank"`
}

// CountQuery asks for counts of events grouped by one dimension.
type CountQuery struct {
	// By is "day", "month", "dyad", "code", "root", "quad", "lang", "source" (source actor code), "target"
	// (target actor code), "actor" (either side) or "outlet" (the news source of the mentions).
	By string
	// SplitQuad asks, for By "day" or "month", one group per key and quad class (Count.QuadClass set), for
	// the dashboard's events-over-time-by-quad-class chart.
	SplitQuad bool
	EventQuery
}

// Count is one group of a CountQuery: its key, the number of events and their mean Goldstein weight.
type Count struct {
	Key       string  `json:"key"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class,omitempty"` // for By "day"/"month" split by quad class, when asked
}

// PlaceCount is one place of Store.Places: the place (as the gazetteer names it), how many of the matching
// events took place there, their mean Goldstein weight, and how many are of each quad class.
type PlaceCount struct {
	PlaceID   string  `json:"place_id"`
	Name      string  `json:"name"` // the gazetteer's (canonical) name; the name as written when it has none
	Country   string  `json:"country,omitempty"`
	Admin1    string  `json:"admin1,omitempty"`
	Precision string  `json:"precision,omitempty"` // city, admin1 or country
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
	// Quads counts the events per quad class: verbal cooperation, material cooperation, verbal conflict,
	// material conflict (quad classes 1 to 4).
	Quads [4]int `json:"quads"`
}

// Stats are the totals of a store.
type Stats struct {
	Articles   int `json:"articles"`
	Events     int `json:"events"`
	Mentions   int `json:"mentions"`
	Statements int `json:"statements"`
	Claims     int `json:"claims"`
}

// Store saves records and answers queries. The sqlite and postgres packages implement it; both must pass the
// conformance tests in storetest.
type Store interface {
	// Save stores a record in one transaction: the article, its actor mentions, its statements, and each of its
	// event mentions. An event whose ID is already stored gains the record's mention (counts, languages and
	// sources are updated) and the record's date when it is more precise (day over month over year over none;
	// stated over inferred); otherwise the event is inserted. Statements with a ClaimID update or create that
	// claim. Saving an article whose ID is already stored changes nothing and returns false.
	Save(ctx context.Context, rec *Record) (stored bool, err error)

	// HasArticle reports whether an article id is stored.
	HasArticle(ctx context.Context, id string) (bool, error)
	// Record returns a stored article with its mentions, events (with all their mentions) and statements.
	Record(ctx context.Context, id string) (*Record, error)
	Articles(ctx context.Context, q ArticleQuery) ([]Article, error)
	// Search runs a full-text query (FTS5 syntax on SQLite; diacritics and case folded) over titles and texts.
	Search(ctx context.Context, query string, page Page) ([]Hit, error)

	// Event returns one event with all its mentions. An id the event had before a mention with a smaller
	// content id renamed it (Record.Merge) is an alias that still finds it: the event returned has its
	// current ID.
	Event(ctx context.Context, id string) (*Event, error)
	// Events lists events, newest first, each with its mentions.
	Events(ctx context.Context, q EventQuery) ([]Event, error)
	Counts(ctx context.Context, q CountQuery) ([]Count, error)
	// Places counts the events that match q by place, for the events the gazetteer placed (a place id with
	// coordinates): most events first, then by place id; q.Page pages the places.
	Places(ctx context.Context, q EventQuery) ([]PlaceCount, error)

	Statements(ctx context.Context, q StatementQuery) ([]Statement, error)
	// Claim returns a claim with its statements, oldest first.
	Claim(ctx context.Context, id string) (*Claim, error)
	Claims(ctx context.Context, q ClaimQuery) ([]Claim, error)

	Stats(ctx context.Context) (Stats, error)

	LinkIndex
	Close() error
}

// LinkIndex is what the link stage asks of the store to fold a new article into what is stored.
type LinkIndex interface {
	// SimilarArticles returns the signatures of stored articles that share at least one LSH band with bands.
	SimilarArticles(ctx context.Context, bands []uint64) ([]Signature, error)
	// EventCandidates returns the stored events a new mention may be a mention of (see CandidateQuery), each
	// with its mentions. The work it does is bounded by the events of its keys in its windows, not by the
	// size of the store.
	EventCandidates(ctx context.Context, q CandidateQuery) ([]Event, error)
	// ClaimsByConcepts returns stored claims that share at least one concept with concepts, with their statements.
	ClaimsByConcepts(ctx context.Context, concepts []string) ([]Claim, error)
}

// CandidateQuery asks LinkIndex.EventCandidates for the stored events with one of Keys: the dated ones
// whose date lies in [From, To] (YYYY-MM-DD; an empty bound is open) and, when Undated is true, the undated
// ones that have a mention published in [PublishedFrom, PublishedTo] (an empty bound is open) or a mention
// of an article with no publication date (nothing bounds when those happened: they are kept apart, in the
// same index, and match by their people alone).
type CandidateQuery struct {
	Keys                       []string
	From, To                   string
	Undated                    bool
	PublishedFrom, PublishedTo string
	// ByCoding tells the store that the caller tells the dated mentions of an event apart by their coding
	// (People aside) and date alone, a mention's date being its own or else its event's: of the dated
	// mentions of one event with one coding and one date, the store may return only the one that comes first
	// by article id, then offset. Undated mentions come whole. A store may ignore it (every mention is always
	// a right answer); with it the mentions read stop growing with the mentions of an event (a story told by
	// hundreds of articles).
	ByCoding bool
	// People, when set, tells the store that the caller matches a dated mention only when its coding's
	// People name one of People: the store may leave out the dated mentions whose coding keeps People (none
	// or others); those whose coding keeps none (stored before they were kept) it returns. A store may
	// ignore it. The link stage sets it for an undated mention, whose window (a month before its article's
	// publication) holds ten times the events of a dated one's.
	People []string
	// Recent, when positive in a query with People and no From (an undated mention of an article with no
	// publication date, which nothing bounds in time), bounds the answer: of the dated events of each key the
	// store returns only the Recent latest (by date, then the last stored first) that hold a mention
	// it would return with People, and of the undated ones the Recent stored last that hold one. Without it
	// such a question reads every event of its key that names one of People, which grows with the store.
	Recent int
}

// Bounded reports whether Recent bounds the answer to q: Recent positive, People set and no From.
func (q CandidateQuery) Bounded() bool { return q.Recent > 0 && q.From == "" && len(q.People) > 0 }

// LinkSaver is implemented by stores that several writers may share (SQLite files, PostgreSQL). SaveLinked
// takes a lock that every writer takes to link and save (SQLite's write lock; a PostgreSQL advisory lock),
// calls link, which links recs against what is stored and returns the records to save, saves those in one
// transaction and lets go. Writers then see each other's records as one writer sees its own, and together
// store the events one writer would alone. stored[i] is for the i-th record link returned.
type LinkSaver interface {
	SaveLinked(ctx context.Context, recs []*Record, link func(ctx context.Context) ([]*Record, error)) (stored []bool, err error)
}

// KeyedLinkSaver is a LinkSaver whose lock covers only what linking reads and changes (PostgreSQL):
// SaveLinkedKeys locks the names in locks (KeyLock for each event key of recs, BandLock for each LSH band of
// their texts: Linker.Locks in package link), calls link, then adds what the linked records demote (the
// keys of the demoted articles' events, the bands of those articles and of their copies). When those were
// not held, it lets go of everything, locks the larger set and calls link again (link starts from the
// records as they were given, again). It then saves the linked records in the same transaction. Writers
// whose records share no name link and save at the same time; writers that share one run one after the
// other, and together store the events one writer would alone. stored[i] is for the i-th record link
// returned.
type KeyedLinkSaver interface {
	SaveLinkedKeys(ctx context.Context, recs []*Record, locks []string,
		link func(ctx context.Context) ([]*Record, error)) (stored []bool, err error)
}

// GroupSaver is implemented by stores that save several batches in one transaction (SQLite files,
// PostgreSQL): a commit costs about the size of the indexes its rows touch, whatever the batch holds, so
// four batches a commit write about half the bytes of four commits. BeginGroup returns a SaveGroup, or nil
// when the store does not group (an in-memory SQLite database).
type GroupSaver interface {
	BeginGroup(ctx context.Context) (SaveGroup, error)
}

// SaveGroup is one transaction that several batches are saved in, one after the other. It is a LinkSaver
// (and, where the store is, a KeyedLinkSaver) whose saves take the store's lock once, for the whole group,
// and keep it until Commit or Rollback. A batch that fails is undone; when that undoes the group's earlier
// batches too (SQLite, which undoes a part of a transaction only by keeping a copy of every page it
// changes), the error wraps ErrGroupRolledBack and the group is over. Nothing of the group is stored until
// Commit: a crash loses the batches saved since the group began, which saving them again stores (saves are
// idempotent). LinkSeesGroup reports whether linking a batch reads what the group's earlier batches saved
// (SQLite links through the transaction); when it does not (PostgreSQL links through other connections),
// the caller keeps those records visible to the link stage itself (link.Pending) until Commit. A SaveGroup
// is used by one goroutine at a time.
type SaveGroup interface {
	LinkSaver
	LinkSeesGroup() bool
	// Commit stores the group's batches; the group is over, committed or not.
	Commit(ctx context.Context) error
	// Rollback undoes the group's batches; the group is over.
	Rollback(ctx context.Context) error
}

// ErrGroupRolledBack is wrapped by a SaveGroup's failed save when the group's earlier batches were undone
// with the batch: none of them is stored.
var ErrGroupRolledBack = errors.New("the group of batches was rolled back")

// KeyLock is the lock name of an event key ("04|CHN|VNM") for KeyedLinkSaver.
func KeyLock(key string) string { return "key " + key }

// BandLock is the lock name of a near-duplicate LSH band for KeyedLinkSaver.
func BandLock(band uint64) string { return "band " + strconv.FormatUint(band, 16) }

// Serializer is implemented by stores that several processes share (PostgreSQL): Serialize runs fn while
// holding a store-wide lock, which excludes every other Serialize, SaveLinked and SaveLinkedKeys.
type Serializer interface {
	Serialize(ctx context.Context, fn func(ctx context.Context) error) error
}
