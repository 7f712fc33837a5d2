-- dyad SQLite schema, version 1.
-- Lists (languages, speakers, concepts, paragraphs) are JSON text. Dates are TEXT (YYYY-MM-DD, YYYY-MM or
-- YYYY) or NULL when unknown, so that string order is date order and NULLs sort last in DESC lists.

CREATE TABLE articles (
	rid               INTEGER PRIMARY KEY,
	id                TEXT NOT NULL UNIQUE,
	uri               TEXT NOT NULL,
	url               TEXT,
	source            TEXT,
	source_fold       TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL,
	lang              TEXT NOT NULL,
	lang_confidence   REAL NOT NULL DEFAULT 0,
	published         TEXT,
	published_from    TEXT NOT NULL DEFAULT '',
	dateline          TEXT,
	text              TEXT NOT NULL,
	near_duplicate_of TEXT,
	paragraphs        TEXT NOT NULL DEFAULT '[]',
	ingested          TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_lang_published ON articles (lang, published);

-- External content: the index holds the titles and texts with the letters unicode61 does not fold mapped to
-- plain ones (đ -> d); snippet() reads the original text from articles, token positions being the same.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'rid',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE actor_mentions (
	article_id        TEXT NOT NULL REFERENCES articles (id),
	seq               INTEGER NOT NULL,
	span_start        INTEGER NOT NULL,
	span_end          INTEGER NOT NULL,
	text              TEXT NOT NULL,
	actor_id          TEXT NOT NULL,
	actor_name        TEXT NOT NULL,
	actor_type        TEXT NOT NULL,
	actor_country     TEXT NOT NULL DEFAULT '',
	actor_sector      TEXT NOT NULL DEFAULT '',
	actor_code        TEXT NOT NULL DEFAULT '',
	provisional       INTEGER NOT NULL DEFAULT 0,
	via               TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);

CREATE TABLE events (
	rid               INTEGER PRIMARY KEY,
	id                TEXT NOT NULL UNIQUE,
	key               TEXT NOT NULL DEFAULT '',
	date              TEXT,
	date_precision    TEXT NOT NULL DEFAULT '',
	date_inferred     INTEGER NOT NULL DEFAULT 0,
	source_code       TEXT NOT NULL DEFAULT '',
	source_name       TEXT NOT NULL DEFAULT '',
	source_actor_id   TEXT NOT NULL DEFAULT '',
	source_country    TEXT NOT NULL DEFAULT '',
	source_sector     TEXT NOT NULL DEFAULT '',
	target_code       TEXT NOT NULL DEFAULT '',
	target_name       TEXT NOT NULL DEFAULT '',
	target_actor_id   TEXT NOT NULL DEFAULT '',
	target_country    TEXT NOT NULL DEFAULT '',
	target_sector     TEXT NOT NULL DEFAULT '',
	code              TEXT NOT NULL,
	root              TEXT NOT NULL DEFAULT '',
	quad_class        INTEGER NOT NULL DEFAULT 0,
	goldstein         REAL NOT NULL DEFAULT 0,
	plover            TEXT NOT NULL DEFAULT '',
	location          TEXT,
	coder_version     TEXT NOT NULL DEFAULT '',
	num_mentions      INTEGER NOT NULL DEFAULT 0,
	num_articles      INTEGER NOT NULL DEFAULT 0,
	num_sources       INTEGER NOT NULL DEFAULT 0,
	languages         TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_key_date ON events (key, date);
-- Actor codes start with a three-letter country (or IGO) code: filters on a prefix of three letters or more
-- use these (with rowid last, they also give the newest-first order of Events without a sort).
CREATE INDEX events_source3_date ON events (substr(source_code, 1, 3), date);
CREATE INDEX events_target3_date ON events (substr(target_code, 1, 3), date);
CREATE INDEX events_dyad3_date ON events (substr(source_code, 1, 3), substr(target_code, 1, 3), date);
CREATE INDEX events_root_date ON events (root, date);
CREATE INDEX events_source_actor ON events (source_actor_id) WHERE source_actor_id <> '';
CREATE INDEX events_target_actor ON events (target_actor_id) WHERE target_actor_id <> '';

CREATE TABLE event_mentions (
	event_id          TEXT NOT NULL REFERENCES events (id),
	article_id        TEXT NOT NULL REFERENCES articles (id),
	span_start        INTEGER NOT NULL,
	span_end          INTEGER NOT NULL,
	lang              TEXT NOT NULL DEFAULT '',
	source            TEXT NOT NULL DEFAULT '',
	sentence          TEXT NOT NULL DEFAULT '',
	confidence        REAL NOT NULL DEFAULT 0,
	date              TEXT NOT NULL DEFAULT '',
	date_inferred     INTEGER NOT NULL DEFAULT 0,
	pattern           TEXT NOT NULL DEFAULT '',
	published         TEXT NOT NULL DEFAULT '',
	UNIQUE (event_id, article_id, span_start)
);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX event_mentions_lang ON event_mentions (lang, event_id);

CREATE TABLE statements (
	rid               INTEGER PRIMARY KEY,
	id                TEXT NOT NULL UNIQUE,
	article_id        TEXT NOT NULL REFERENCES articles (id),
	speaker_id        TEXT NOT NULL DEFAULT '',
	speaker_name      TEXT NOT NULL DEFAULT '',
	speaker_fold      TEXT NOT NULL DEFAULT '',
	speaker_type      TEXT NOT NULL DEFAULT '',
	speaker_country   TEXT NOT NULL DEFAULT '',
	speaker_sector    TEXT NOT NULL DEFAULT '',
	speaker_code      TEXT NOT NULL DEFAULT '',
	speaker_provisional INTEGER NOT NULL DEFAULT 0,
	verb              TEXT NOT NULL DEFAULT '',
	text              TEXT NOT NULL,
	lang              TEXT NOT NULL DEFAULT '',
	date              TEXT,
	claim_id          TEXT,
	span_start        INTEGER NOT NULL DEFAULT 0,
	span_end          INTEGER NOT NULL DEFAULT 0,
	source            TEXT NOT NULL DEFAULT '',
	direct            INTEGER NOT NULL DEFAULT 0,
	concepts          TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX statements_claim ON statements (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX statements_speaker_code ON statements (speaker_code);

CREATE TABLE claims (
	rid               INTEGER PRIMARY KEY,
	id                TEXT NOT NULL UNIQUE,
	label             TEXT NOT NULL,
	label_fold        TEXT NOT NULL,
	first             TEXT NOT NULL DEFAULT '',
	last              TEXT NOT NULL DEFAULT '',
	languages         TEXT NOT NULL DEFAULT '[]',
	speakers          TEXT NOT NULL DEFAULT '[]',
	concepts          TEXT NOT NULL DEFAULT '[]',
	count             INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE claim_concepts (
	concept           TEXT NOT NULL,
	claim_id          TEXT NOT NULL REFERENCES claims (id),
	PRIMARY KEY (concept, claim_id)
) WITHOUT ROWID;

CREATE TABLE signatures (
	article_id        TEXT PRIMARY KEY REFERENCES articles (id),
	minhash           BLOB NOT NULL, -- little-endian uint32s
	bands             BLOB NOT NULL  -- little-endian uint64s
) WITHOUT ROWID;

CREATE TABLE bands (
	band              INTEGER NOT NULL, -- the uint64 band hash as a signed 64-bit integer
	article_id        TEXT NOT NULL REFERENCES articles (id),
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
