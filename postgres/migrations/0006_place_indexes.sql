-- dyad PostgreSQL schema, version 6: the place filters read their events in date order from an index: a place
-- id, a region or a country with the date.
DROP INDEX events_place_id;
CREATE INDEX events_place_id_date ON events ((place->>'place_id'), date);
CREATE INDEX events_place_country_date ON events ((place->>'country'), date);
CREATE INDEX events_place_admin1_date ON events ((place->>'admin1'), date);
