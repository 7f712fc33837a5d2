-- dyad SQLite schema, version 11: an article's actor mentions are one row, keyed by the article's rowid
-- (articles.rid, which only grows), holding a JSON array of the mentions in text order, each an array
-- [start, end, text, actor_id, actor_name, actor_type, actor_country, actor_sector, actor_code, provisional
-- (0 or 1), via]. They are only ever read whole, by article: one row an article instead of about 70 (each
-- repeating the article's 32-letter id, each inserted at a random place of the table) made the mentions the
-- store's largest table and a fifth of the CPU of a save.
CREATE TABLE actor_mentions_new (
	rid               INTEGER PRIMARY KEY, -- articles.rid
	mentions          TEXT NOT NULL
);
INSERT INTO actor_mentions_new (rid, mentions)
	SELECT a.rid, json_group_array(json_array(m.span_start, m.span_end, m.text, m.actor_id, m.actor_name,
		m.actor_type, m.actor_country, m.actor_sector, m.actor_code, m.provisional, m.via) ORDER BY m.seq)
	FROM actor_mentions m JOIN articles a ON a.id = m.article_id GROUP BY a.rid ORDER BY a.rid;

DROP TABLE actor_mentions;
ALTER TABLE actor_mentions_new RENAME TO actor_mentions;
