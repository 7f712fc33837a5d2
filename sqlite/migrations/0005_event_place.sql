-- dyad SQLite schema, version 5: where each event took place, as the place resolver (geo) found it: the whole
-- location (dyad.Location) as JSON in place; its place id and coordinates are read from it, as virtual
-- columns, for the place filters and the bounding-box index. location keeps the place as written. Rows
-- stored before stay NULL (their location text still shows).
ALTER TABLE events ADD COLUMN place TEXT;
ALTER TABLE events ADD COLUMN place_id TEXT GENERATED ALWAYS AS (json_extract(place, '$.place_id')) VIRTUAL;
ALTER TABLE events ADD COLUMN lat REAL GENERATED ALWAYS AS (json_extract(place, '$.lat')) VIRTUAL;
ALTER TABLE events ADD COLUMN lon REAL GENERATED ALWAYS AS (json_extract(place, '$.lon')) VIRTUAL;
CREATE INDEX events_place_id ON events (place_id) WHERE place_id IS NOT NULL;
CREATE INDEX events_lat_lon ON events (lat, lon) WHERE lat IS NOT NULL;
