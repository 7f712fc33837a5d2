package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/source"
)

// Errors of Extract, wrapped in a *dyad.InputError that names the document.
var (
	ErrNoText      = errors.New("no text left after removing crawl noise")
	ErrNoMainText  = errors.New("no main text found in the HTML page (only scripts, menus or boilerplate)")
	ErrInvalidUTF8 = errors.New("body is not valid UTF-8")
	ErrContainer   = errors.New("a JSON record set, not one document: read it with source.Open")
)

// Extractor turns documents into articles. It is safe for concurrent use.
type Extractor struct {
	clean    *cleaner
	agencies *agencies
	lang     *langID
	dates    *dates
}

// New loads and validates the extraction data of p: every <lang>/boilerplate, <lang>/stopwords,
// extract/boilerplate and extract/agencies. The error lists every problem, each naming file:line.
func New(p *packs.Set) (*Extractor, error) {
	x, errs := load(p, true)
	if len(errs) > 0 {
		return nil, fmt.Errorf("extract data: %w", errors.Join(errs...))
	}
	return x, nil
}

func load(p *packs.Set, withLingua bool) (*Extractor, []error) {
	c, errs := loadCleaner(p)
	a, e := loadAgencies(p)
	errs = append(errs, e...)
	l, e := loadLangID(p, withLingua)
	errs = append(errs, e...)
	return &Extractor{clean: c, agencies: a, lang: l, dates: newDates()}, errs
}

func init() {
	packs.RegisterChecker("extract", func(s *packs.Set) []error {
		_, errs := load(s, false)
		return errs
	})
}

// Published-date origins of dyad.Article.PublishedFrom.
const (
	FromMetadata = "metadata" // the document's own date field or HTML meta data
	FromHeader   = "header"   // a leading "date YYYY-MM-DD" line
	FromByline   = "byline"   // a timestamp line near the top
	FromDateline = "dateline" // a dateline that writes its year
)

// Extract cleans one document. A document with nothing left to read is an error naming it.
func (x *Extractor) Extract(doc *dyad.Document) (*dyad.Article, error) {
	fail := func(err error) error { return &dyad.InputError{URI: doc.URI, Err: err} }
	raw, format, meta, err := decode(doc)
	if err != nil {
		return nil, fail(err)
	}
	raw, headerDate := x.clean.headerDate(strings.TrimLeft(raw, " \t\n"))
	lines := strings.Split(raw, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(strings.ReplaceAll(l, "\t", " "))
	}
	var mdTitle string
	if format == "markdown" {
		mdTitle = markdown(lines)
	}
	lines, tail := x.clean.clean(lines)
	var credits []string
	for _, l := range lines {
		if c := x.credit(l); c != "" {
			credits = append(credits, c)
		}
	}
	paras := paragraphs(lines)
	if len(paras) == 0 {
		if format == "html" {
			return nil, fail(ErrNoMainText)
		}
		return nil, fail(ErrNoText)
	}

	a := &dyad.Article{URI: doc.URI, URL: dyad.NullString(doc.URL)}
	a.Title = firstOf(doc.Title, meta.title, mdTitle)
	if a.Title == "" && len(paras) > 1 && headline(paras[0]) && !x.hasDateline(paras[0]) {
		a.Title = paras[0]
	}
	a.Title = strings.Join(strings.Fields(norm.NFC.String(a.Title)), " ")
	if a.Title != "" && len(paras) > 1 && normalize(paras[0]) == normalize(a.Title) {
		paras = paras[1:]
	}

	// Language: the container's word, else the text's.
	l, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(doc.Lang, "_", "-")), "-") // "en-US" -> "en"
	if l != "" && contains(x.lang.langs, l) {
		a.Lang, a.LangConfidence = l, 1
	} else {
		a.Lang, a.LangConfidence = x.lang.detect(a.Title + "\n" + strings.Join(paras[:min(len(paras), 12)], "\n"))
	}

	paras, bylines, bylineDate := x.bylines(paras, a.Lang)
	for _, bl := range bylines { // "2023年12月04日 10:22 来源：新华社"
		f := strings.Fields(bl)
		for i := range f {
			if c := x.credit(strings.Join(f[i:], " ")); c != "" {
				credits = append(credits, c)
				break
			}
		}
	}
	a.Published, a.PublishedFrom = x.published(doc, a.Lang, meta.date, headerDate, bylineDate)

	place, agency, ddate := x.agencies.dateline(paras, x.clean.labels, x.clean.datelines)
	a.Dateline = dyad.NullString(place)
	if a.Published == "" {
		// A dateline that writes its year ("Hà Nội, ngày 13/11/2022 (TTXVN)") dates the story when nothing
		// else does.
		if d, ok := x.dates.parse(ddate, a.Lang); ok {
			a.Published, a.PublishedFrom = dyad.NullString(d), FromDateline
		}
	}
	a.Source = dyad.NullString(firstOf(doc.Source, agency, x.agencies.find(paras, bylines, credits),
		x.tailSource(tail), meta.site, host(doc.URL)))

	a.Text, a.Paragraphs = join(paras)
	// The short fields may be substrings of the decoded body or of the document: a copy of each lets a
	// large body go once the record is made, instead of being kept whole by a title.
	a.URI, a.URL, a.Title = strings.Clone(a.URI), dyad.NullString(strings.Clone(string(a.URL))), strings.Clone(a.Title)
	a.Source, a.Dateline = dyad.NullString(strings.Clone(string(a.Source))), dyad.NullString(strings.Clone(string(a.Dateline)))
	a.Published = dyad.NullString(strings.Clone(string(a.Published)))
	a.ID = textID(a.Text)
	return a, nil
}

