-- Issue 16: a submission's parsed answers in its own row instead of one submission_value row per
-- question (~240 rows and ~38 KB of database per submission of a 250-question form). `answers` is
-- a JSON object, question path -> value text, in document order; repeat entries carry their
-- 1-based position ("/data/person[2]/name"), the first value of a path counts. Exports read it
-- instead of re-reading the XML; indicators read a question's value with ->>.
-- `answers_whole` = 1: every leaf, as read at ingest (empty values included); 0: what the old
-- submission_value rows held (questions outside repeats, not empty), so exports read the XML.
ALTER TABLE submission ADD COLUMN answers TEXT;
ALTER TABLE submission ADD COLUMN answers_whole INTEGER NOT NULL DEFAULT 0;

UPDATE submission SET answers = (
  SELECT json_object_agg(v.path, v.value ORDER BY v.path)::text FROM submission_value v
  WHERE v.submission_id = submission.id)
WHERE EXISTS (SELECT 1 FROM submission_value v WHERE v.submission_id = submission.id);

DROP TABLE submission_value;
