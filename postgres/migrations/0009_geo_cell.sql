-- dyad PostgreSQL schema, version 9: box and circle queries choose their page from an index alone (an
-- index-only scan: PostgreSQL does not read an expression index's values back, so the coordinates become
-- stored columns, read from place; adding them rewrites the table once). An event's longitude cell (5° wide:
-- floor((lon + 180) / 5), sqlq.CellOf) leads the box index, so a box is a few short ranges of latitude, one
-- per cell, rather than a band of the earth; the date, root, code and rid ride along, so the date order and
-- those filters read no event's row. events_geo_date serves an area dense enough that its newest events come
-- soon in date order.
ALTER TABLE events
	ADD COLUMN lat float8 GENERATED ALWAYS AS ((place->>'lat')::float8) STORED,
	ADD COLUMN lon float8 GENERATED ALWAYS AS ((place->>'lon')::float8) STORED,
	ADD COLUMN geo_cell int GENERATED ALWAYS AS (floor(((place->>'lon')::float8 + 180) / 5)::int) STORED;
DROP INDEX events_lat_lon;
CREATE INDEX events_geo ON events (geo_cell, lat, lon) INCLUDE (date, root, code, rid) WHERE lat IS NOT NULL;
CREATE INDEX events_geo_date ON events (date DESC NULLS LAST, rid DESC) INCLUDE (geo_cell, lat, lon, root, code) WHERE lat IS NOT NULL;
-- The rewrite leaves no page marked all-visible, and an index-only scan reads the heap of a page that is not:
-- vacuum once (autovacuum would wait for a fifth of the table to be new rows), and gather the new columns'
-- statistics.
-- then: VACUUM (ANALYZE) events
