//go:build race

package extract

// raceEnabled is true under the race detector, whose instrumentation allocates on its own account: the
// allocation bound of TestLargeTextAllocations is checked only without it.
const raceEnabled = true
