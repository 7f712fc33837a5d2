-- dyad SQLite schema, version 14: statements_speaker_code served no query, while every statement's insert
-- (about nine an article) wrote it. The speaker filter ORs a LIKE '%...%' on the folded name, which no index
-- answers, with the speaker id and the code's range, so SQLite scans the statements whether the index is there
-- or not (EXPLAIN QUERY PLAN; TestSpeakerCodeIndexUnused).
DROP INDEX IF EXISTS statements_speaker_code;
