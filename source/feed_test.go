package source

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestFeeds(t *testing.T) {
	type doc struct{ uri, url, title, published, source, lang, format, body string }
	tests := []struct {
		path string
		docs []doc
		errs []string
	}{
		// A feed without a language leaves it to the extract stage (this one mixes English and French).
		{"testdata/feed/news.rss", []doc{
			{"#1", "https://wire.example.org/asia/japan-philippines-raa", "Japan and the Philippines sign troop access pact",
				"2024-07-08T09:30:00Z", "Example World Wire", "", "html", "<p>MANILA - Japan and the Philippines signed"},
			{"#2", "https://wire.example.org/americas/g20-rio", "G20 leaders meet in Rio de Janeiro",
				"2024-11-18T16:00:00-03:00", "Example World Wire", "", "text", "Leaders of the Group of Twenty met"},
			// gofeed cannot parse a French date: it is passed on as written, for the extract stage.
			{"#3", "https://wire.example.org/fr/xi-paris", "Xi Jinping reçu à Paris",
				"lun., 6 mai 2024 18:00:00", "Example World Wire", "", "html", "<p>Emmanuel Macron a reçu"},
		}, []string{"news.rss#4: feed item has no text"}},
		{"testdata/feed/news.atom", []doc{
			{"#1", "https://elections.example.org/south-africa-2024", "South Africa votes in general election",
				"2024-05-29T20:00:00Z", "Example Election Desk", "en", "html", "<p>JOHANNESBURG - South Africans voted"},
			{"#2", "https://elections.example.org/mexico-2024", "Mexico elects Claudia Sheinbaum",
				"2024-06-03T06:00:00Z", "Example Election Desk", "en", "text", "Mexican voters elected Claudia Sheinbaum"},
		}, nil},
		{"testdata/feed/news.rdf", []doc{
			{"#1", "https://uk.example.org/election-2024", "United Kingdom holds general election",
				"2024-07-04T22:00:00Z", "Example UK Desk", "en", "text", "Voters in the United Kingdom went to the polls"},
		}, nil},
		{"testdata/feed/news.json", []doc{
			{"#1", "https://asia.example.org/modi-third-term", "Modi sworn in for a third term",
				"2024-06-09T14:00:00Z", "Example South Asia Desk", "en", "html", "<p>NEW DELHI - Narendra Modi was sworn in"},
		}, nil},
		{"testdata/feed/truncated.rss", nil, []string{"testdata/feed/truncated.rss: malformed feed"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := collect(t, []string{tt.path}, "")
			if len(r.docs) != len(tt.docs) || len(r.errs) != len(tt.errs) {
				t.Fatalf("docs %s errors %v; want %d and %d", uris(r.docs), r.errs, len(tt.docs), len(tt.errs))
			}
			for i, w := range tt.docs {
				d := r.docs[i]
				got := doc{strings.TrimPrefix(d.URI, tt.path), d.URL, d.Title, d.Published, d.Source, d.Lang, d.Format, string(d.Body)}
				w.body = got.body[:min(len(got.body), len(w.body))] // compare the start of the body
				if got.body != w.body && !strings.HasPrefix(got.body, w.body) {
					t.Errorf("item %d body %q", i+1, got.body)
				}
				got.body = w.body
				if got != w {
					t.Errorf("item %d:\n got %+v\nwant %+v", i+1, got, w)
				}
			}
			for i, w := range tt.errs {
				if !strings.Contains(r.errs[i].Error(), w) {
					t.Errorf("error %q, want %q", r.errs[i], w)
				}
			}
		})
	}
}

func TestFeedItemErrorIs(t *testing.T) {
	r := collect(t, []string{"testdata/feed/news.rss"}, "")
	if len(r.errs) != 1 || !errors.Is(r.errs[0], ErrNoItemText) {
		t.Fatalf("errors %v, want ErrNoItemText", r.errs)
	}
}

func TestSniffFeeds(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"a.txt", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "feed"},
		{"a", "\xEF\xBB\xBF  <rss>", "feed"},
		{"a", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, "feed"},
		{"a", "<?xml version='1.0'?>\n<?xml-stylesheet href='a.xsl'?>\n<!-- note -->\n<!DOCTYPE rss>\n<rss>", "feed"},
		{"a", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, "feed"},
		{"a", `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`, "feed"},
		{"a.html", `<html><body><p>A page that links <a href="/rss">our RSS feed</a>.</p></body></html>`, "html"},
		{"a", `<!DOCTYPE html><html><rss>`, "html"},
		{"a", `<rsstext>not a feed</rsstext>`, "text"},
		{"a", `<?xml version="1.0"?><urlset></urlset>`, "text"},
		{"a.xml", `<?xml version="1.0"?><urlset></urlset>`, "feed"}, // by the extension; Parse then refuses it
		{"a", `{"version": "https://jsonfeed.org/version/1", "items": []}`, "jsonfeed"},
		{"a", `{"title": "x", "version": "https://jsonfeed.org/version/1.1", "items": []}`, "jsonfeed"},
		{"a", `{"text": "A JSON record, not a feed", "version": "2"}`, "jsonl"},
		{"a", `<?xml version="1.0"`, "text"},
	}
	for _, tt := range tests {
		f, err := Sniff(tt.name, []byte(tt.body))
		if err != nil || f.Name != tt.want {
			t.Errorf("Sniff(%q, %q) = %v, %v; want %s", tt.name, tt.body, f, err, tt.want)
		}
	}
}

// FuzzFeedSniff checks that feed sniffing never panics, agrees with Sniff, and that whatever it claims is
// parsed into exactly one of a document and an error per result.
func FuzzFeedSniff(f *testing.F) {
	for _, p := range []string{"testdata/feed/news.rss", "testdata/feed/news.atom", "testdata/feed/news.rdf",
		"testdata/feed/news.json", "testdata/feed/truncated.rss"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<?xml version='1.0'?><!-- x --><rss><channel><item><description>a b</description></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		claimed := sniffFeed(b[:min(len(b), sniffLen)]) || sniffJSONFeed(b[:min(len(b), sniffLen)])
		if !claimed {
			return
		}
		if fm, err := Sniff("fuzz", b); err == nil && fm.Name != "feed" && fm.Name != "jsonfeed" {
			t.Fatalf("sniffFeed claims %q but Sniff says %s", b, fm.Name)
		}
		for d, err := range parseFeed("fuzz", b) {
			if (d == nil) == (err == nil) {
				t.Fatalf("want exactly one of document and error: %v %v", d, err)
			}
			var ie *dyad.InputError
			if err != nil && !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
		}
	})
}
