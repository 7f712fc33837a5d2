-- dyad SQLite schema, version 2: rollups that answer the unfiltered Stats and Counts (the dashboard's
-- overview) without scanning the events. Save and SaveBatch keep them up to date in their transaction; this
-- migration fills them from the rows already stored.

-- store_totals is the one row of Stats.
CREATE TABLE store_totals (
	id                INTEGER PRIMARY KEY CHECK (id = 1),
	articles          INTEGER NOT NULL,
	events            INTEGER NOT NULL,
	mentions          INTEGER NOT NULL,
	statements        INTEGER NOT NULL,
	claims            INTEGER NOT NULL
);
INSERT INTO store_totals (id, articles, events, mentions, statements, claims) SELECT 1,
	(SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions),
	(SELECT count(*) FROM statements), (SELECT count(*) FROM claims);

-- event_counts holds, per grouping (dim) and key, the number of events and the sum of their Goldstein weights:
--   date    key = the event's date as stored ('' when undated), one row per quad class: answers By day,
--           month (the key's first 7 characters), quad, and SplitQuad;
--   code, root, dyad (key as Counts by "dyad" defines it; '' when either actor code is empty);
--   lang, outlet: each event once per language / news source of its mentions.
-- quad is 0 but for dim 'date'. A row whose count falls to 0 (an event moved to a more precise date) stays,
-- with n = 0; readers skip it.
CREATE TABLE event_counts (
	dim               TEXT NOT NULL,
	key               TEXT NOT NULL,
	quad              INTEGER NOT NULL,
	n                 INTEGER NOT NULL,
	goldstein         REAL NOT NULL,
	PRIMARY KEY (dim, key, quad)
) WITHOUT ROWID;

INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'date', coalesce(date, ''), quad_class, count(*), sum(goldstein) FROM events GROUP BY 2, 3;
INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'code', code, 0, count(*), sum(goldstein) FROM events GROUP BY code;
INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'root', root, 0, count(*), sum(goldstein) FROM events GROUP BY root;
INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'dyad', CASE WHEN source_code <> '' AND target_code <> '' THEN
		coalesce(nullif(source_country, ''), substr(source_code, 1, 3)) || ':' ||
		coalesce(nullif(target_country, ''), substr(target_code, 1, 3)) ELSE '' END AS k,
		0, count(*), sum(goldstein) FROM events GROUP BY k;
INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'lang', m.lang, 0, count(*), sum(e.goldstein)
	FROM events e JOIN (SELECT DISTINCT event_id, lang FROM event_mentions) m ON m.event_id = e.id GROUP BY m.lang;
INSERT INTO event_counts (dim, key, quad, n, goldstein)
	SELECT 'outlet', m.source, 0, count(*), sum(e.goldstein)
	FROM events e JOIN (SELECT DISTINCT event_id, source FROM event_mentions) m ON m.event_id = e.id GROUP BY m.source;
