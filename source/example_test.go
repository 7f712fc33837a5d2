package source_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dyad-events/dyad/source"
)

func ExampleOpen() {
	src := source.Open([]string{"testdata/records.jsonl"}, os.Stdin)
	for doc, err := range src.Documents(context.Background()) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(doc.URI, doc.Format, doc.Title)
	}
	// Output:
	// testdata/records.jsonl#1 text Japan and Korea resume talks
	// error: testdata/records.jsonl#2: malformed JSON at byte 54: unexpected end of JSON input
	// testdata/records.jsonl#3 html Le Maroc et l'Espagne signent un accord
	// error: testdata/records.jsonl#4: record has neither "text" nor "html"
	// error: testdata/records.jsonl#5: not a JSON object: starts with "[1,2]"
	// error: testdata/records.jsonl#6: field "text" must be a string, not number
}
