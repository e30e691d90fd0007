-- Issue 17: supervision visits, review meetings and the actions agreed at them.
-- Checklists gain a purpose: 'maturity' (institution assessments, as before) or 'supervision'
-- (scored at a supervision visit); items gain an optional section heading.
ALTER TABLE checklist ADD COLUMN purpose TEXT NOT NULL DEFAULT 'maturity';
ALTER TABLE checklist_item ADD COLUMN section TEXT;

-- A supervisor's visit to a staff member at work, an institution or a village (the area).
CREATE TABLE supervision_visit (
  id             TEXT PRIMARY KEY,
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT NOT NULL,
  visited_on     TEXT NOT NULL,
  supervisor_id  TEXT REFERENCES app_user(id),
  staff_id       TEXT REFERENCES app_user(id),
  institution_id TEXT REFERENCES institution(id),
  checklist_code TEXT REFERENCES checklist(code),
  score          REAL,              -- percentage of the checklist's maximum
  grade          TEXT,
  observations   TEXT,
  strengths      TEXT,
  feedback       TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT,
  updated_by     TEXT
);
CREATE INDEX supervision_visit_area ON supervision_visit(area_path, visited_on);
CREATE INDEX supervision_visit_staff ON supervision_visit(staff_id, visited_on);
CREATE TABLE supervision_answer (
  visit_id  TEXT NOT NULL REFERENCES supervision_visit(id) ON DELETE CASCADE,
  item_code TEXT NOT NULL,
  score     INTEGER NOT NULL,
  PRIMARY KEY (visit_id, item_code)
);

-- A weekly or monthly progress review meeting of a team: who attended, the agenda, the minutes,
-- the decisions; its action points are supervision actions (meeting_id).
CREATE TABLE review_meeting (
  id         TEXT PRIMARY KEY,
  area_id    TEXT NOT NULL REFERENCES area(id),
  area_path  TEXT NOT NULL,
  held_on    TEXT NOT NULL,
  kind       TEXT NOT NULL,   -- weekly | monthly
  agenda     TEXT,
  minutes    TEXT,
  decisions  TEXT,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT,
  updated_by TEXT
);
CREATE INDEX review_meeting_area ON review_meeting(area_path, held_on);
CREATE TABLE review_meeting_attendee (
  meeting_id TEXT NOT NULL REFERENCES review_meeting(id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (meeting_id, user_id)
);

-- An action agreed at a visit or a review meeting: what, who (a user), by when; open -> done ->
-- closed, reopened with a reason.
CREATE TABLE supervision_action (
  id            TEXT PRIMARY KEY,
  visit_id      TEXT REFERENCES supervision_visit(id),
  meeting_id    TEXT REFERENCES review_meeting(id),
  area_path     TEXT NOT NULL,
  what          TEXT NOT NULL,
  assignee_id   TEXT NOT NULL REFERENCES app_user(id),
  due_on        TEXT NOT NULL,
  status        TEXT NOT NULL,   -- open | done | closed
  done_on       TEXT,
  done_note     TEXT,
  closed_on     TEXT,
  reopen_reason TEXT,
  reopened      INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT,
  updated_at    TEXT,
  updated_by    TEXT
);
CREATE INDEX supervision_action_visit ON supervision_action(visit_id);
CREATE INDEX supervision_action_meeting ON supervision_action(meeting_id);
CREATE INDEX supervision_action_area ON supervision_action(area_path, status, due_on);
CREATE INDEX supervision_action_assignee ON supervision_action(assignee_id, status, due_on);
CREATE INDEX supervision_action_creator ON supervision_action(created_by, status, due_on);

INSERT INTO checklist (code, name, institution_types, purpose) VALUES
  ('mobiliser_supervision', 'Supportive supervision of a mobiliser', '', 'supervision');
INSERT INTO checklist_item (checklist_code, position, code, name, max_score, section) VALUES
  ('mobiliser_supervision', 1, 'plan_followed', 'Work plan followed', 2, 'Planning'),
  ('mobiliser_supervision', 2, 'diary_kept', 'Diary up to date', 2, 'Planning'),
  ('mobiliser_supervision', 3, 'records_complete', 'Records complete and verified', 2, 'Records'),
  ('mobiliser_supervision', 4, 'registers_kept', 'Registers and MOVs kept', 2, 'Records'),
  ('mobiliser_supervision', 5, 'facilitation', 'Facilitation skills', 2, 'Field work'),
  ('mobiliser_supervision', 6, 'community_rapport', 'Rapport with the community', 2, 'Field work');
INSERT INTO checklist_grade (checklist_code, grade, min_percent) VALUES
  ('mobiliser_supervision', 'needs support', 0),
  ('mobiliser_supervision', 'satisfactory', 50),
  ('mobiliser_supervision', 'good', 75);
