-- dyad SQLite schema, version 8: no query reads actor mentions by actor (they are read by article), and the
-- index over actor_id cost a random b-tree insert per mention (about 70 per article) and an eighth of the
-- file.
DROP INDEX IF EXISTS actor_mentions_actor;
