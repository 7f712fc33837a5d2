// Package dyad holds the data model of dyad (articles, actors, events, statements, claims) and the interfaces
// at its seams: a Source yields raw documents, a Store saves and queries what the pipeline found.
//
// The JSON field names of these types are a contract shared by the CLI, the HTTP API and the exports.
package dyad

import (
	"encoding/json"
	"fmt"
	"time"
)

// CoderVersion names the version of the event coder that produced an event; it is stored with each event.
const CoderVersion = "dyad-0.1"

// NullString is a string that is written to JSON as null when empty, for optional contract fields such as
// Article.Published or Event.Location.
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads null as the empty string.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// Document is one raw input document as a Source read it, before extraction. Fields other than URI and Body
// are hints found in the container (a JSONL record, a feed item, WARC headers) and may be empty.
type Document struct {
	URI       string // where it came from: a path, path#line for a JSONL record, a URL, "stdin"
	URL       string // the article's own URL, when known
	Format    string // "text", "markdown", "html"; empty when the extract stage must sniff it
	Body      []byte // the raw content
	Title     string
	Published string // a date or timestamp in any format
	Source    string // the agency or outlet
	Lang      string // ISO 639-1, when the container states it
}

// Span is a half-open range of byte offsets [Start, End) into an article's cleaned text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Article is a cleaned news article.
type Article struct {
	ID              string     `json:"id"` // stable hash of the cleaned text
	URI             string     `json:"uri"`
	URL             NullString `json:"url"`
	Source          NullString `json:"source"` // agency or outlet: "Xinhua", "VNA/CVN", a host name
	Title           string     `json:"title"`
	Lang            string     `json:"lang"` // ISO 639-1, "und" when unknown
	LangConfidence  float64    `json:"lang_confidence"`
	Published       NullString `json:"published"` // YYYY-MM-DD
	Dateline        NullString `json:"dateline"`  // place name of the dateline
	Text            string     `json:"text"`
	NearDuplicateOf NullString `json:"near_duplicate_of"`
	Paragraphs      []Span     `json:"paragraphs,omitempty"`
	// PublishedFrom says how Published was found: "metadata", "header", "byline", "text", "" when unknown.
	PublishedFrom string    `json:"published_from,omitempty"`
	Ingested      time.Time `json:"ingested,omitzero"`
}

// Actor types.
const (
	TypeCountry      = "country"
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypeIGO          = "igo"
	TypeGroup        = "group"
)

// Role is an office or position an actor held, bounded in time. From and To are YYYY-MM-DD, YYYY-MM or YYYY;
// an empty To means the role is held still.
type Role struct {
	Title   string `json:"title"`
	Org     string `json:"org,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
}

// Actor is an entry of the actor dictionary: a country, a person, an organisation.
type Actor struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Country string   `json:"country,omitempty"` // ISO 3166 alpha-3
	Sector  string   `json:"sector,omitempty"`  // CAMEO agent code: GOV, MIL, PTY ...
	Code    string   `json:"code,omitempty"`    // CAMEO actor code, e.g. VNMGOV
	Aliases []string `json:"aliases,omitempty"`
	Roles   []Role   `json:"roles,omitempty"`
}

// ActorRef is the resolved actor of a mention, as of the article's date.
type ActorRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Code    string `json:"code,omitempty"`
	// Provisional is true for an actor made up from a title and a name not in the dictionary.
	Provisional bool `json:"provisional,omitempty"`
}

// ActorMention is a span of an article's text that names an actor.
type ActorMention struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Actor ActorRef `json:"actor"`
	// Via says how the mention was resolved: "name", "alias", "office", "title", "coref", "demonym", "capital";
	// for a group or title whose country came from its context "genitive", "place", "sentence", "dateline",
	// "article", or "sector" when none did (docs/actors.md).
	Via string `json:"via,omitempty"`
}

// EventActor is the source or target of an event.
type EventActor struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	ActorID string `json:"actor_id,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
}

// EventMention is one sentence of one article that reports an event: its evidence.
type EventMention struct {
	ArticleID  string  `json:"article_id"`
	Lang       string  `json:"lang"`
	Source     string  `json:"source"` // the article's agency or outlet
	Sentence   string  `json:"sentence"`
	Start      int     `json:"start"` // byte offsets of the sentence in the article's text
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
	// Date is the date this mention gives the event (YYYY-MM-DD, YYYY-MM or YYYY), DateInferred true when it
	// was not stated in the sentence (taken from the dateline, publication date or the folded event).
	Date         string `json:"date,omitempty"`
	DateInferred bool   `json:"date_inferred,omitempty"`
	Pattern      string `json:"pattern,omitempty"`   // the verb pattern that fired, file:line
	Published    string `json:"published,omitempty"` // the article's publication date
	// Coding is how this mention itself coded the event, which may differ from the event's (the coding of
	// its first or best mention): the link stage matches new mentions against every stored mention's own
	// coding. Nil for mentions stored before it was kept: the event's coding stands for them.
	Coding *MentionCoding `json:"coding,omitempty"`
}

