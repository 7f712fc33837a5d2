-- dyad SQLite schema, version 10: MinHash signatures and LSH bands keyed by the article's rowid (articles.rid,
-- which only grows) instead of its 32-letter id. A signature is appended at the end of its table instead of
-- inserted at a random place, and a band row is about a third the size (a band and a small integer), so the
-- 32 random inserts of each article's bands touch fewer pages, which the save then writes to the WAL.
CREATE TABLE signatures_new (
	rid               INTEGER PRIMARY KEY, -- articles.rid
	article_id        TEXT NOT NULL,
	minhash           BLOB NOT NULL, -- little-endian uint32s
	bands             BLOB NOT NULL  -- little-endian uint64s
);
INSERT INTO signatures_new (rid, article_id, minhash, bands)
	SELECT a.rid, s.article_id, s.minhash, s.bands FROM signatures s JOIN articles a ON a.id = s.article_id ORDER BY a.rid;

CREATE TABLE bands_new (
	band              INTEGER NOT NULL, -- the uint64 band hash as a signed 64-bit integer
	rid               INTEGER NOT NULL, -- articles.rid
	PRIMARY KEY (band, rid)
) WITHOUT ROWID;
INSERT INTO bands_new (band, rid)
	SELECT b.band, a.rid FROM bands b JOIN articles a ON a.id = b.article_id ORDER BY 1, 2;

DROP TABLE bands;
DROP TABLE signatures;
ALTER TABLE signatures_new RENAME TO signatures;
ALTER TABLE bands_new RENAME TO bands;
