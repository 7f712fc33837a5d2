-- dyad SQLite schema, version 12: the partial indexes over the events' actor ids (WHERE ... <> '') served no
-- query: the actor filter asks "source_actor_id = ?", which does not imply "<> ''" (the parameter may be
-- empty), so SQLite never reads them (EXPLAIN QUERY PLAN: a scan, or events_date; TestActorIDIndexesUnused),
-- while nearly every event insert wrote both. PostgreSQL plans with the parameter's value and keeps its own.
DROP INDEX IF EXISTS events_source_actor;
DROP INDEX IF EXISTS events_target_actor;
