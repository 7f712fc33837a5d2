-- dyad PostgreSQL schema, version 1.
-- Codes, ids and dates are COLLATE "C" so that prefix ranges use the indexes and sort byte-wise, as in
-- SQLite. Dates are text (YYYY-MM-DD, YYYY-MM or YYYY), NULL when unknown.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Full text: the simple parser, words folded by unaccent then lower-cased ("Phạm", "Đà" -> "pham", "da").
CREATE TEXT SEARCH CONFIGURATION dyad_fts (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION dyad_fts
	ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;

CREATE TABLE articles (
	rid               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id                text COLLATE "C" PRIMARY KEY,
	uri               text NOT NULL,
	url               text,
	source            text,
	source_fold       text NOT NULL DEFAULT '',
	title             text NOT NULL,
	lang              text COLLATE "C" NOT NULL,
	lang_confidence   double precision NOT NULL DEFAULT 0,
	published         text COLLATE "C",
	published_from    text NOT NULL DEFAULT '',
	dateline          text,
	text              text NOT NULL,
	near_duplicate_of text,
	paragraphs        jsonb NOT NULL DEFAULT '[]',
	ingested          timestamptz NOT NULL,
	-- tsvector holds at most 1 MB: very long texts are indexed on their first 256 KB.
	fts               tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('dyad_fts', title), 'A') || setweight(to_tsvector('dyad_fts', left(text, 262144)), 'B')
	) STORED
);
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, rid DESC);
CREATE INDEX articles_lang_published ON articles (lang, published DESC NULLS LAST, rid DESC);
CREATE INDEX articles_fts ON articles USING gin (fts);
CREATE INDEX articles_source_trgm ON articles USING gin (source_fold gin_trgm_ops);

CREATE TABLE actor_mentions (
	article_id        text COLLATE "C" NOT NULL REFERENCES articles (id),
	seq               integer NOT NULL,
	span_start        integer NOT NULL,
	span_end          integer NOT NULL,
	text              text NOT NULL,
	actor_id          text COLLATE "C" NOT NULL,
	actor_name        text NOT NULL,
	actor_type        text NOT NULL,
	actor_country     text NOT NULL DEFAULT '',
	actor_sector      text NOT NULL DEFAULT '',
	actor_code        text COLLATE "C" NOT NULL DEFAULT '',
	provisional       boolean NOT NULL DEFAULT false,
	via               text NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);

CREATE TABLE events (
	rid               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id                text COLLATE "C" PRIMARY KEY,
	key               text COLLATE "C" NOT NULL DEFAULT '',
	date              text COLLATE "C",
	date_precision    text NOT NULL DEFAULT '',
	date_inferred     boolean NOT NULL DEFAULT false,
	source_code       text COLLATE "C" NOT NULL DEFAULT '',
	source_name       text NOT NULL DEFAULT '',
	source_actor_id   text COLLATE "C" NOT NULL DEFAULT '',
	source_country    text COLLATE "C" NOT NULL DEFAULT '',
	source_sector     text NOT NULL DEFAULT '',
	target_code       text COLLATE "C" NOT NULL DEFAULT '',
	target_name       text NOT NULL DEFAULT '',
	target_actor_id   text COLLATE "C" NOT NULL DEFAULT '',
	target_country    text COLLATE "C" NOT NULL DEFAULT '',
	target_sector     text NOT NULL DEFAULT '',
	code              text COLLATE "C" NOT NULL,
	root              text COLLATE "C" NOT NULL DEFAULT '',
	quad_class        integer NOT NULL DEFAULT 0,
	goldstein         double precision NOT NULL DEFAULT 0,
	plover            text NOT NULL DEFAULT '',
	location          text,
	coder_version     text NOT NULL DEFAULT '',
	num_mentions      integer NOT NULL DEFAULT 0,
	num_articles      integer NOT NULL DEFAULT 0,
	num_sources       integer NOT NULL DEFAULT 0,
	languages         text[] COLLATE "C" NOT NULL DEFAULT '{}'
);
-- Events list newest first, undated last: every index ends with that order so that a LIMIT stops early.
CREATE INDEX events_date ON events (date DESC NULLS LAST, rid DESC);
CREATE INDEX events_key_date ON events (key, date);
CREATE INDEX events_source3_date ON events (substr(source_code, 1, 3), date DESC NULLS LAST, rid DESC);
CREATE INDEX events_target3_date ON events (substr(target_code, 1, 3), date DESC NULLS LAST, rid DESC);
CREATE INDEX events_dyad3_date ON events (substr(source_code, 1, 3), substr(target_code, 1, 3), date DESC NULLS LAST, rid DESC);
CREATE INDEX events_root_date ON events (root, date DESC NULLS LAST, rid DESC);
CREATE INDEX events_source_actor ON events (source_actor_id) WHERE source_actor_id <> '';
CREATE INDEX events_target_actor ON events (target_actor_id) WHERE target_actor_id <> '';

