package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func TestBigHTMLTmp(t *testing.T) {
	x := extractor(t)
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d of a long page about the talks between two ministers in the capital, with <a href='/x'>a link</a>.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	start := time.Now()
	a, err := x.Extract(&dyad.Document{URI: "big.html", Format: "html", Body: []byte(b.String())})
	if err == nil {
		t.Log(time.Since(start), len(a.Text), len(a.Paragraphs))
	} else {
		t.Log(time.Since(start), err)
	}
	s := "<html><body>" + strings.Repeat("<script>var a = '"+strings.Repeat("x", 1000)+"';</script>", 4000) + "</body></html>"
	start = time.Now()
	_, err = x.Extract(&dyad.Document{URI: "scripts.html", Format: "html", Body: []byte(s)})
	t.Log(time.Since(start), err)
}
