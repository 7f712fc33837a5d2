-- dyad PostgreSQL schema, version 8 (as SQLite's 0008): no query reads actor mentions by actor (they are read
-- and deleted by article, through the primary key), and the index over actor_id cost an index insert per
-- mention (about 70 per article) on every COPY.
DROP INDEX IF EXISTS actor_mentions_actor;