// MentionCoding is the coding one mention gives its event: its two sides and CAMEO code, and the people its
// article names who may stand for each side.
type MentionCoding struct {
	Source EventActor `json:"source"`
	Target EventActor `json:"target"`
	Code   string     `json:"code"`
	// People are the ids of the people who may stand for each side (its actor when that is a person the
	// article names, else the people of that side's country the article names), kept with the mention so
	// that the link stage never reads a stored article back. Nil for mentions stored before it was kept.
	People *SidePeople `json:"people,omitempty"`
}

// SidePeople are the people who may stand for the two sides of an event mention, each list sorted.
type SidePeople struct {
	Source []string `json:"source,omitempty"`
	Target []string `json:"target,omitempty"`
}

// Event is one coded event: who did what to whom, when and where, with every mention that reports it.
type Event struct {
	ID            string         `json:"id"`
	Date          NullString     `json:"date"`
	DatePrecision string         `json:"date_precision"` // day, month, year
	DateInferred  bool           `json:"date_inferred,omitempty"`
	Source        EventActor     `json:"source"`
	Target        EventActor     `json:"target"`
	Code          string         `json:"code"` // CAMEO, e.g. "042"
	Root          string         `json:"root"` // "04"
	QuadClass     int            `json:"quad_class"`
	Goldstein     float64        `json:"goldstein"`
	Plover        string         `json:"plover"`
	Location      *Location      `json:"location"`
	Mentions      []EventMention `json:"mentions"`
	NumMentions   int            `json:"num_mentions"`
	NumArticles   int            `json:"num_articles"`
	NumSources    int            `json:"num_sources"`
	Languages     []string       `json:"languages"`
	CoderVersion  string         `json:"coder_version"`
	// Trigger is the byte offset in the article's text of the word that fired the pattern, set by the coder
	// for the stages after it (the place resolver takes the place nearest to it); not stored.
	Trigger int `json:"-"`
	// Key groups the mentions that may fold into one event (set by the link stage; see Store.EventCandidates).
	Key string `json:"-"`
}

// Location is where an event took place: the place as the text wrote it and, when the gazetteer knows it, the
// place it is (geo.Resolver). An event whose only place is a country has the country's centroid.
type Location struct {
	Name      string  `json:"name"`                // as written ("Hà Nội", "BEIJING"); the canonical name when inferred
	PlaceID   string  `json:"place_id,omitempty"`  // GeoNames id of a city, "VN.44" of a region, "VN" of a country
	Canonical string  `json:"canonical,omitempty"` // the gazetteer's name of the place ("Hanoi")
	Country   string  `json:"country,omitempty"`   // ISO 3166 alpha-3, as actor countries
	Admin1    string  `json:"admin1,omitempty"`    // GeoNames first-level region code, "VN.44"
	Lat       float64 `json:"lat,omitempty"`       // WGS84 degrees
	Lon       float64 `json:"lon,omitempty"`       //
	Precision string  `json:"precision,omitempty"` // city, admin1 or country
	Via       string  `json:"via,omitempty"`       // text, dateline, lead or actor: what placed it
}

// MarshalJSON writes lat and lon whenever the location is a gazetteer place (PlaceID set), zero included: a
// place on the equator or the prime meridian keeps its coordinates, and box and circle queries, which read
// them from the stored JSON, find it. A location the gazetteer does not know has none.
func (l Location) MarshalJSON() ([]byte, error) {
	type plain Location // the fields and tags, without this method
	if l.PlaceID == "" {
		return json.Marshal(plain(l))
	}
	return json.Marshal(struct {
		Name      string  `json:"name"`
		PlaceID   string  `json:"place_id"`
		Canonical string  `json:"canonical,omitempty"`
		Country   string  `json:"country,omitempty"`
		Admin1    string  `json:"admin1,omitempty"`
		Lat       float64 `json:"lat"`
		Lon       float64 `json:"lon"`
		Precision string  `json:"precision,omitempty"`
		Via       string  `json:"via,omitempty"`
	}(l))
}

