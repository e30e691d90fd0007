-- Issue 18: community profiles (dated versions per area, their items) and the risk register.
-- Area scope is read through a join on area (no area_path copy): an area move needs nothing here.
CREATE TABLE community_profile (
  id          TEXT PRIMARY KEY,
  area_id     TEXT NOT NULL REFERENCES area(id),
  as_of       TEXT NOT NULL,                 -- YYYY-MM-DD: the date the version describes
  note        TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT
);
CREATE INDEX community_profile_area ON community_profile(area_id, as_of, created_at);

-- One row per entry of a version: section figure | facility | person | institution | hazard |
-- swot. Columns are shared by the sections (see storage/repositories/profile_repository.cpp).
CREATE TABLE community_profile_item (
  profile_id     TEXT NOT NULL REFERENCES community_profile(id),
  section        TEXT NOT NULL,
  position       INTEGER NOT NULL,
  kind           TEXT,                       -- facility type, SWOT quadrant
  name           TEXT NOT NULL,
  detail         TEXT,                       -- a person's position, an institution's note
  organisation   TEXT,
  contact        TEXT,
  value          REAL,
  source         TEXT,
  dated_on       TEXT,
  status         TEXT,
  institution_id TEXT REFERENCES institution(id),
  latitude       REAL,
  longitude      REAL,
  PRIMARY KEY (profile_id, section, position)
);

CREATE TABLE risk (
  id             TEXT PRIMARY KEY,
  area_id        TEXT NOT NULL REFERENCES area(id),
  category       TEXT NOT NULL,
  description    TEXT NOT NULL,
  likelihood     INTEGER NOT NULL,
  impact         INTEGER NOT NULL,
  level          INTEGER NOT NULL,            -- likelihood x impact
  trend          TEXT NOT NULL,               -- rising | stable | falling
  mitigation     TEXT,
  owner_id       TEXT REFERENCES app_user(id),
  next_review_on TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE INDEX risk_area ON risk(area_id, next_review_on);
CREATE INDEX risk_review ON risk(next_review_on);

CREATE TABLE risk_level_change (
  id         TEXT PRIMARY KEY,
  risk_id    TEXT NOT NULL REFERENCES risk(id),
  changed_at TEXT NOT NULL,
  changed_by TEXT,
  from_level INTEGER NOT NULL,
  to_level   INTEGER NOT NULL
);
CREATE INDEX risk_level_change_risk ON risk_level_change(risk_id, changed_at);
CREATE INDEX risk_level_change_at ON risk_level_change(changed_at);

INSERT INTO registry_option (list, code, name, position) VALUES
  ('facility_type', 'school', 'School', 1),
  ('facility_type', 'health_facility', 'Health facility', 2),
  ('facility_type', 'water_point', 'Water point', 3),
  ('facility_type', 'road', 'Road', 4),
  ('facility_type', 'market', 'Market', 5),
  ('risk_category', 'safety', 'Safety', 1),
  ('risk_category', 'security', 'Security', 2),
  ('risk_category', 'environment', 'Environment', 3),
  ('risk_category', 'social', 'Social', 4);
