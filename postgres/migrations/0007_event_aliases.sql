-- dyad PostgreSQL schema, version 7: an event's id is the smallest content id of its mentions, so it changes
-- when a mention with a smaller one arrives (the link stage's Record.Merge). The old id stays an alias of the
-- new one, so that a link to /api/events/{old} or `dyad events --id old` still finds the event.
CREATE TABLE event_aliases (
  alias    TEXT PRIMARY KEY,
  event_id TEXT NOT NULL
);
CREATE INDEX event_aliases_event ON event_aliases (event_id);
