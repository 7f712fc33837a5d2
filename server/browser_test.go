package server

import (
	"bytes"
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
	"golang.org/x/net/html"
)

var screenshots = flag.Bool("screenshots", false, "write screenshots of the dashboard pages into ../docs/screenshots")

// chromium finds Debian's headless chromium. Without it the browser tests skip, except under CI=true.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found (apt-get install -y chromium); the browser tests must run in CI")
	}
	t.Skip("chromium not found; install it with apt-get install -y chromium")
	return ""
}

// browse runs headless chromium over url, lets the page's scripts run, and returns the DOM it ends with. With
// shot set it also writes a PNG screenshot there.
func browse(t *testing.T, bin, url, shot string) string {
	t.Helper()
	return browseSized(t, bin, url, shot, "1280,1000")
}

// browseSized is browse with a window size, "W,H".
func browseSized(t *testing.T, bin, url, shot, size string) string {
	t.Helper()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000", "--window-size=" + size,
		"--hide-scrollbars", "--run-all-compositor-stages-before-draw"}
	if shot != "" {
		args = append(args, "--screenshot="+shot)
	} else {
		args = append(args, "--dump-dom")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, stderr.String())
	}
	return stdout.String()
}

// seen is what a person sees of a dumped DOM: its visible text, and the elements to look into.
type seen struct {
	root *html.Node
	text string
}

func parsePage(t *testing.T, dom string) *seen {
	t.Helper()
	root, err := html.Parse(strings.NewReader(dom))
	if err != nil {
		t.Fatalf("parsing the DOM: %v", err)
	}
	p := &seen{root: root}
	main := find(root, func(n *html.Node) bool { return attr(n, "id") == "app" })
	if main == nil {
		t.Fatalf("no #app in the DOM:\n%.2000s", dom)
	}
	p.text = textOf(main)
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func findAll(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, findAll(c, ok)...)
	}
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "blockquote", "section", "dd", "dt":
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// rawText is the text under n as it is, spaces kept.
func rawText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(rawText(c))
	}
	return b.String()
}

func hasClass(n *html.Node, c string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+c+" ")
}

