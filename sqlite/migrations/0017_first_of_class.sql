-- dyad SQLite schema, version 17: of an event that holds two mentions or more, a dated mention is flagged
-- first_of_class when it comes first (by its mention key, the article id, ":" and the offset in twelve digits, as
-- the saver orders them: firstMention) of the event's dated mentions with its date
-- and coding People aside (its class: dyad.CandidateQuery.ByCoding), and an undated one always. The link
-- stage's dated questions read such an event's mentions through the partial index below, one row a class,
-- instead of every mention of a story told by hundreds of articles (each on a page of its own); an event's
-- one mention is read as before. The saver keeps the flag exact (sqlite/classes.go); a writer of an older binary
-- that was already running when the store was upgraded does not: stop older writers before upgrading.
ALTER TABLE event_mentions ADD COLUMN first_of_class INTEGER NOT NULL DEFAULT 0;
UPDATE event_mentions SET first_of_class = 1 WHERE event_id IN (SELECT event_id FROM event_mentions GROUP BY event_id
	HAVING count(*) > 1) AND (date = '' OR rowid IN (SELECT r FROM (SELECT rowid AS r,
	row_number() OVER (PARTITION BY event_id, date, coding IS NULL, CASE
		WHEN instr(coding, ',"people":{') > 0 AND coding LIKE '%}}' THEN substr(coding, 1, instr(coding, ',"people":{') - 1)
		ELSE coding END ORDER BY article_id || ':' || printf('%012d', span_start)) AS n
	FROM event_mentions WHERE date <> '') WHERE n = 1));
CREATE INDEX event_mentions_first ON event_mentions (event_id) WHERE first_of_class;
