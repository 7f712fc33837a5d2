package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// go-trafilatura (v1.12.2, external.go) runs go-readability on a copy of every page (dom-distiller too
// when go-readability finds nothing) and keeps its own extraction unless the candidate is "usable", a
// test of lengths alone: usable when longer than twice its own, or, when of half to twice its length and
// over 500 characters, if its own holds no paragraph text or more tables than paragraphs; the test ends at
// the first candidate not taken once its own text has 250 characters. A candidate is made of the page's
// text, so it is no longer than the page's text counted generously (maxText); and a stand-in candidate of
// exactly that length that go-trafilatura does not take shows that the real one would not be taken either
// (a shorter candidate is taken only where a longer one is, except one of the very length of the
// extraction). trafilaturaMain hands go-trafilatura such a stand-in, made of a character that marks it,
// and runs go-readability only when the stand-in was taken.

// fallbackBorderText is the length above which a candidate of about the extraction's length may replace
// it (go-trafilatura's MinExtractedSize, 250, twice); a stand-in longer than it that is not taken shows the
// extraction is over 250 characters, the length that ends go-trafilatura's test.
const fallbackBorderText = 500

// fallbackMark is the character a stand-in candidate is made of: a private-use character, so that a text
// holding it is, nearly always, the stand-in (a page's own, from an icon font, only costs a second run).
const fallbackMark = '\ue000'

// pageText measures root: maxText, every text node's non-space characters and words (each word and a
// space after it), at least the length of any text go-trafilatura or go-readability make of the page's
// text; paraText, the same over the text inside the body's <p> elements.
func pageText(root *html.Node) (maxText, paraText int) {
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		switch n.Type {
		case html.TextNode:
			k := textBound(n.Data)
			maxText += k
			if inP {
				paraText += k
			}
		case html.ElementNode:
			if n.Data == "p" {
				inP = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inP)
		}
	}
	walk(root, false)
	return maxText, paraText
}

// textBound is the non-space characters of s plus its words: the most s adds to a text that joins
// pieces with single spaces.
func textBound(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		n++
		if !inWord {
			n++
			inWord = true
		}
	}
	return n
}

// trafilaturaMain is go-trafilatura's ExtractDocument of root (the parse of body) with opts, without
// go-readability's work where its candidate could not be taken. A page whose paragraphs hold less than
// five ninths of its text (most real pages: menus, links, comments), where a stand-in of the page's length
// would often be taken and the extraction made twice, goes to go-trafilatura as it is.
func trafilaturaMain(root *html.Node, body []byte, opts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	maxText, paraText := pageText(root)
	if 5*maxText > 9*paraText || paraText == 0 {
		return trafilatura.ExtractDocument(root, opts)
	}
	n := max(maxText, fallbackBorderText+1)
	stand := &html.Node{Type: html.ElementNode, Data: "div"}
	stand.AppendChild(&html.Node{Type: html.TextNode, Data: strings.Repeat(string(fallbackMark), n)})
	quick := opts
	quick.FallbackCandidates = &trafilatura.FallbackCandidates{
		Readability: stand,
		Distiller:   &html.Node{Type: html.ElementNode, Data: "div"}, // not reached: the stand-in ends the test
	}
	res, err := trafilatura.ExtractDocument(root, quick)
	if err == nil && res != nil && !strings.ContainsRune(res.ContentText, fallbackMark) {
		return res, nil
	}
	again, perr := html.Parse(bytes.NewReader(body))
	if perr != nil {
		return nil, perr
	}
	return trafilatura.ExtractDocument(again, opts)
}
