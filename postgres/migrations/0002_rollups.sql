-- dyad PostgreSQL schema, version 2: rollups that answer the unfiltered Stats and Counts (the dashboard's
-- overview) without scanning the events. Save and SaveBatch keep them up to date in their transaction; this
-- migration fills them from the rows already stored.

-- store_totals is the one row of Stats.
CREATE TABLE store_totals (
	id                integer PRIMARY KEY CHECK (id = 1),
	articles          bigint NOT NULL,
	events            bigint NOT NULL,
	mentions          bigint NOT NULL,
	statements        bigint NOT NULL,
	claims            bigint NOT NULL
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
-- with n = 0; readers skip it. Saves update the rows in key order, so concurrent saves never deadlock on them.
CREATE TABLE event_counts (
	dim               text COLLATE "C" NOT NULL,
	key               text COLLATE "C" NOT NULL,
	quad              integer NOT NULL,
	n                 bigint NOT NULL,
	goldstein         double precision NOT NULL,
	PRIMARY KEY (dim, key, quad)
);

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
