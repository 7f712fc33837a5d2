-- dyad PostgreSQL schema, version 5: where each event took place, as the place resolver (geo) found it: the
-- whole location (dyad.Location) as JSON in place, indexed by place id and coordinates for the place filters
-- and bounding-box queries. location keeps the place as written. Rows stored before stay NULL.
ALTER TABLE events ADD COLUMN place jsonb;
CREATE INDEX events_place_id ON events ((place->>'place_id'));
CREATE INDEX events_lat_lon ON events (((place->>'lat')::float8), ((place->>'lon')::float8));
