package coder

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"testing"
)

// TestEventIDStable: an event's id is the first 8 bytes of the SHA-1 of "article|start|code|src|tgt", as stores
// written by earlier versions hold it.
func TestEventIDStable(t *testing.T) {
	for _, c := range []struct {
		article        string
		start          int
		code, src, tgt string
	}{
		{"a1", 0, "042", "USA", "CHN"},
		{"9f1c0d2e3b4a59687766554433221100ffeeddcc", 123456, "stmt", "s-17", "warned"},
		{"", 7, "", "", ""},
		{"Ärzte|ohne", 42, "1431", "DEU", "ΕΛΛ"},
	} {
		h := sha1.Sum(fmt.Appendf(nil, "%s|%d|%s|%s|%s", c.article, c.start, c.code, c.src, c.tgt))
		if want, got := hex.EncodeToString(h[:8]), eventID(c.article, c.start, c.code, c.src, c.tgt); got != want {
			t.Errorf("eventID(%q, %d, %q, %q, %q) = %s, want %s", c.article, c.start, c.code, c.src, c.tgt, got, want)
		}
	}
}
