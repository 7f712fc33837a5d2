-- dyad SQLite schema, version 18: migration 0017's first_of_class flags and their partial index go. Measured at
-- 50,000 articles, the dated candidate questions they bound did not save what keeping the flags exact cost the
-- saver (docs/benchmarks.md, session 28); those questions read an event's mentions by event_id again.
DROP INDEX IF EXISTS event_mentions_first;
ALTER TABLE event_mentions DROP COLUMN first_of_class;