// decode returns the text of a document (the main text of an HTML page), NFC, with plain line ends, its
// format and what an HTML page says about itself.
func decode(doc *dyad.Document) (raw, format string, meta pageMeta, err error) {
	body := bytes.TrimPrefix(doc.Body, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(body) {
		return "", "", meta, ErrInvalidUTF8
	}
	format = doc.Format
	if format == "" {
		f, err := source.Sniff(doc.URI, body)
		if err != nil {
			return "", "", meta, err
		}
		format = f.Name
	}
	if format == "jsonl" {
		return "", "", meta, ErrContainer
	}
	if format == "html" {
		if raw, meta, err = mainText(doc, body); err != nil {
			return "", "", meta, err
		}
	} else {
		raw = string(body) // (not for a page: its text is what go-trafilatura finds)
	}
	raw = norm.NFC.String(raw)
	if hasSpaceChars(raw) { // Replace copies the text twice even when it changes nothing
		raw = spaces.Replace(raw)
	}
	return raw, format, meta, nil
}

// spaceChars are the characters spaces replaces.
const spaceChars = "\r\u00a0\u2028\u2029\u200b\ufeff"

// hasSpaceChars is strings.ContainsAny(s, spaceChars) for valid UTF-8 s, in one pass over the bytes:
// ContainsAny looks each rune of s up in spaceChars (0.5% of the whole pipeline's CPU).
func hasSpaceChars(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			return true
		case 0xC2: // U+00A0
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return true
			}
		case 0xE2: // U+2028, U+2029, U+200B
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9 || s[i+2] == 0x8B) {
				return true
			}
		case 0xEF: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
				return true
			}
		}
	}
	return false
}

var spaces = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u2028", "\n", "\u2029", "\n\n",
	"\u200b", "", "\ufeff", "")

