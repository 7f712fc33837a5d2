//go:build nolingua

package extract

// newBackup returns no backup detector: this build leaves lingua out.
func newBackup([]string) detector { return nil }
