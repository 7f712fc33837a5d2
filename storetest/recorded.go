package storetest

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad"
)

// RecordedBatches reads the batches `dyad bench --records FILE` wrote: the records of the realistic
// corpus as linked, one []*dyad.Record a batch, in the order the store saved them.
func RecordedBatches(path string) ([][]*dyad.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := gob.NewDecoder(f)
	var batches [][]*dyad.Record
	for {
		var b []*dyad.Record
		if err := dec.Decode(&b); errors.Is(err, io.EOF) {
			return batches, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: batch %d: %w", path, len(batches)+1, err)
		}
		batches = append(batches, b)
	}
}
