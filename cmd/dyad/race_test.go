//go:build race

package main

// raceEnabled is true under the race detector, which slows the pipeline tenfold: TestQueueOrderedEqualsLocal
// takes a smaller corpus then (the concurrent paths are the same).
const raceEnabled = true