// Text returns the location's name as written, "" for none.
func (l *Location) Text() string {
	if l == nil {
		return ""
	}
	return l.Name
}

// EncodeLocation is how stores keep a location: its JSON, nil for none.
func EncodeLocation(l *Location) (any, error) {
	if l == nil {
		return nil, nil
	}
	b, err := json.Marshal(l)
	if err != nil {
		return nil, fmt.Errorf("location: %w", err)
	}
	return string(b), nil
}

// DecodeLocation reads back a stored location: its JSON when stored, else the text as written (events stored
// before locations were resolved), nil when neither.
func DecodeLocation(written, place string) (*Location, error) {
	if place != "" {
		l := &Location{}
		if err := json.Unmarshal([]byte(place), l); err != nil {
			return nil, fmt.Errorf("location: %w", err)
		}
		return l, nil
	}
	if written != "" {
		return &Location{Name: written}, nil
	}
	return nil, nil
}

// Resolved reports whether the location is a known place (it has coordinates).
func (l *Location) Resolved() bool { return l != nil && l.PlaceID != "" }

// Statement is something an actor said, with the reporting verb that introduces it.
type Statement struct {
	ID        string     `json:"id"`
	ArticleID string     `json:"article_id"`
	Speaker   ActorRef   `json:"speaker"`
	Verb      string     `json:"verb"`
	Text      string     `json:"text"`
	Lang      string     `json:"lang"`
	Date      NullString `json:"date"`
	ClaimID   NullString `json:"claim_id"`
	Start     int        `json:"start"` // byte offsets of the statement's sentence(s) in the article's text
	End       int        `json:"end"`
	Source    string     `json:"source,omitempty"` // the article's agency or outlet
	Direct    bool       `json:"direct,omitempty"` // a direct quote rather than reported speech
	// Concepts are the concept-lexicon ids the statement expresses (set by the link stage).
	Concepts []string `json:"concepts,omitempty"`
}

// Claim is a cluster of statements that say the same thing, across languages, sources and years.
type Claim struct {
	ID         string      `json:"id"`
	Label      string      `json:"label"`
	Concepts   []string    `json:"concepts,omitempty"`
	First      string      `json:"first,omitempty"` // date of the earliest statement
	Last       string      `json:"last,omitempty"`
	Languages  []string    `json:"languages"`
	Speakers   []string    `json:"speakers"`
	Statements []Statement `json:"statements,omitempty"`
	Count      int         `json:"count"`
}

// Signature is the MinHash sketch of an article's folded text, used to find near-duplicates.
type Signature struct {
	ArticleID string   `json:"article_id"`
	MinHash   []uint32 `json:"minhash"`
	Bands     []uint64 `json:"bands"` // LSH band hashes of MinHash
}

// Record is an article with everything the pipeline found in it: what the Store saves in one transaction.
type Record struct {
	Article    Article        `json:"article"`
	Mentions   []ActorMention `json:"mentions"`
	Events     []Event        `json:"events"`
	Statements []Statement    `json:"statements"`
	Signature  *Signature     `json:"-"`
	// Claims are the claims the record's statements belong to (ID, Label, Concepts), set by the link stage so
	// that Save can create a claim it does not hold yet.
	Claims []Claim `json:"claims,omitempty"`
	// Demote lists the stored articles that the link stage found to be near-duplicates of this record's
	// article, which is their original by the rule of link.Original. When it saves this (new) record, the
	// store makes them, and the articles that copy them, near-duplicates of it in the same transaction:
	// their near_duplicate_of becomes this article's id, their event mentions are deleted (events left
	// with none are deleted) and their statements leave their claims (claims left with none are deleted).
	Demote []string `json:"-"`
	// Merge lists stored events that one of this record's events takes over: the link stage renames a
	// stored event to the record's event id when that is smaller (an event's id is the smallest content id
	// of its mentions, whatever order they came in). When it saves this record the store moves the mentions
	// of each From event to Into (one of the record's event ids), deletes the From events, and gives Into
	// the best date and the coding of the best mention of them all, in the same transaction.
	Merge []EventMerge `json:"-"`
}

// EventMerge is one merge of Record.Merge: the events From become event Into.
type EventMerge struct {
	Into string
	From []string
}

// ClaimLabel returns the label the link stage gave claim id in r.Claims, or fallback when it gave none.
func (r *Record) ClaimLabel(id, fallback string) string {
	for _, c := range r.Claims {
		if c.ID == id && c.Label != "" {
			return c.Label
		}
	}
	return fallback
}
