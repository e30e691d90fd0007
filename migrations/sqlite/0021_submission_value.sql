-- Issue 16: the values of a custom form's submission, for indicators over a form's question
-- (count, sum, distinct). One row per question outside repeats with a non-empty value; `number`
-- is the value read as a number (NULL when it is not one). Written with the submission.
CREATE TABLE submission_value (
  submission_id TEXT NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
  path          TEXT NOT NULL,
  value         TEXT NOT NULL,
  number        REAL,
  PRIMARY KEY (submission_id, path)
);

-- An edit chain, for the exports' Edits column.
CREATE INDEX submission_root ON submission(root_id);
