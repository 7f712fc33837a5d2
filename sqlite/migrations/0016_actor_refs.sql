-- dyad SQLite schema, version 16: each actor that articles mention is stored once, as the JSON array
-- [actor_id, actor_name, actor_type, actor_country, actor_sector, actor_code, provisional (0 or 1)], and an
-- article's actor mentions name their actors by rowid here (sqlite/mentions.go) instead of repeating each
-- actor's six fields in every article that names it (2,500 of an article's 4,000 bytes of actor mentions in
-- the realistic corpus, where 10,000 articles name 10,029 distinct actors 434,750 times). Rows stored before
-- keep the form they have and read as before.
CREATE TABLE IF NOT EXISTS actor_refs (
	rid               INTEGER PRIMARY KEY,
	ref               TEXT NOT NULL UNIQUE
);
