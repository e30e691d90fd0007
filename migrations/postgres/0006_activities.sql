-- Field activities: what staff do with communities, with their participants (named from the
-- registry and/or counted by sex x age band x disability), topics, institutions, facilitators,
-- the draft -> submitted -> verified/returned lifecycle, and files kept as means of verification.

CREATE TABLE activity (
  id             TEXT PRIMARY KEY,
  type           TEXT NOT NULL,
  title          TEXT,
  held_on        TEXT NOT NULL,
  start_time     TEXT,
  end_time       TEXT,
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT COLLATE "C" NOT NULL,
  place          TEXT,
  status         TEXT NOT NULL,   -- draft | submitted | verified | returned
  author_id      TEXT REFERENCES app_user(id),
  submitted_at   TEXT,
  verified_by    TEXT REFERENCES app_user(id),
  verified_at    TEXT,
  return_comment TEXT,
  decisions      TEXT,
  follow_up      TEXT,
  notes          TEXT,
  counted_total  INTEGER NOT NULL DEFAULT 0,  -- sum of activity_count
  named_total    INTEGER NOT NULL DEFAULT 0,  -- named participants who attended
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE INDEX activity_area ON activity(area_path, held_on);
CREATE INDEX activity_queue ON activity(status, area_path);

CREATE TABLE activity_topic (
  activity_id TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  topic       TEXT NOT NULL,
  PRIMARY KEY (activity_id, topic)
);
CREATE TABLE activity_institution (
  activity_id    TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  institution_id TEXT NOT NULL REFERENCES institution(id),
  PRIMARY KEY (activity_id, institution_id)
);
CREATE TABLE activity_facilitator (
  activity_id TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  user_id     TEXT REFERENCES app_user(id),
  name        TEXT,               -- an outside facilitator
  PRIMARY KEY (activity_id, position)
);
CREATE TABLE activity_count (
  activity_id TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  sex         TEXT NOT NULL,
  age_band    TEXT NOT NULL,
  disability  INTEGER NOT NULL,
  count       INTEGER NOT NULL,
  PRIMARY KEY (activity_id, sex, age_band, disability)
);
CREATE TABLE attendance (
  activity_id TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  person_id   TEXT NOT NULL REFERENCES person(id),
  attended    INTEGER NOT NULL DEFAULT 1,
  pre_score   DOUBLE PRECISION,
  post_score  DOUBLE PRECISION,
  PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX attendance_person ON attendance(person_id);

-- Files are stored content-addressed under the data directory (files/ab/abcdef...); this row
-- ties one to the record it verifies, which decides who may read it.
CREATE TABLE file (
  id         TEXT PRIMARY KEY,
  sha256     TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       BIGINT NOT NULL,
  name       TEXT NOT NULL,
  record     TEXT NOT NULL,      -- 'activity'
  record_id  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX file_record ON file(record, record_id);

INSERT INTO registry_option (list, code, name, position) VALUES
  ('activity_type', 'community_dialogue', 'Community dialogue', 1),
  ('activity_type', 'awareness_session', 'Awareness session', 2),
  ('activity_type', 'fgd', 'Focus group discussion', 3),
  ('activity_type', 'institution_meeting', 'CO/VO/LSO meeting', 4),
  ('activity_type', 'shg_meeting', 'SHG meeting', 5),
  ('activity_type', 'campaign', 'Campaign', 6),
  ('activity_type', 'home_visit', 'Home visit', 7),
  ('activity_type', 'workshop', 'Workshop', 8),
  ('activity_type', 'training', 'Training', 9),
  ('topic', 'iycf', 'Infant and young child feeding', 1),
  ('topic', 'maternal_nutrition', 'Maternal nutrition', 2),
  ('topic', 'wash', 'Hygiene and WASH', 3),
  ('topic', 'health', 'Health', 4),
  ('topic', 'community_security', 'Community security', 5),
  ('topic', 'livelihoods', 'Livelihoods', 6),
  ('topic', 'savings_credit', 'Savings and credit', 7);