// bylines removes the short timestamp paragraphs near the top ("Xinhua) 10:22, December 04, 2023") and
// returns them with the first date they state.
func (x *Extractor) bylines(paras []string, lang string) (kept, bylines []string, date string) {
	for i := 0; i < len(paras) && i < 3 && len(paras) > 1; i++ {
		label := 0
		if len(paras[i]) <= maxByline { // byline reads no longer paragraph: its label is not looked for
			label = x.clean.bylineLabel(paras[i])
		}
		if d, ok := x.dates.byline(paras[i], lang, label); ok {
			bylines = append(bylines, paras[i])
			if date == "" {
				date = d
			}
			paras = append(paras[:i:i], paras[i+1:]...)
			i--
		}
	}
	return paras, bylines, date
}

// published picks the publication date: the document's own, the HTML page's, the date header, the byline.
func (x *Extractor) published(doc *dyad.Document, lang, metaDate, headerDate, bylineDate string) (dyad.NullString, string) {
	if doc.Published != "" {
		if d, ok := x.dates.parse(doc.Published, lang); ok {
			return dyad.NullString(d), FromMetadata
		}
	}
	if metaDate != "" {
		return dyad.NullString(metaDate), FromMetadata
	}
	if headerDate != "" {
		if d, ok := x.dates.parse(headerDate, lang); ok {
			return dyad.NullString(d), FromHeader
		}
	}
	if bylineDate != "" {
		return dyad.NullString(bylineDate), FromByline
	}
	return "", ""
}

// tailSource finds a signature or a credit below a cut "Related" tail.
func (x *Extractor) tailSource(tail []string) string {
	for i := len(tail) - 1; i >= 0; i-- {
		if s := x.agencies.signature(tail[i]); s != "" {
			return s
		}
		if c := x.credit(tail[i]); c != "" {
			if s := creditSource(x.agencies, []string{c}); s != "" {
				return s
			}
		}
	}
	return ""
}

func (x *Extractor) hasDateline(p string) bool {
	place, _, _ := x.agencies.dateline([]string{p}, x.clean.labels, x.clean.datelines)
	return place != ""
}

