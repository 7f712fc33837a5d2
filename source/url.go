package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// HTTPClient fetches the http:// and https:// arguments of Open. Its timeout bounds each fetch, body
// included; replace it to use a proxy or other TLS settings.
var HTTPClient = &http.Client{Timeout: 30 * time.Second}

// UserAgent is the User-Agent header of every fetch.
const UserAgent = "dyad/0.1"

// ErrHTTPStatus is the reason for a URL answered with a status other than 2xx.
var ErrHTTPStatus = errors.New("HTTP status")

func isURL(p string) bool {
	l := strings.ToLower(p[:min(len(p), 8)])
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// fetch gets one URL and yields its documents: the items of a feed, or one page whose URL is set. The body is
// sniffed like a file, by content first, then by the extension of the URL's path or its Content-Type.
func fetch(ctx context.Context, u string, yield yieldFunc) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return yield(nil, inputErr(u, fmt.Errorf("bad URL: %w", err)))
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, text/html, "+
		"application/xhtml+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := HTTPClient.Do(req)
	if err != nil {
		return yield(nil, inputErr(u, fmt.Errorf("fetch: %w", err)))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return yield(nil, inputErr(u, fmt.Errorf("%w %s", ErrHTTPStatus, resp.Status)))
	}
	if resp.ContentLength > MaxSize {
		return yield(nil, inputErr(u, fmt.Errorf("%w: %d bytes, the limit is %d (source.MaxSize)", ErrTooLarge, resp.ContentLength, MaxSize)))
	}
	b, err := readLimited(resp.Body)
	if err != nil {
		return yield(nil, inputErr(u, err))
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String() // after redirects
	}
	mt, charset := mediaType(resp.Header.Get("Content-Type"))
	f, err := Sniff(urlName(final, mt), b)
	if err != nil {
		return yield(nil, inputErr(u, err))
	}
	if b, err = decodeCharset(f.Name, b, charset); err != nil {
		return yield(nil, inputErr(u, err))
	}
	for doc, err := range f.Parse(u, b) {
		if doc != nil && doc.URL == "" && doc.URI == u { // a page, not an item of a feed
			doc.URL = final
		}
		if !yield(doc, err) {
			return false
		}
	}
	return true
}

// mediaType returns the lower-case media type and charset of a Content-Type header.
func mediaType(ct string) (mt, charset string) {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", ""
	}
	return strings.ToLower(mt), params["charset"]
}

// typeExts gives an extension to a URL whose path has none, so that Sniff can fall back on it.
var typeExts = map[string]string{
	"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
	"application/json": ".json", "application/x-ndjson": ".jsonl", "application/rss+xml": ".rss",
	"application/atom+xml": ".atom", "application/feed+json": ".json", "application/warc": ".warc",
}

// urlName returns a file name for sniffing the body of rawURL: its path, with an extension from the media
// type when the path has none.
func urlName(rawURL, mt string) string {
	name := ""
	if pu, err := url.Parse(rawURL); err == nil {
		name = path.Base(pu.Path)
	}
	if name == "." || name == "/" {
		name = ""
	}
	if path.Ext(name) == "" {
		name += typeExts[mt]
	}
	return name
}

// decodeCharset decodes a text or HTML body that is not UTF-8 by the charset its container declares (an
// HTTP Content-Type). Feeds and JSON decode themselves; a body that is already UTF-8 is kept.
func decodeCharset(format string, b []byte, charset string) ([]byte, error) {
	if charset == "" || (format != "html" && format != "text" && format != "markdown") {
		return b, nil
	}
	return toUTF8(b, charset)
}

// webURL returns raw when it is an absolute http or https URL, else "": an article's URL is shown as a link,
// and a javascript: or data: URL there would run in the reader's browser.
func webURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return ""
	}
	return raw
}
