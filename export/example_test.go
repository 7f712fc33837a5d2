package export_test

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
)

func ExampleCSVRecord() {
	ev := &dyad.Event{
		ID: "ev1", Date: "2025-02-18", DatePrecision: "day", Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9,
		Source: dyad.EventActor{Code: "VNMGOV", Name: "Vietnam", Country: "VNM", Sector: "GOV"},
		Target: dyad.EventActor{Code: "CHN", Name: "China", Country: "CHN"},
	}
	rec := export.CSVRecord(ev, "https://example.org/a")
	for i, col := range export.CSVColumns[:8] {
		fmt.Printf("%s=%s\n", col, rec[i])
	}
	// Output:
	// GlobalEventID=ev1
	// Day=20250218
	// MonthYear=202502
	// Year=2025
	// FractionDate=2025.1342
	// Actor1Code=VNMGOV
	// Actor1Name=Vietnam
	// Actor1CountryCode=VNM
}
