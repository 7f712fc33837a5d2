-- dyad SQLite schema, version 9: box and circle queries choose their page from an index alone. An event's
-- longitude cell (5° wide: CAST((lon + 180) / 5 AS INTEGER), sqlq.CellOf) leads the box index, so a box is a
-- few short ranges of latitude, one per cell, rather than a whole band of the earth; the date, root and code
-- follow in both indexes, so the date order and those filters need no event's row (the rows are read for
-- the page alone). events_geo_date serves an area dense enough that its newest events come soon in date order.
ALTER TABLE events ADD COLUMN geo_cell INTEGER GENERATED ALWAYS AS (CAST((lon + 180) / 5 AS INTEGER)) VIRTUAL;
DROP INDEX events_lat_lon;
CREATE INDEX events_geo ON events (geo_cell, lat, lon, date, root, code) WHERE lat IS NOT NULL;
CREATE INDEX events_geo_date ON events (date, lat, lon, root, code) WHERE lat IS NOT NULL;
