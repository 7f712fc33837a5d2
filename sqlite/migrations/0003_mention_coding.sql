-- dyad SQLite schema, version 3: each event mention keeps its own coding (source and target actors, CAMEO
-- code) as JSON, so that the link stage can match a new mention against every mention of a stored event.
-- Rows stored before stay NULL: the event's coding stands for them.
ALTER TABLE event_mentions ADD COLUMN coding TEXT;
