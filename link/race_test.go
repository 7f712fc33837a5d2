//go:build race

package link

// raceEnabled is true under the race detector, which slows the determinism tests tenfold: they take fewer
// records then (the concurrent paths are the same).
const raceEnabled = true
