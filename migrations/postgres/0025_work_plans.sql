-- Issue 17: the reporting line, staff work plans, daily diaries and the field-day tally.
-- Each user may report to one supervisor (no cycles: the service refuses them); the team views
-- read the line downwards through app_user_supervisor.
ALTER TABLE app_user ADD COLUMN supervisor_id TEXT REFERENCES app_user(id);
CREATE INDEX app_user_supervisor ON app_user(supervisor_id);

-- A staff member's plan for a day (period 2026-03-02), an ISO week (2026-W10) or a month
-- (2026-03); one per owner, kind and period. area_path: the owner's first role area when the plan
-- was made (who may read it). revision: 1 + the changes made after an approval.
CREATE TABLE work_plan (
  id             TEXT PRIMARY KEY,
  owner_id       TEXT NOT NULL REFERENCES app_user(id),
  kind           TEXT NOT NULL,
  period         TEXT NOT NULL,
  starts_on      TEXT NOT NULL,
  ends_on        TEXT NOT NULL,
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT COLLATE "C" NOT NULL,
  status         TEXT NOT NULL,
  revision       BIGINT NOT NULL DEFAULT 1,
  change_reason  TEXT,
  review_comment TEXT,
  reviewed_by    TEXT REFERENCES app_user(id),
  reviewed_at    TEXT,
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE UNIQUE INDEX work_plan_owner ON work_plan(owner_id, kind, period);
CREATE INDEX work_plan_area ON work_plan(area_path, starts_on);

-- Its items: a day or an ISO week (starts_on..ends_on its days), an area, optionally an
-- institution or household, a purpose (an activity type, meeting, training, visit, office).
CREATE TABLE work_plan_item (
  plan_id        TEXT NOT NULL REFERENCES work_plan(id) ON DELETE CASCADE,
  position       BIGINT NOT NULL,
  day            TEXT,
  week           TEXT,
  starts_on      TEXT NOT NULL,
  ends_on        TEXT NOT NULL,
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT COLLATE "C" NOT NULL,
  institution_id TEXT REFERENCES institution(id),
  household_id   TEXT REFERENCES household(id),
  purpose        TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, position)
);

-- Plan against actual reads a staff member's activities by facilitator.
CREATE INDEX activity_facilitator_user ON activity_facilitator(user_id);
CREATE INDEX activity_author_held ON activity(author_id, held_on);

-- One diary per staff member per day. area_path: the owner's first role area when written.
CREATE TABLE diary (
  id               TEXT PRIMARY KEY,
  user_id          TEXT NOT NULL REFERENCES app_user(id),
  day              TEXT NOT NULL,
  area_id          TEXT NOT NULL REFERENCES area(id),
  area_path        TEXT COLLATE "C" NOT NULL,
  field_day        SMALLINT NOT NULL DEFAULT 1,
  lat              DOUBLE PRECISION,
  lon              DOUBLE PRECISION,
  text             TEXT NOT NULL DEFAULT '',
  travel_mode      TEXT,
  travel_km        DOUBLE PRECISION,
  night_halt       SMALLINT NOT NULL DEFAULT 0,
  night_halt_place TEXT,
  next_day_plan    TEXT NOT NULL DEFAULT '',
  accepted         SMALLINT NOT NULL DEFAULT 0,
  review_comment   TEXT,
  reviewed_by      TEXT REFERENCES app_user(id),
  reviewed_at      TEXT,
  version          BIGINT NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT
);
CREATE UNIQUE INDEX diary_user_day ON diary(user_id, day);
CREATE INDEX diary_scope ON diary(area_path, day);

CREATE TABLE diary_area (
  diary_id  TEXT NOT NULL REFERENCES diary(id) ON DELETE CASCADE,
  position  BIGINT NOT NULL,
  area_id   TEXT NOT NULL REFERENCES area(id),
  PRIMARY KEY (diary_id, position)
);

-- Field days and night halts a month expected of each role (the tally's norms); a role without a
-- row has no norm.
CREATE TABLE staff_norm (
  role        TEXT PRIMARY KEY,
  field_days  BIGINT NOT NULL,
  night_halts BIGINT NOT NULL
);
INSERT INTO staff_norm (role, field_days, night_halts) VALUES ('mobiliser', 22, 16);
INSERT INTO staff_norm (role, field_days, night_halts) VALUES ('officer', 22, 16);
