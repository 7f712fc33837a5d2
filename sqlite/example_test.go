package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

func Example() {
	dir, err := os.MkdirTemp("", "dyad")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "dyad.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	rec := &dyad.Record{Article: dyad.Article{ID: "a1", URI: "notes.txt", Title: "Talks in Đà Nẵng", Lang: "en",
		Text: "Deputy Minister Phạm Thanh Bình opened the maritime talks in Đà Nẵng on Monday."}}
	for range 2 {
		stored, err := db.Save(ctx, rec)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("stored:", stored)
	}
	hits, err := db.Search(ctx, "pham AND binh", dyad.Page{})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range hits {
		fmt.Println(h.Article.ID, h.Snippet)
	}
	// Output:
	// stored: true
	// stored: false
	// a1 Deputy Minister [Phạm] Thanh [Bình] opened the maritime talks in Đà Nẵng on Monday.
}
