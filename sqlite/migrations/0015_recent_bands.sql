-- dyad SQLite schema, version 15: the LSH bands of the newest articles are kept in a small table of their own
-- and moved into bands, in key order, once it holds recentBands rows (sqlite/save.go). An article's 32 band
-- hashes fall at random leaves of the bands b-tree, so a batch's inserts dirtied nearly every leaf of a large
-- table, and the pages each commit wrote to the WAL grew with the store; moved many batches' worth at a time,
-- each leaf is written once for all of them. A lookup asks both tables.
CREATE TABLE IF NOT EXISTS bands_recent (
	band              INTEGER NOT NULL, -- the uint64 band hash as a signed 64-bit integer
	rid               INTEGER NOT NULL, -- articles.rid
	PRIMARY KEY (band, rid)
) WITHOUT ROWID;
