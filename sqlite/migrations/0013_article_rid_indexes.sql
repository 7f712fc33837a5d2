-- dyad SQLite schema, version 13: event mentions and statements are found by their article's rowid
-- (articles.rid, which only grows) instead of its 32-letter id. The index over the id took an insert at a
-- random place for each of an article's ~6 mentions and ~9 statements, so a batch of articles dirtied
-- nearly every page of both indexes, which the commit writes to the WAL and the checkpoint again; keyed by
-- the rowid, a batch's entries go to the last pages. Rows keep their article_id.
ALTER TABLE event_mentions ADD COLUMN article_rid INTEGER;
UPDATE event_mentions SET article_rid = (SELECT a.rid FROM articles a WHERE a.id = event_mentions.article_id);
CREATE INDEX event_mentions_article_rid ON event_mentions (article_rid);
DROP INDEX event_mentions_article;

ALTER TABLE statements ADD COLUMN article_rid INTEGER;
UPDATE statements SET article_rid = (SELECT a.rid FROM articles a WHERE a.id = statements.article_id);
CREATE INDEX statements_article_rid ON statements (article_rid);
DROP INDEX statements_article;
