-- Issue 14: device sessions, the device in the audit log, short feedback references.
--
-- A device is one phone or browser a user signed in on with `device` (its id made by the app):
-- its sessions last 30 days after their last use; revoking it ends them at once. Devices are
-- per user (a shared phone is one device for each user who signs in on it).
CREATE TABLE user_device (
  user_id      TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  name         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at   TEXT,
  PRIMARY KEY (user_id, id)
);

-- The device a session belongs to (NULL: an ordinary browser session of fixed length).
ALTER TABLE user_session ADD COLUMN device_id TEXT;
CREATE INDEX user_session_device ON user_session(user_id, device_id);

-- The device behind an audited write, kept as text: the entry outlives the device's row.
ALTER TABLE audit ADD COLUMN device_id TEXT;
ALTER TABLE audit ADD COLUMN device_name TEXT;

-- A case's short reference (domain/feedback/short_ref.hpp): 8 characters derived from the last
-- 48 bits of its id, so a phone can show it before the case reaches the server. Not unique.
ALTER TABLE feedback ADD COLUMN short_ref TEXT;
CREATE INDEX feedback_short_ref ON feedback(short_ref);

-- Backfill: the same function in SQL. v = (last 12 hex digits of the id) mod 31^8, written as
-- 8 base-31 digits over the alphabet, most significant first.
CREATE TABLE short_ref_backfill (id TEXT PRIMARY KEY, v INTEGER NOT NULL);
INSERT INTO short_ref_backfill (id, v)
SELECT id,
       ((instr('0123456789abcdef', substr(lower(id), 25, 1)) - 1) * 17592186044416 +
       (instr('0123456789abcdef', substr(lower(id), 26, 1)) - 1) * 1099511627776 +
       (instr('0123456789abcdef', substr(lower(id), 27, 1)) - 1) * 68719476736 +
       (instr('0123456789abcdef', substr(lower(id), 28, 1)) - 1) * 4294967296 +
       (instr('0123456789abcdef', substr(lower(id), 29, 1)) - 1) * 268435456 +
       (instr('0123456789abcdef', substr(lower(id), 30, 1)) - 1) * 16777216 +
       (instr('0123456789abcdef', substr(lower(id), 31, 1)) - 1) * 1048576 +
       (instr('0123456789abcdef', substr(lower(id), 32, 1)) - 1) * 65536 +
       (instr('0123456789abcdef', substr(lower(id), 33, 1)) - 1) * 4096 +
       (instr('0123456789abcdef', substr(lower(id), 34, 1)) - 1) * 256 +
       (instr('0123456789abcdef', substr(lower(id), 35, 1)) - 1) * 16 +
       (instr('0123456789abcdef', substr(lower(id), 36, 1)) - 1) * 1) % 852891037441
  FROM feedback WHERE length(id) = 36;
UPDATE feedback SET short_ref = (
  SELECT substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 27512614111 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 887503681 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 28629151 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 923521 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 29791 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 961 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 31 % 31 AS INTEGER) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', CAST(v / 1 % 31 AS INTEGER) + 1, 1)
    FROM short_ref_backfill b WHERE b.id = feedback.id)
 WHERE short_ref IS NULL;
DROP TABLE short_ref_backfill;
