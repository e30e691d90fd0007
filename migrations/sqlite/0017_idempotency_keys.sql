-- Idempotent creates (docs/api.md "Idempotent creates"): the client's id of a create request, who
-- sent it where, the SHA-256 of its canonical content and the answer it got, so a retried request
-- is answered as the first time and a reused id with other content is refused. Kept 30 days;
-- older rows are deleted through the created_at index when new keys are stored.
CREATE TABLE idempotency_key (
  id         TEXT PRIMARY KEY,  -- the client's id of the record it created
  user_id    TEXT NOT NULL,
  route      TEXT NOT NULL,
  body_hash  TEXT NOT NULL,
  status     INTEGER NOT NULL,
  response   TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idempotency_key_created ON idempotency_key(created_at);
