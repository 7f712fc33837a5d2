package dyad

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// A file name with a newline or a terminal escape cannot forge a line or colour the terminal where the error
// is shown: the name is quoted, and the copy an *os.PathError carries is escaped too.
func TestInputErrorEscapesNames(t *testing.T) {
	name := "news\n\x1b[31mdyad ingest: all fine\xff.txt"
	_, err := os.Open(name)
	got := (&InputError{URI: name, Err: fmt.Errorf("no such file: %w", err)}).Error()
	if strings.ContainsAny(got, "\n\x1b") || !strings.HasPrefix(got, `"news\n\x1b[31mdyad ingest: all fine\xff.txt": `) {
		t.Errorf("got %q", got)
	}
	if strings.Count(got, `\x1b`) != 2 {
		t.Errorf("the wrapped copy of the name is not escaped: %q", got)
	}
	plain := (&InputError{URI: "sample/fr/élection.txt", Err: errors.New("empty file")}).Error()
	if plain != "sample/fr/élection.txt: empty file" {
		t.Errorf("a printable name is shown as it is: %q", plain)
	}
}
