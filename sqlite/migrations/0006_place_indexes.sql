-- dyad SQLite schema, version 6: the place filters read their events in date order from an index: a place id,
-- a region or a country with the date (the newest page of Beijing's events is the index's last entries, not a
-- sort of all of them); the country and region of the location are virtual columns for that.
DROP INDEX events_place_id;
ALTER TABLE events ADD COLUMN place_country TEXT GENERATED ALWAYS AS (json_extract(place, '$.country')) VIRTUAL;
ALTER TABLE events ADD COLUMN place_admin1 TEXT GENERATED ALWAYS AS (json_extract(place, '$.admin1')) VIRTUAL;
CREATE INDEX events_place_id_date ON events (place_id, date) WHERE place_id IS NOT NULL;
CREATE INDEX events_place_country_date ON events (place_country, date) WHERE place_country IS NOT NULL;
CREATE INDEX events_place_admin1_date ON events (place_admin1, date) WHERE place_admin1 IS NOT NULL;
