-- dyad SQLite schema, version 19: an event keeps the distinct news sources of its mentions (outlets, a JSON array)
-- and its best mention (best, the JSON array [confidence, article id, offset]: the mention whose coding the event
-- shows), so that a save that adds mentions to a much-told event reads one row, not all the event's mentions, to
-- learn whether an outlet is new and whether the coding changes. NULL is "not known": the saver then reads the
-- mentions as before and writes both. A merge or a demotion, which move and delete mentions, sets them NULL again
-- (recountEvent), so that a value the saver finds is always that of the event's mentions. A writer of an older
-- version that was already running when the store was upgraded neither writes nor clears them, and its merges and
-- demotions would leave stale ones: stop older writers before upgrading.
ALTER TABLE events ADD COLUMN outlets TEXT;
ALTER TABLE events ADD COLUMN best TEXT;