// host returns the host of a URL without "www.", or "".
func host(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// join writes paragraphs separated by blank lines and returns their spans.
// textID is the article id of a text: the first 16 bytes of its SHA-256, in hex. The text is hashed in
// chunks, not converted to one []byte: that would copy a large text whole.
func textID(text string) string {
	h := sha256.New()
	var buf [32 << 10]byte
	for s := text; len(s) > 0; {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func join(paras []string) (string, []dyad.Span) {
	var b strings.Builder
	n := 2 * len(paras)
	for _, p := range paras {
		n += len(p)
	}
	b.Grow(n) // one allocation: growing by doubling allocates about four times a large text
	spans := make([]dyad.Span, 0, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		spans = append(spans, dyad.Span{Start: b.Len(), End: b.Len() + len(p)})
		b.WriteString(p)
	}
	return b.String(), spans
}

// credit returns what a credit line names ("Bron: https://...", "Theo VOV"), or "". Without a colon only a
// known agency or a URL counts: "Theo ông Nam, ..." is a sentence.
func (x *Extractor) credit(line string) string {
	c, colon, ok := x.clean.credit(line)
	if !ok || c == "" {
		return ""
	}
	if !colon && x.agencies.named(c) == "" && !isURL(c) {
		return ""
	}
	return c
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// headline reports whether a first paragraph reads as a headline: short, several words, not a sentence.
func headline(p string) bool {
	if len(p) > 250 || utf8.RuneCountInString(p) < 8 {
		return false
	}
	n := len(strings.Fields(p))
	if n > 30 {
		return false
	}
	if n < 2 && utf8.RuneCountInString(p) < 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(".,;。，；", last) {
		return strings.HasSuffix(p, "...")
	}
	return true
}

// paragraphs joins lines into paragraphs: a blank line separates them, and each line of a block is its own
// paragraph unless the block is hard-wrapped text (lines of similar, middling length), whose lines are joined.
func paragraphs(lines []string) []string {
	var out, block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		if hardWrapped(block) {
			out = append(out, strings.Join(block, " "))
		} else {
			out = append(out, block...)
		}
		block = block[:0]
	}
	for _, l := range lines {
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

func hardWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	for _, l := range block[:len(block)-1] {
		if n := utf8.RuneCountInString(l); n < 40 || n > 100 {
			return false
		}
	}
	return true
}

// Markdown syntax, the same in every language.
var (
	mdHeading = regexp.MustCompile(`^#{1,6}\s+`)
	mdLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdEmph    = strings.NewReplacer("**", "", "__", "")
)

// markdown turns Markdown lines into plain lines in place (images are crawl noise rules) and returns the
// first heading.
func markdown(lines []string) string {
	title := ""
	for i, l := range lines {
		if h := mdHeading.FindString(l); h != "" {
			l = strings.TrimSpace(strings.TrimRight(l[len(h):], "# "))
			if title == "" {
				title = l
				l = ""
			}
		}
		if strings.Contains(l, "](") && !strings.Contains(l, "![") {
			l = mdLink.ReplaceAllString(l, "$1")
		}
		l = mdEmph.Replace(l)
		// A line in italics: "*Borgo Egnazia, 13 June 2024*" (a "* " list bullet stays).
		for _, m := range []string{"*", "_"} {
			if len(l) > 2 && strings.HasPrefix(l, m) && strings.HasSuffix(l, m) && l[1] != ' ' {
				l = strings.TrimSpace(l[1 : len(l)-1])
			}
		}
		lines[i] = l
	}
	return title
}

// pageMeta is what an HTML page says about itself.
type pageMeta struct {
	title, date, site string
}

// maxTrafilaturaTags is the number of '<' above which a page is not given to go-trafilatura, whose time grows
// with the square of the main text (measured: 8,000 '<' of paragraphs 0.4 s, 16,000 about 3 s, 70,000 most
// of a minute; 40,000 '<' of menus and 30 paragraphs 0.3 s). Such a page's <article>, <main> or <body> is
// read directly instead, without navigation, headers, footers and asides.
var maxTrafilaturaTags = 25000

// trafilaturaOptions are go-trafilatura's options for a page found at pageURL ("" if unknown).
func trafilaturaOptions(pageURL string) trafilatura.Options {
	// Dates come from the page's markup (meta tags, <time>, JSON-LD, the URL) but not from a search of its text,
	// which takes any date the article mentions, such as that of an event it recalls, for the publication
	// date; bylines in the text are read by our own rules after extraction.
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, Deduplicate: true,
		HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true}}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
			opts.OriginalURL = u
		}
	}
	return opts
}

// mainText finds the main text of an HTML page with go-trafilatura. A panic in the HTML libraries on a
// strange page becomes an error for that page.
func mainText(doc *dyad.Document, body []byte) (text string, meta pageMeta, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, meta, err = "", pageMeta{}, fmt.Errorf("%w: HTML reader failed: %v", ErrNoMainText, r)
		}
	}()
	if bytes.Count(body, []byte("<")) > maxTrafilaturaTags {
		return bigPage(body)
	}
	opts := trafilaturaOptions(doc.URL)
	// The body is UTF-8 already (the source decoded it): parse it as such, without charset sniffing that
	// would read a page declaring Latin-1 twice.
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return "", pageMeta{}, fmt.Errorf("%w: %v", ErrNoMainText, err)
	}
	res, err := trafilaturaMain(root, body, opts)
	if err == nil && res != nil && res.ContentNode != nil {
		text = nodeText(res.ContentNode)
	}
	if strings.TrimSpace(text) == "" {
		if err != nil {
			return "", pageMeta{}, fmt.Errorf("%w: %v", ErrNoMainText, err)
		}
		return "", pageMeta{}, ErrNoMainText
	}
	m := pageMeta{title: res.Metadata.Title, site: res.Metadata.Sitename}
	if !res.Metadata.Date.IsZero() {
		m.date = res.Metadata.Date.Format("2006-01-02")
	}
	return text, m, nil
}
