package sqlite

import "database/sql"

// A dated candidate question (dyad.CandidateQuery.ByCoding) keeps, of each event, the first mention of each
// class (its date and its coding People aside) and the undated ones (scanMentionsByCoding). Migration 0017
// flagged those rows for a partial index, and 0018 drops the flags again: at 50,000 articles the flagged read
// saved less than the saver spent keeping them (docs/benchmarks.md, session 28).

// classKey is a dated mention's class within its event: its own date and its stored coding without People
// (codingClass), and whether it has a coding at all.
type classKey struct {
	date, coding string
	coded        bool
}

// classOf is the class of a mention dated date with the stored coding c.
func classOf(date string, c sql.NullString) classKey {
	return classKey{date: date, coding: codingClass(c), coded: c.Valid}
}
