package source

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func TestURLs(t *testing.T) {
	rss, err := os.ReadFile("testdata/feed/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.UserAgent())
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	})
	mux.HandleFunc("/news/summit", func(w http.ResponseWriter, r *http.Request) {
		// Latin-1, stated only by the HTTP header.
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<html><body><p>Le pr\xe9sident a re\xe7u son homologue \xe0 l'\xc9lys\xe9e.</p></body></html>"))
	})
	mux.HandleFunc("/note", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("The talks resumed on Monday."))
	})
	mux.Handle("/old", http.RedirectHandler("/news/summit", http.StatusMovedPermanently))
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("words and more words ", 300)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("too late"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer func(c *http.Client, m int64) { HTTPClient, MaxSize = c, m }(HTTPClient, MaxSize)
	HTTPClient = &http.Client{Timeout: 150 * time.Millisecond}
	MaxSize = 4000

	u := srv.URL
	r := collect(t, []string{u + "/feed", u + "/old", u + "/note", u + "/missing", u + "/big", u + "/slow"}, "")
	want := u + "/feed#1:html " + u + "/feed#2:text " + u + "/feed#3:html " + u + "/old:html " + u + "/note:text"
	if got := uris(r.docs); got != want {
		t.Fatalf("docs %s\nwant %s", got, want)
	}
	if r.docs[0].URL != "https://wire.example.org/asia/japan-philippines-raa" || r.docs[0].Source != "Example World Wire" {
		t.Errorf("feed item fields: %+v", r.docs[0])
	}
	page := r.docs[3]
	if page.URL != u+"/news/summit" || !strings.Contains(string(page.Body), "Le président a reçu son homologue à l'Élysée") {
		t.Errorf("page after a redirect: URL %s body %q", page.URL, page.Body)
	}
	if len(agents) != 1 || agents[0] != "dyad/0.1" {
		t.Errorf("User-Agent %q", agents)
	}
	wantErrs := []struct {
		text string
		is   error
	}{
		{u + "/feed#4: feed item has no text", ErrNoItemText},
		{u + "/missing: HTTP status 404 Not Found", ErrHTTPStatus},
		{u + "/big: file too large", ErrTooLarge},
		{u + "/slow: fetch: ", nil},
	}
	if len(r.errs) != len(wantErrs) {
		t.Fatalf("errors %v", r.errs)
	}
	for i, w := range wantErrs {
		if !strings.Contains(r.errs[i].Error(), w.text) || (w.is != nil && !errors.Is(r.errs[i], w.is)) {
			t.Errorf("error %q, want %q", r.errs[i], w.text)
		}
	}
}

func TestURLUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/feed"
	srv.Close()
	r := collect(t, []string{u, "http://[::1]:namedport/"}, "")
	if len(r.errs) != 2 || !strings.HasPrefix(r.errs[0].Error(), u+": fetch: ") ||
		!strings.Contains(r.errs[1].Error(), "bad URL") {
		t.Fatalf("errors %v", r.errs)
	}
	var ie *dyad.InputError
	if !errors.As(r.errs[0], &ie) || ie.URI != u {
		t.Fatalf("error %v does not name the URL", r.errs[0])
	}
}

func TestURLName(t *testing.T) {
	tests := []struct{ url, mt, want string }{
		{"https://x.org/feed.rss?x=1", "text/xml", "feed.rss"},
		{"https://x.org/", "text/html", ".html"},
		{"https://x.org/news/123", "application/json", "123.json"},
		{"https://x.org/news/123", "", "123"},
	}
	for _, tt := range tests {
		if got := urlName(tt.url, tt.mt); got != tt.want {
			t.Errorf("urlName(%q, %q) = %q, want %q", tt.url, tt.mt, got, tt.want)
		}
	}
}

// Only http and https URLs become an article's URL: it is shown as a link, where javascript: would run.
func TestArticleURLsAreWebURLs(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte(`{"url":"javascript:alert(1)","text":"A summit in Lima took place."}
{"url":" JavaScript:alert(1)","text":"A summit in Quito took place."}
{"url":"data:text/html,<script>x</script>","text":"A summit in Bogota took place."}
{"url":"HTTPS://example.org/a","text":"A summit in Caracas took place."}
`))
	feed := write(t, dir, "f.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>javascript:alert(1)</link><description>A summit in La Paz took place.</description></item>
<item><title>Two</title><link>http://example.org/two</link><description>A summit in Lima took place.</description></item>
</channel></rss>`))
	r := collect(t, []string{p, feed}, "")
	var got []string
	for _, d := range r.docs {
		got = append(got, d.URL)
	}
	if want := "|||HTTPS://example.org/a||http://example.org/two"; strings.Join(got, "|") != want {
		t.Errorf("URLs %q, want %q (errors %v)", strings.Join(got, "|"), want, r.errs)
	}
}
