-- Community feedback: categories (with their response time and sensitivity), the records and
-- their workflow history. Sensitive records are readable only by feedback focal points of the
-- area (enforced by the service).

CREATE TABLE feedback_category (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_local TEXT,
  sensitive  INTEGER NOT NULL,
  due_hours  INTEGER NOT NULL,   -- time to close the loop
  position   INTEGER NOT NULL
);

CREATE TABLE feedback (
  id              TEXT PRIMARY KEY,
  area_id         TEXT NOT NULL REFERENCES area(id),
  area_path       TEXT COLLATE "C" NOT NULL,
  cefc_id         TEXT REFERENCES institution(id),
  received_on     TEXT NOT NULL,
  channel         TEXT NOT NULL,
  category        TEXT NOT NULL REFERENCES feedback_category(code),
  sensitive       INTEGER NOT NULL,
  anonymous       INTEGER NOT NULL DEFAULT 0,
  person_name     TEXT,
  person_contact  TEXT,
  person_sex      TEXT,
  person_age_band TEXT,
  description     TEXT NOT NULL,
  language        TEXT,
  tags            TEXT NOT NULL DEFAULT '',   -- ' tag tag '
  status          TEXT NOT NULL,              -- open | assigned | referred | responded | closed
  assigned_to     TEXT REFERENCES app_user(id),
  referred_to     TEXT,
  response        TEXT,
  responded_on    TEXT,
  closed_on       TEXT,
  loop_closed_by  TEXT,                       -- how the response reached the person
  satisfaction    TEXT,                       -- satisfied | neutral | dissatisfied
  due_on          TEXT NOT NULL,              -- received_on + the category's time, in days
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT
);
CREATE INDEX feedback_area ON feedback(area_path, received_on);
CREATE INDEX feedback_open ON feedback(status, due_on);

CREATE TABLE feedback_event (
  id          TEXT PRIMARY KEY,
  feedback_id TEXT NOT NULL REFERENCES feedback(id),
  at          TEXT NOT NULL,
  by_user     TEXT,
  action      TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX feedback_event_feedback ON feedback_event(feedback_id, id);

INSERT INTO feedback_category (code, name, sensitive, due_hours, position) VALUES
  ('information_request', 'Information request', 0, 720, 1),
  ('suggestion', 'Suggestion', 0, 720, 2),
  ('appreciation', 'Appreciation', 0, 720, 3),
  ('complaint_service', 'Complaint about a service', 0, 720, 4),
  ('complaint_staff', 'Complaint about staff conduct', 0, 336, 5),
  ('sensitive_sea', 'Sensitive: sexual exploitation or abuse', 1, 72, 6),
  ('sensitive_fraud', 'Sensitive: fraud or corruption', 1, 72, 7),
  ('other', 'Other', 0, 720, 8);
