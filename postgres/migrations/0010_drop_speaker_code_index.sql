-- dyad PostgreSQL schema, version 10 (as SQLite's 0014): statements_speaker_code served no query, while every
-- statement's COPY wrote it. The speaker filter ORs a LIKE '%...%' on the folded name (no trigram index) and
-- the speaker id (no index) with the code's range, so no bitmap OR can use it: the statements are read in
-- date order (statements_date) or scanned whether it is there or not (TestSpeakerCodeIndexUnused).
DROP INDEX IF EXISTS statements_speaker_code;
