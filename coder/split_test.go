package coder

import (
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

func newSplitterForTest() (*text.Splitter, error) { return text.NewSplitter(packs.Default()) }
