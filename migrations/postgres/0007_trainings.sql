-- Trainings: the course catalogue, training needs, training plans per course x area x period,
-- training events (activities of type training linked to a course, trainees with pre/post test
-- scores in attendance) and follow-up of whether trainees apply the skills.

CREATE TABLE course (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL,
  title          TEXT NOT NULL,
  title_local    TEXT,
  audience       TEXT NOT NULL,        -- staff | community
  topics         TEXT NOT NULL DEFAULT '',
  duration_hours DOUBLE PRECISION NOT NULL,
  test_max       DOUBLE PRECISION,                 -- maximum score of the pre/post test, none without a test
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE UNIQUE INDEX course_code ON course(code);

ALTER TABLE activity ADD COLUMN course_id TEXT REFERENCES course(id);

CREATE TABLE training_need (
  id             TEXT PRIMARY KEY,
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT COLLATE "C" NOT NULL,
  user_id        TEXT REFERENCES app_user(id),        -- a staff member's need, or
  institution_id TEXT REFERENCES institution(id),     -- a community institution's
  course_id      TEXT REFERENCES course(id),
  need           TEXT NOT NULL,
  priority       TEXT NOT NULL,                       -- high | medium | low
  assessed_on    TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT
);
CREATE INDEX training_need_area ON training_need(area_path, assessed_on);

CREATE TABLE training_plan (
  id                   TEXT PRIMARY KEY,
  course_id            TEXT NOT NULL REFERENCES course(id),
  area_id              TEXT NOT NULL REFERENCES area(id),
  area_path            TEXT COLLATE "C" NOT NULL,
  period               TEXT NOT NULL,                 -- 2026-10 | 2026Q3 | 2026
  period_start         TEXT NOT NULL,
  period_end           TEXT NOT NULL,
  planned_events       INTEGER NOT NULL,
  planned_participants INTEGER NOT NULL,
  created_at           TEXT NOT NULL,
  created_by           TEXT
);
CREATE UNIQUE INDEX training_plan_key ON training_plan(course_id, area_id, period);
CREATE INDEX training_plan_area ON training_plan(area_path, period_start);

CREATE TABLE training_followup (
  id           TEXT PRIMARY KEY,
  activity_id  TEXT NOT NULL REFERENCES activity(id),
  person_id    TEXT NOT NULL REFERENCES person(id),
  followed_on  TEXT NOT NULL,
  applies      TEXT NOT NULL,                         -- yes | partly | no
  notes        TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT
);
CREATE INDEX training_followup_activity ON training_followup(activity_id, person_id);
