package extract_test

import (
	"fmt"
	"log"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/packs"
)

func ExampleExtractor_Extract() {
	x, err := extract.New(packs.Default())
	if err != nil {
		log.Fatal(err)
	}
	body := "date 2024-05-02 Brazil and Argentina sign energy deal\n\n" +
		"BRASILIA (Reuters) - The presidents of Brazil and Argentina signed an agreement on gas supplies on Thursday, " +
		"the two governments said in a joint statement.\n\nComments (2)\n\nRelated\n\nAnother story about gas\n"
	a, err := x.Extract(&dyad.Document{URI: "example.txt", Body: []byte(body)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Lang, a.Published, a.PublishedFrom, a.Dateline, a.Source)
	fmt.Println(a.Text)
	// Output:
	// Brazil and Argentina sign energy deal
	// en 2024-05-02 header BRASILIA Reuters
	// BRASILIA (Reuters) - The presidents of Brazil and Argentina signed an agreement on gas supplies on Thursday, the two governments said in a joint statement.
}
