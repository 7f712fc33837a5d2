package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// TestBrowserMap checks the map page in headless chromium: the basemap and one marker per place are drawn
// (with Leaflet when build.sh has vendored it, as inline SVG otherwise), the filters apply, clicking a marker
// lists that place's events with the place name's markup shown as text, and the page asks nothing of any
// other host (the basemap ships with the build).
func TestBrowserMap(t *testing.T) {
	bin := chromium(t)
	st := openBrowserStore(t)
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()

	markers := func(p *seen) map[string]string {
		out := map[string]string{}
		for _, n := range findAll(p.root, func(n *html.Node) bool { return hasClass(n, "marker") && attr(n, "data-place") != "" }) {
			out[attr(n, "data-place")] = attr(n, "class")
		}
		return out
	}
	t.Run("markers", func(t *testing.T) {
		p := parsePage(t, browse(t, bin, srv.URL+"/#/map", ""))
		m := markers(p)
		if len(m) != 2 || !strings.Contains(m["1816670"], "q1") || !strings.Contains(m["3530597"], "q3") {
			t.Errorf("markers %v; want Beijing (q1) and Mexico City (q3): %s", m, p.text)
		}
		box := find(p.root, func(n *html.Node) bool { return hasClass(n, "map") })
		if box == nil {
			t.Fatalf("no map: %s", p.text)
		}
		if paths := findAll(box, func(n *html.Node) bool { return n.Data == "path" }); len(paths) < 150 {
			t.Errorf("the basemap has %d paths; want the 177 countries", len(paths))
		}
		if !strings.Contains(p.text, "Natural Earth") || !strings.Contains(p.text, "2 places") {
			t.Errorf("map page: %s", p.text)
		}
	})
	t.Run("filters", func(t *testing.T) {
		p := parsePage(t, browse(t, bin, srv.URL+"/#/map?code=04&from=2025-01-01", ""))
		if m := markers(p); len(m) != 1 || m["1816670"] == "" {
			t.Errorf("markers with code=04: %v; want Beijing only", m)
		}
	})
	t.Run("click", func(t *testing.T) {
		opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
			chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
		actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
		defer cancel()
		ctx, cancel := chromedp.NewContext(actx)
		defer cancel()
		ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		var mu sync.Mutex
		var foreign []string
		err := chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*network.EventRequestWillBeSent); ok {
				u := e.Request.URL
				if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") {
					mu.Lock()
					foreign = append(foreign, u)
					mu.Unlock()
				}
			}
		})
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		marker := `.map [data-place="3530597"]`
		err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/#/map"), chromedp.WaitVisible(marker), chromedp.Click(marker),
			chromedp.WaitVisible(`.placepanel ol.placeevents`))
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		dom, err := chromedp.Run(ctx, chromedp.OuterHTML("html"))
		if err != nil {
			t.Fatal(err)
		}
		hash, err := chromedp.Run(ctx, chromedp.Evaluate[string]("location.hash"))
		if err != nil {
			t.Fatal(err)
		}
		p := parsePage(t, dom)
		panel := find(p.root, func(n *html.Node) bool { return hasClass(n, "placepanel") })
		if panel == nil {
			t.Fatal("no event panel")
		}
		text := textOf(panel)
		if !strings.Contains(text, "Mexico City <img src=x onerror=alert(3)>") {
			t.Errorf("the place name is not shown as text: %s", text)
		}
		if !strings.Contains(text, "The United States threatened Mexico with new tariffs") || strings.Contains(text, "Liu Jianchao") {
			t.Errorf("the panel lists %q; want the USA-MEX threat only", text)
		}
		if imgs := findAll(p.root, func(n *html.Node) bool { return n.Data == "img" && attr(n, "src") == "x" }); len(imgs) > 0 {
			t.Error("the place name's markup became an <img> element")
		}
		if !strings.Contains(hash, "sel=3530597") {
			t.Errorf("location.hash %q does not record the chosen place", hash)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(foreign) > 0 {
			t.Errorf("the map page asked other hosts: %v", foreign)
		}
	})
	if *screenshots {
		browse(t, bin, srv.URL+"/#/map?sel=1816670", filepath.Join("..", "docs", "screenshots", "map.png"))
	}
}
