package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start a new paragraph; the other tags are inline.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Main: true, atom.Aside: true, atom.Caption: true, atom.Address: true, atom.Body: true,
}

// nodeText renders an extracted HTML tree as plain text: one paragraph per block element, separated by blank
// lines, white space inside a paragraph collapsed, <br> as a line break.
func nodeText(n *html.Node) string {
	var paras []string
	var para strings.Builder
	flush := func() {
		if s := strings.TrimSpace(para.String()); s != "" {
			paras = append(paras, s)
		}
		para.Reset()
	}
	space := func() {
		if s := para.String(); s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			para.WriteByte(' ')
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t := n.Data
			if strings.TrimSpace(t) == "" {
				if t != "" {
					space()
				}
				return
			}
			if startsWithSpace(t) {
				space()
			}
			writeWords(&para, t)
			if endsWithSpace(t) {
				para.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if n.DataAtom == 0 {
				// Nodes built by go-trafilatura carry their tag name only.
				n.DataAtom = atom.Lookup([]byte(n.Data))
			}
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			case atom.Br:
				para.WriteByte('\n')
				return
			case atom.Td, atom.Th:
				space()
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(dropConcatenations(paras), "\n\n")
}

// writeWords writes the words of t (as strings.Fields splits it) to b with single spaces between them:
// strings.Join(strings.Fields(t), " ") without its slice and string.
func writeWords(b *strings.Builder, t string) {
	b.Grow(len(t)) // (one growth for the node's words, not one for each)
	start, sep := -1, false
	for i, r := range t {
		if unicode.IsSpace(r) {
			if start >= 0 {
				if sep {
					b.WriteByte(' ')
				}
				b.WriteString(t[start:i])
				start, sep = -1, true
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if sep {
			b.WriteByte(' ')
		}
		b.WriteString(t[start:])
	}
}

// dropConcatenations removes a paragraph that repeats a run of the paragraphs before it glued together:
// go-trafilatura adds such a copy when it falls back to its baseline extraction on a short page.
func dropConcatenations(paras []string) []string {
	if len(paras) < 3 || len(paras) > 200 {
		return paras
	}
	compact := func(s string) string { return strings.Join(strings.Fields(s), "") }
	// Removing white space commutes with joining valid UTF-8, so a run's compact form is its paragraphs'
	// compact forms end to end: compared piece by piece, from the nearest, once the lengths add up.
	cs := make([]string, len(paras))
	for i, p := range paras {
		if !utf8.ValidString(p) {
			return dropConcatenationsSlow(paras)
		}
		cs[i] = compact(p)
	}
	out := paras[:0:0]
	for i, p := range paras {
		c, dup := cs[i], false
		n := 0
		for j := i - 1; j >= 0 && n <= len(c) && !dup; j-- {
			n += len(cs[j])
			dup = j < i-1 && n == len(c) && runIs(c, cs[j:i])
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// runIs reports whether c is the strings of run end to end.
func runIs(c string, run []string) bool {
	for _, r := range run {
		if !strings.HasPrefix(c, r) {
			return false
		}
		c = c[len(r):]
	}
	return c == ""
}

// dropConcatenationsSlow is dropConcatenations by joining each run, for text that is not valid UTF-8.
func dropConcatenationsSlow(paras []string) []string {
	compact := func(s string) string { return strings.Join(strings.Fields(s), "") }
	out := paras[:0:0]
	for i, p := range paras {
		c, dup := compact(p), false
		for j := 0; j < i-1 && !dup; j++ {
			dup = c == compact(strings.Join(paras[j:i], ""))
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\n\r\f") != s }
func endsWithSpace(s string) bool   { return s != "" && strings.TrimRight(s, " \t\n\r\f") != s }

// skipTags hold no article text in a page read without go-trafilatura.
var skipTags = map[atom.Atom]bool{atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true, atom.Head: true}

// bigPage reads a page too big for go-trafilatura: the text of its first <article>, else <main>, else
// <body>, without navigation, headers, footers, asides and forms; the title from <title>.
func bigPage(body []byte) (string, pageMeta, error) {
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return "", pageMeta{}, err
	}
	var title string
	found := map[atom.Atom]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Article, atom.Main, atom.Body:
				if found[n.DataAtom] == nil {
					found[n.DataAtom] = n
				}
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = strings.TrimSpace(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	var main *html.Node
	for _, t := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if main = found[t]; main != nil {
			break
		}
	}
	if main == nil {
		return "", pageMeta{}, ErrNoMainText
	}
	prune(main)
	text := nodeText(main)
	if strings.TrimSpace(text) == "" {
		return "", pageMeta{}, ErrNoMainText
	}
	return text, pageMeta{title: title}, nil
}

// prune removes the skipTags elements under n.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && skipTags[c.DataAtom] {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}
