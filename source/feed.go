package source

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/mmcdole/gofeed"
	"golang.org/x/text/language"
)

// RSS (0.9x, 1.0 RDF, 2.0), Atom and JSON Feed, read with gofeed: one document per item, with the URI
// path#N (N the 1-based item index). An item gives its link, title, date (parsed when gofeed can, else as
// written: the extract stage reads any format and language), and its text from content:encoded, Atom
// content, or the description; the feed gives the source (its title) and the language.
func init() {
	Register(&Format{Name: "feed", Exts: []string{".rss", ".atom", ".xml"}, Priority: 15,
		Sniff: sniffFeed, Parse: parseFeed})
	// A JSON Feed is a JSON object: it must be claimed before the JSON records format.
	Register(&Format{Name: "jsonfeed", Priority: 25, Sniff: sniffJSONFeed, Parse: parseFeed})
}

// ErrNoItemText is the reason for a feed item with no content and no description.
var ErrNoItemText = errors.New("feed item has no text (no content or description)")

// sniffFeed claims XML whose root element is <rss>, <rdf:RDF> or an Atom <feed>, after any XML declaration,
// comments, processing instructions (xml-stylesheet) and DOCTYPE.
func sniffFeed(head []byte) bool {
	h := skipSpaceBOM(head)
	for len(h) > 0 {
		if h[0] != '<' {
			return false
		}
		var end string
		switch {
		case bytes.HasPrefix(h, []byte("<?")):
			end = "?>"
		case bytes.HasPrefix(h, []byte("<!--")):
			end = "-->"
		case bytes.HasPrefix(h, []byte("<!")):
			end = ">"
		default:
			return isFeedRoot(h)
		}
		i := bytes.Index(h, []byte(end))
		if i < 0 {
			return false
		}
		h = bytes.TrimLeft(h[i+len(end):], " \t\r\n")
	}
	return false
}

// isFeedRoot reports whether the start tag at the head of h is a feed's root element.
func isFeedRoot(h []byte) bool {
	tag := h[1:]
	if i := bytes.IndexByte(tag, '>'); i >= 0 {
		tag = tag[:i]
	}
	name := tag
	if i := bytes.IndexAny(name, " \t\r\n/"); i >= 0 {
		name = name[:i]
	}
	switch string(bytes.ToLower(name)) {
	case "rss", "rdf:rdf":
		return true
	case "feed", "atom:feed":
		// An Atom feed states its namespace; a bare <feed> is accepted too, as HTML has no such element.
		return true
	}
	return false
}

var jsonFeedVersion = regexp.MustCompile(`^\{\s*(?:"[^"]*"\s*:\s*(?:"[^"]*"|[\d.]+|true|false|null)\s*,\s*)*"version"\s*:\s*"https?://jsonfeed\.org/version/`)

// sniffJSONFeed claims a JSON object whose "version" (among the first plain fields) is a jsonfeed.org URL.
func sniffJSONFeed(head []byte) bool {
	return jsonFeedVersion.Match(skipSpaceBOM(head))
}

func parseFeed(uri string, b []byte) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
		if err != nil {
			yield(nil, inputErr(uri, fmt.Errorf("malformed feed: %w", err)))
			return
		}
		src := oneLine(feed.Title)
		lang := normLang(feed.Language)
		for i, it := range feed.Items {
			ruri := uri + "#" + strconv.Itoa(i+1)
			if it == nil {
				continue
			}
			d, err := itemDocument(ruri, it)
			if err != nil {
				if !yield(nil, inputErr(ruri, err)) {
					return
				}
				continue
			}
			d.Source, d.Lang = src, lang
			if !yield(d, nil) {
				return
			}
		}
	}
}

func itemDocument(uri string, it *gofeed.Item) (*dyad.Document, error) {
	d := &dyad.Document{URI: uri, URL: webURL(it.Link), Title: oneLine(it.Title)}
	if d.URL == "" && len(it.Links) > 0 {
		d.URL = webURL(it.Links[0])
	}
	d.Published = itemDate(it.PublishedParsed, it.Published)
	if d.Published == "" {
		d.Published = itemDate(it.UpdatedParsed, it.Updated)
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	if strings.TrimSpace(body) == "" {
		return nil, ErrNoItemText
	}
	if markup.MatchString(body) {
		d.Format = "html"
	} else {
		d.Format, body = "text", html.UnescapeString(body)
	}
	d.Body = []byte(strings.TrimSpace(body))
	return d, nil
}

// itemDate returns a parsed date as RFC 3339, else the date as the feed writes it. gofeed gives parsed dates
// in UTC; the feed's own offset is kept when a standard layout reads it, so the day stays the local one.
func itemDate(parsed *time.Time, raw string) string {
	raw = strings.TrimSpace(raw)
	if parsed == nil || parsed.IsZero() {
		return raw
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, raw); err == nil && t.Equal(*parsed) {
			return t.Format(time.RFC3339)
		}
	}
	return parsed.Format(time.RFC3339)
}

var dateLayouts = []string{time.RFC1123Z, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700",
	time.RFC822Z}

// markup matches an HTML tag or comment: a body with one is HTML for the extract stage.
var markup = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9]*(?:\s|/?>)|/[A-Za-z][A-Za-z0-9]*\s*>|!--)`)

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// normLang returns the ISO 639-1 code of a language tag ("en-US", "fr_FR", "eng"), or "" when it is not a
// known language.
func normLang(tag string) string {
	tag = strings.TrimSpace(strings.ReplaceAll(tag, "_", "-"))
	if tag == "" {
		return ""
	}
	base := tag
	if i := strings.IndexByte(base, '-'); i >= 0 {
		base = base[:i]
	}
	b, err := language.ParseBase(strings.ToLower(base))
	if err != nil || b.String() == "und" {
		return ""
	}
	return b.String()
}
