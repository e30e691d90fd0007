-- Sign-in throttling per account and address with an exponential back-off (issue 15): the
-- back-off runs from the latest failure, so each counter keeps its time.
ALTER TABLE login_throttle ADD COLUMN last_at TEXT NOT NULL DEFAULT '';