// TestBrowser drives headless chromium over the dashboard and checks what a person sees.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	st := openBrowserStore(t)
	fill(t, st)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()

	shots := ""
	if *screenshots {
		shots = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		route string
		check func(t *testing.T, p *seen)
	}{
		{"overview", "#/", func(t *testing.T, p *seen) {
			for _, w := range []string{"Overview", "Top dyads", "VNM:CHN", "USA:MEX", "Languages", "Sources", "Events over time by quad class"} {
				if !strings.Contains(p.text, w) {
					t.Errorf("overview lacks %q: %s", w, p.text)
				}
			}
			if find(p.root, func(n *html.Node) bool { return attr(n, "href") == "#/dyad/VNM%3ACHN" }) == nil {
				t.Error("overview has no link to the VNM:CHN dyad page")
			}
		}},
		{"dyad", "#/dyad/VNM:CHN", func(t *testing.T, p *seen) {
			rows := findAll(p.root, func(n *html.Node) bool {
				return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#/event/")
			})
			if len(rows) == 0 || !strings.Contains(p.text, "2025-02-18") || !strings.Contains(p.text, "Pham Thanh Binh") {
				t.Errorf("dyad page lists no VNM-CHN event: %s", p.text)
			}
			if strings.Contains(p.text, "Mexico") {
				t.Errorf("dyad page lists an event of another dyad: %s", p.text)
			}
			if !strings.Contains(p.text, "Volume and mean Goldstein per month") {
				t.Errorf("no chart section: %s", p.text)
			}
		}},
		{"event", "#/event/ev-vnm-chn-20250218", func(t *testing.T, p *seen) {
			groups := findAll(p.root, func(n *html.Node) bool { return hasClass(n, "langgroup") })
			langs := map[string]bool{}
			for _, g := range groups {
				if l := find(g, func(n *html.Node) bool { return hasClass(n, "lang") }); l != nil {
					langs[textOf(l)] = true
				}
			}
			if !langs["en"] || !langs["fr"] {
				t.Errorf("event page mention languages %v, want en and fr: %s", langs, p.text)
			}
			marks := findAll(p.root, func(n *html.Node) bool { return n.Data == "mark" })
			var sents []string
			for _, m := range marks {
				sents = append(sents, textOf(m))
			}
			joined := strings.Join(sents, "|")
			if !strings.Contains(joined, "a rencontré Liu Jianchao") || !strings.Contains(joined, "met Liu Jianchao") {
				t.Errorf("highlighted sentences %q lack the French and English mentions", joined)
			}
		}},
		{"article", "#/article/art-xss", func(t *testing.T, p *seen) {
			if !strings.Contains(p.text, "<script>alert('x')</script>") || !strings.Contains(p.text, "<b>bold</b>") {
				t.Errorf("article page does not show the markup as text: %s", p.text)
			}
			if !strings.Contains(p.text, "Tariff <script>alert(1)</script> threat") {
				t.Errorf("title markup not shown as text: %s", p.text)
			}
			for _, n := range findAll(p.root, func(n *html.Node) bool { return n.Data == "script" || n.Data == "b" }) {
				if n.Data == "b" || attr(n, "src") == "" {
					t.Errorf("article text became a <%s> element", n.Data)
				}
			}
			actors := findAll(p.root, func(n *html.Node) bool { return hasClass(n, "actor") && n.Data == "a" })
			var names []string
			for _, a := range actors {
				names = append(names, textOf(a))
			}
			if strings.Join(names, ",") != "United States,Mexico" {
				t.Errorf("actor highlights %q, want United States, Mexico", names)
			}
			body := find(p.root, func(n *html.Node) bool { return hasClass(n, "articletext") })
			if body == nil {
				t.Fatal("no article text")
			}
			var sent strings.Builder
			for _, n := range findAll(body, func(n *html.Node) bool { return hasClass(n, "evsent") }) {
				sent.WriteString(rawText(n))
			}
			if got := sent.String(); !strings.HasPrefix(got, "The United States threatened") || !strings.HasSuffix(got, "on March 3.") {
				t.Errorf("event sentence highlighted %q", got)
			}
		}},
		{"article with diacritics", "#/article/art-fr", func(t *testing.T, p *seen) {
			a := find(p.root, func(n *html.Node) bool { return hasClass(n, "actor") && n.Data == "a" })
			if a == nil || textOf(a) != "Phạm Thanh Bình" {
				t.Errorf("byte offsets misplaced on non-ASCII text: got %v", a)
			}
		}},
		{"search", "#/search?q=tariffs", func(t *testing.T, p *seen) {
			if !strings.Contains(p.text, "Tariff <script>alert(1)</script> threat") {
				t.Errorf("search page: %s", p.text)
			}
		}},
		{"claim", "#/claim/claim-priority", func(t *testing.T, p *seen) {
			if !strings.Contains(p.text, "top priority") || !strings.Contains(p.text, "2025-02-18") {
				t.Errorf("claim page: %s", p.text)
			}
		}},
		{"actor", "#/actor/VNMGOV", func(t *testing.T, p *seen) {
			if !strings.Contains(p.text, "As source") || !strings.Contains(p.text, "2025-02-18") {
				t.Errorf("actor page: %s", p.text)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dom := browse(t, bin, srv.URL+"/"+tt.route, "")
			p := parsePage(t, dom)
			if strings.Contains(p.text, "Error") && find(p.root, func(n *html.Node) bool { return hasClass(n, "error") }) != nil {
				t.Fatalf("page shows an error: %s", p.text)
			}
			tt.check(t, p)
			if shots != "" && !strings.Contains(tt.name, " ") {
				browse(t, bin, srv.URL+"/"+tt.route, filepath.Join(shots, tt.name+".png"))
				if tt.name == "event" {
					browseSized(t, bin, srv.URL+"/"+tt.route, filepath.Join(shots, tt.name+"-phone.png"), "390,844")
				}
			}
		})
	}
}

// TestScreenshotsSynthetic writes screenshots of the overview and a dyad page over a synthetic store, with
// -screenshots and DYAD_SCREENSHOT_DB set to a store made by synth (see bench_test.go).
func TestScreenshotsSynthetic(t *testing.T) {
	path := os.Getenv("DYAD_SCREENSHOT_DB")
	if !*screenshots || path == "" {
		t.Skip("needs -screenshots and DYAD_SCREENSHOT_DB")
	}
	bin := chromium(t)
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(New(db, Options{}))
	defer srv.Close()
	dyads, err := db.Counts(context.Background(), dyad.CountQuery{By: "dyad", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 1}}})
	if err != nil || len(dyads) == 0 {
		t.Fatalf("dyads: %v", err)
	}
	shots := filepath.Join("..", "docs", "screenshots")
	for name, route := range map[string]string{"synthetic-overview": "#/", "synthetic-dyad": "#/dyad/" + dyads[0].Key} {
		browse(t, bin, srv.URL+"/"+route, filepath.Join(shots, name+".png"))
	}
}
