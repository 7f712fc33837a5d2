-- dyad SQLite schema, version 4: each event mention keeps its event's link key, so that the link stage finds
-- the undated events a new mention may fold into by key and publication date, through a partial index over
-- the undated mentions, instead of reading every undated event of the key.
ALTER TABLE event_mentions ADD COLUMN key TEXT NOT NULL DEFAULT '';
UPDATE event_mentions SET key = coalesce((SELECT e.key FROM events e WHERE e.id = event_mentions.event_id), '');
CREATE INDEX event_mentions_undated ON event_mentions (key, published) WHERE date = '';
-- A demotion finds the articles that copy the demoted one by this index instead of reading every article.
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
