package sample_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// feedRecord is one line of a sample/feeds/*.jsonl file.
type feedRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Lang      string `json:"lang"`
}

// goldMention is one actor mention in testdata/gold/actors.jsonl.
type goldMention struct {
	Text        string `json:"text"`
	Type        string `json:"type"`
	Country     string `json:"country"`
	Sector      string `json:"sector"`
	Code        string `json:"code"`
	Person      string `json:"person"`
	Occurrence  int    `json:"occurrence"`
	Provisional bool   `json:"provisional"`
}

// goldSentence is one line of testdata/gold/actors.jsonl.
type goldSentence struct {
	ID       string        `json:"id"`
	Lang     string        `json:"lang"`
	Date     string        `json:"date"`
	Text     string        `json:"text"`
	Mentions []goldMention `json:"mentions"`
}

var (
	tagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
	articleRE = regexp.MustCompile(`(?s)<article>(.*?)</article>`)
	dateRE    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	fileRE    = regexp.MustCompile(`^(en|fr|nl|de|es|pt|it|vi|zh|ru)/\d{3}-[a-z0-9-]+\.(txt|md|html)$`)
)

// articleFiles lists the sample articles (not feeds, README or Go files), as slash paths.
func articleFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		p = filepath.ToSlash(p)
		if strings.HasPrefix(p, "feeds/") || p == "README.md" || strings.HasSuffix(p, ".go") {
			return nil
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatalf("walk sample: %v", err)
	}
	return out
}

func readFeed(t *testing.T, path string) []feedRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var recs []feedRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var r feedRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return recs
}

// bodyText returns the words a reader sees in one article.
func bodyText(name, raw string) string {
	if strings.HasSuffix(name, ".html") || strings.HasPrefix(strings.TrimSpace(raw), "<") {
		if m := articleRE.FindStringSubmatch(raw); m != nil {
			raw = m[1]
		}
		return html.UnescapeString(tagRE.ReplaceAllString(raw, " "))
	}
	return raw
}

// size counts words, or Han characters for Chinese, which has no spaces.
func size(lang, s string) int {
	if lang == "zh" {
		n := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n
	}
	return len(strings.Fields(s))
}

func checkSize(t *testing.T, name, lang, text string) {
	t.Helper()
	n := size(lang, text)
	lo, hi := 120, 330
	if lang == "zh" {
		lo, hi = 200, 600
	}
	if n < lo || n > hi {
		t.Errorf("%s: %d words (or Han characters), want %d-%d", name, n, lo, hi)
	}
}

func TestArticles(t *testing.T) {
	files := articleFiles(t)
	perLang := map[string]int{}
	html := 0
	for _, p := range files {
		if !fileRE.MatchString(p) {
			t.Errorf("%s: name does not follow <lang>/NNN-slug.txt|md|html", p)
			continue
		}
		lang := p[:2]
		perLang[lang]++
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		raw := string(b)
		checkSize(t, p, lang, bodyText(p, raw))
		if strings.HasSuffix(p, ".html") {
			html++
			for _, want := range []string{"<title>", `property="article:published_time"`, "<nav>", "<article>", "<footer>", "<script", "cookie"} {
				if !strings.Contains(raw, want) {
					t.Errorf("%s: HTML page lacks %s", p, want)
				}
			}
		}
	}
	feeds, _ := filepath.Glob("feeds/*.jsonl")
	if len(feeds) < 2 {
		t.Errorf("%d JSONL feeds, want at least 2", len(feeds))
	}
	for _, f := range feeds {
		recs := readFeed(t, f)
		if len(recs) < 2 {
			t.Errorf("%s: %d records, want several", f, len(recs))
		}
		for i, r := range recs {
			name := fmt.Sprintf("%s #%d", f, i+1)
			if r.URL == "" || r.Title == "" || r.Source == "" || r.Lang == "" || r.Published == "" {
				t.Errorf("%s: missing url, title, source, lang or published", name)
			}
			if (r.Text == "") == (r.HTML == "") {
				t.Errorf("%s: want exactly one of text and html", name)
			}
			perLang[r.Lang]++
			checkSize(t, name, r.Lang, bodyText(name, r.Text+r.HTML))
		}
	}
	if html < 5 {
		t.Errorf("%d HTML pages, want at least 5", html)
	}
	total := 0
	for lang, want := range map[string]int{"en": 3, "fr": 3, "nl": 3, "de": 3, "es": 3, "vi": 3, "pt": 2, "it": 2, "zh": 2, "ru": 2} {
		if perLang[lang] < want {
			t.Errorf("%s: %d articles, want at least %d", lang, perLang[lang], want)
		}
	}
	for _, n := range perLang {
		total += n
	}
	if total < 40 {
		t.Errorf("%d articles, want at least 40", total)
	}
}