CREATE TABLE event_mentions (
	rid               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	event_id          text COLLATE "C" NOT NULL REFERENCES events (id),
	article_id        text COLLATE "C" NOT NULL REFERENCES articles (id),
	span_start        integer NOT NULL,
	span_end          integer NOT NULL,
	lang              text COLLATE "C" NOT NULL DEFAULT '',
	source            text COLLATE "C" NOT NULL DEFAULT '',
	sentence          text NOT NULL DEFAULT '',
	confidence        double precision NOT NULL DEFAULT 0,
	date              text NOT NULL DEFAULT '',
	date_inferred     boolean NOT NULL DEFAULT false,
	pattern           text NOT NULL DEFAULT '',
	published         text NOT NULL DEFAULT '',
	UNIQUE (event_id, article_id, span_start)
);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX event_mentions_lang ON event_mentions (lang, event_id);

CREATE TABLE statements (
	rid               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id                text COLLATE "C" PRIMARY KEY,
	article_id        text COLLATE "C" NOT NULL REFERENCES articles (id),
	speaker_id        text COLLATE "C" NOT NULL DEFAULT '',
	speaker_name      text COLLATE "C" NOT NULL DEFAULT '',
	speaker_fold      text NOT NULL DEFAULT '',
	speaker_type      text NOT NULL DEFAULT '',
	speaker_country   text NOT NULL DEFAULT '',
	speaker_sector    text NOT NULL DEFAULT '',
	speaker_code      text COLLATE "C" NOT NULL DEFAULT '',
	speaker_provisional boolean NOT NULL DEFAULT false,
	verb              text NOT NULL DEFAULT '',
	text              text NOT NULL,
	lang              text COLLATE "C" NOT NULL DEFAULT '',
	date              text COLLATE "C",
	claim_id          text COLLATE "C",
	span_start        integer NOT NULL DEFAULT 0,
	span_end          integer NOT NULL DEFAULT 0,
	source            text NOT NULL DEFAULT '',
	direct            boolean NOT NULL DEFAULT false,
	concepts          text[] COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX statements_claim ON statements (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX statements_speaker_code ON statements (speaker_code);
CREATE INDEX statements_date ON statements (date DESC NULLS LAST, rid DESC);

CREATE TABLE claims (
	rid               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id                text COLLATE "C" PRIMARY KEY,
	label             text NOT NULL,
	label_fold        text NOT NULL,
	first             text NOT NULL DEFAULT '',
	last              text COLLATE "C" NOT NULL DEFAULT '',
	languages         text[] COLLATE "C" NOT NULL DEFAULT '{}',
	speakers          text[] COLLATE "C" NOT NULL DEFAULT '{}',
	concepts          text[] COLLATE "C" NOT NULL DEFAULT '{}',
	count             integer NOT NULL DEFAULT 0
);
CREATE INDEX claims_label_trgm ON claims USING gin (label_fold gin_trgm_ops);

CREATE TABLE claim_concepts (
	concept           text COLLATE "C" NOT NULL,
	claim_id          text COLLATE "C" NOT NULL REFERENCES claims (id),
	PRIMARY KEY (concept, claim_id)
);

CREATE TABLE signatures (
	article_id        text COLLATE "C" PRIMARY KEY REFERENCES articles (id),
	minhash           bytea NOT NULL, -- little-endian uint32s
	bands             bytea NOT NULL  -- little-endian uint64s
);

-- No key: an article is saved once, with its bands made distinct; the index on band alone is the smaller.
CREATE TABLE bands (
	band              bigint NOT NULL, -- the uint64 band hash as a signed 64-bit integer
	article_id        text COLLATE "C" NOT NULL REFERENCES articles (id)
);
CREATE INDEX bands_band ON bands (band);