func TestReadmeListsEveryFile(t *testing.T) {
	b, err := os.ReadFile("../docs/sample-corpus.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, p := range articleFiles(t) {
		if !strings.Contains(readme, "| "+p+" |") {
			t.Errorf("docs/sample-corpus.md has no table row for %s", p)
		}
	}
	feeds, _ := filepath.Glob("feeds/*.jsonl")
	for _, f := range feeds {
		for i := range readFeed(t, f) {
			row := fmt.Sprintf("| %s #%d |", filepath.ToSlash(f), i+1)
			if !strings.Contains(readme, row) {
				t.Errorf("docs/sample-corpus.md has no table row %q", row)
			}
		}
	}
}

func TestScriptIsText(t *testing.T) {
	b, err := os.ReadFile("pt/003-acordo-ue-mercosul.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<script>alert(1)</script>") {
		t.Error("the <script> test string is gone from pt/003")
	}
}

func TestGoldActors(t *testing.T) {
	path := filepath.Join("..", "testdata", "gold", "actors.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	types := map[string]bool{"country": true, "person": true, "organization": true, "igo": true, "group": true}
	ids := map[string]bool{}
	langs := map[string]bool{}
	mentions, empty := 0, 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if l := strings.TrimSpace(sc.Text()); l == "" || strings.HasPrefix(l, "#") {
			continue // comments and blank lines, as the gold format allows (eval.LoadGold)
		}
		var s goldSentence
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		where := fmt.Sprintf("%s:%d (%s)", path, n, s.ID)
		if s.ID == "" || ids[s.ID] {
			t.Errorf("%s: empty or repeated id", where)
		}
		ids[s.ID] = true
		langs[s.Lang] = true
		if !dateRE.MatchString(s.Date) {
			t.Errorf("%s: date %q is not YYYY-MM-DD", where, s.Date)
		}
		if len(s.Mentions) == 0 {
			empty++
		}
		for _, m := range s.Mentions {
			mentions++
			occ := max(m.Occurrence, 1)
			if strings.Count(s.Text, m.Text) < occ {
				t.Errorf("%s: %q does not occur %d time(s) in the text", where, m.Text, occ)
			}
			if !types[m.Type] {
				t.Errorf("%s: %q has type %q", where, m.Text, m.Type)
			}
			switch {
			case m.Type == "igo":
				if m.Country != "" || !strings.HasPrefix(m.Code, "IGO") {
					t.Errorf("%s: igo %q wants country \"\" and an IGO code, got %q %q", where, m.Text, m.Country, m.Code)
				}
			case m.Country == "":
				// an IGO official, or a group named only by its sector with nothing in the text to give it a
				// country ("farmers": the actor stage keeps the sector rather than guess)
				if m.Sector != "IGO" && (m.Type != "group" || m.Sector == "") {
					t.Errorf("%s: %q has no country and is neither an IGO official nor a sector-only group", where, m.Text)
				}
			case len(m.Country) != 3 || strings.ToUpper(m.Country) != m.Country:
				t.Errorf("%s: %q has country %q, want ISO alpha-3", where, m.Text, m.Country)
			}
			if m.Type == "country" && m.Sector != "" {
				t.Errorf("%s: country %q has sector %q", where, m.Text, m.Sector)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if mentions < 170 || len(langs) < 7 || empty < 20 {
		t.Errorf("gold has %d mentions in %d languages and %d sentences without actors; want 170, 7, 20", mentions, len(langs), empty)
	}
}
