-- The registry: institution types and institutions (three tiers), memberships, maturity
-- assessments, households and people, poverty bands, configurable option lists.
-- Every record carries its area's path (area_path) so that "in this subtree" is an index range
-- scan; the path is rewritten with the area's when an area moves. Dates are 'YYYY-MM-DD'.

-- Option lists the administrator extends: member roles, vulnerability flags.
CREATE TABLE registry_option (
  list       TEXT NOT NULL,           -- 'member_role' | 'vulnerability'
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  name_local TEXT,
  position   INTEGER NOT NULL,
  PRIMARY KEY (list, code)
);

CREATE TABLE institution_type (
  code         TEXT PRIMARY KEY,      -- 'CO'
  name         TEXT NOT NULL,
  name_local   TEXT,
  tier         INTEGER NOT NULL,      -- 1 = primary group, 2 = its federation, ...
  parent_types TEXT NOT NULL,         -- space-separated codes it may federate into
  member_kind  TEXT NOT NULL,         -- 'household' | 'person' | 'institution'
  size_min     INTEGER,
  size_max     INTEGER,
  position     INTEGER NOT NULL
);

-- Poverty bands by effective date: a score falls in the band whose lower bound is the greatest
-- not above it, among the bands of the latest set effective on the survey date.
CREATE TABLE poverty_band (
  effective_from TEXT NOT NULL,
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  name_local     TEXT,
  lower_bound    DOUBLE PRECISION NOT NULL,
  poor           INTEGER NOT NULL,    -- counts as poor in "poor households organised"
  position       INTEGER NOT NULL,
  source         TEXT,
  PRIMARY KEY (effective_from, code)
);

CREATE TABLE checklist (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  institution_types TEXT NOT NULL     -- space-separated type codes it applies to
);
CREATE TABLE checklist_item (
  checklist_code TEXT NOT NULL REFERENCES checklist(code) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  max_score      INTEGER NOT NULL,
  PRIMARY KEY (checklist_code, code)
);
-- Grade bands on the percentage score: the grade with the greatest min_percent not above it.
CREATE TABLE checklist_grade (
  checklist_code TEXT NOT NULL REFERENCES checklist(code) ON DELETE CASCADE,
  grade          TEXT NOT NULL,
  min_percent    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (checklist_code, grade)
);

CREATE TABLE institution (
  id                     TEXT PRIMARY KEY,
  type_code              TEXT NOT NULL REFERENCES institution_type(code),
  area_id                TEXT NOT NULL REFERENCES area(id),
  area_path              TEXT COLLATE "C" NOT NULL,
  parent_id              TEXT REFERENCES institution(id),
  code                   TEXT,
  name                   TEXT NOT NULL,
  name_local             TEXT,
  formed_on              TEXT,
  sex_composition        TEXT NOT NULL,   -- 'women' | 'men' | 'mixed'
  status                 TEXT NOT NULL,   -- forming | active | dormant | dissolved | merged
  status_on              TEXT,
  status_reason          TEXT,
  merged_into_id         TEXT REFERENCES institution(id),
  meeting_frequency      TEXT,
  registration_status    TEXT NOT NULL DEFAULT 'unregistered',
  registration_authority TEXT,
  registration_number    TEXT,
  registration_date      TEXT,
  bank_status            TEXT NOT NULL DEFAULT 'none',
  bank_name              TEXT,
  bank_opened_on         TEXT,
  savings                DOUBLE PRECISION NOT NULL DEFAULT 0,
  notes                  TEXT,
  member_count           INTEGER NOT NULL DEFAULT 0,  -- current members, kept by the service
  latest_grade           TEXT,
  latest_assessed_on     TEXT,
  version                BIGINT NOT NULL DEFAULT 1,
  created_at             TEXT NOT NULL,
  created_by             TEXT,
  updated_at             TEXT NOT NULL,
  updated_by             TEXT,
  deleted_at             TEXT
);
CREATE INDEX institution_area ON institution(area_path, type_code, status) WHERE deleted_at IS NULL;
CREATE INDEX institution_type_area ON institution(type_code, area_path);
CREATE INDEX institution_parent ON institution(parent_id);
CREATE UNIQUE INDEX institution_code ON institution(code);

CREATE TABLE institution_status_change (
  id             TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institution(id),
  status         TEXT NOT NULL,
  status_on      TEXT NOT NULL,
  reason         TEXT,
  at             TEXT NOT NULL,
  by_user        TEXT
);
CREATE INDEX institution_status_change_inst ON institution_status_change(institution_id, id);

CREATE TABLE household (
  id               TEXT PRIMARY KEY,
  area_id          TEXT NOT NULL REFERENCES area(id),
  area_path        TEXT COLLATE "C" NOT NULL,
  code             TEXT,
  head_name        TEXT NOT NULL,
  head_father_name TEXT,                -- father's or husband's name of the head
  head_person_id   TEXT,
  name_key         TEXT NOT NULL,       -- normalised head + father names, for duplicate checks
  address          TEXT,
  latitude         DOUBLE PRECISION,
  longitude        DOUBLE PRECISION,
  phone            TEXT,
  national_id      TEXT,
  psc_score        DOUBLE PRECISION,
  psc_date         TEXT,
  psc_source       TEXT,
  poverty_band     TEXT,                -- derived from psc_score, psc_date and poverty_band
  poor             INTEGER NOT NULL DEFAULT 0,
  flags            TEXT NOT NULL DEFAULT '',  -- ' code code ' (vulnerability)
  person_count     INTEGER NOT NULL DEFAULT 0,
  membership_count INTEGER NOT NULL DEFAULT 0,  -- current memberships (organised when > 0)
  merged_into_id   TEXT REFERENCES household(id),
  version          BIGINT NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT,
  deleted_at       TEXT
);
-- Lists walk (area_path, id); roll-ups read only the covering index. Deleted and merged
-- households (deleted_at set) are in neither.
CREATE INDEX household_list ON household(area_path, id) WHERE deleted_at IS NULL;
CREATE INDEX household_area ON household(area_path, poverty_band, poor, membership_count)
  WHERE deleted_at IS NULL;
CREATE INDEX household_village ON household(area_id, name_key) WHERE deleted_at IS NULL;
CREATE INDEX household_national_id ON household(national_id) WHERE national_id IS NOT NULL;
CREATE UNIQUE INDEX household_code ON household(code);

CREATE TABLE person (
  id                    TEXT PRIMARY KEY,
  household_id          TEXT NOT NULL REFERENCES household(id),
  area_path             TEXT COLLATE "C" NOT NULL,
  name                  TEXT NOT NULL,
  sex                   TEXT NOT NULL,   -- 'f' | 'm' | 'x'
  birth_date            TEXT,            -- given, or estimated from an age
  birth_date_estimated  INTEGER NOT NULL DEFAULT 0,
  relation              TEXT NOT NULL,
  wg_seeing             INTEGER,
  wg_hearing            INTEGER,
  wg_mobility           INTEGER,
  wg_cognition          INTEGER,
  wg_self_care          INTEGER,
  wg_communication      INTEGER,
  disability            INTEGER NOT NULL DEFAULT 0,  -- some WG answer is 3 or 4
  displacement          TEXT,            -- host | idp | returnee | refugee
  phone                 TEXT,
  version               BIGINT NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL,
  created_by            TEXT,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT,
  deleted_at            TEXT
);
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_area ON person(area_path) WHERE deleted_at IS NULL;

-- member_kind household: household_id (+ person_id, who represents it); person: person_id;
-- institution: member_institution_id + person_id, the nominated representative.
CREATE TABLE membership (
  id                    TEXT PRIMARY KEY,
  institution_id        TEXT NOT NULL REFERENCES institution(id),
  type_code             TEXT NOT NULL,
  area_path             TEXT COLLATE "C" NOT NULL,
  household_id          TEXT REFERENCES household(id),
  person_id             TEXT REFERENCES person(id),
  member_institution_id TEXT REFERENCES institution(id),
  role                  TEXT NOT NULL,
  joined_on             TEXT NOT NULL,
  left_on               TEXT,
  left_reason           TEXT,
  -- The member person's sex, birth date and disability, copied (and kept in step by the
  -- repository) so that member roll-ups read one covering index, not a person per member.
  member_sex            TEXT,
  member_birth_date     TEXT,
  member_disability     INTEGER NOT NULL DEFAULT 0,
  version               BIGINT NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL,
  created_by            TEXT,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT
);
CREATE INDEX membership_institution ON membership(institution_id, left_on);
CREATE INDEX membership_household ON membership(household_id, type_code);
CREATE INDEX membership_person ON membership(person_id, type_code);
CREATE INDEX membership_member_institution ON membership(member_institution_id);
CREATE INDEX membership_area ON membership(area_path, left_on, member_sex, member_birth_date,
  member_disability, person_id);

CREATE TABLE assessment (
  id             TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institution(id),
  area_path      TEXT COLLATE "C" NOT NULL,
  checklist_code TEXT NOT NULL REFERENCES checklist(code),
  assessed_on    TEXT NOT NULL,
  score          DOUBLE PRECISION NOT NULL,         -- percentage of the checklist's maximum
  grade          TEXT NOT NULL,
  notes          TEXT,
  created_at     TEXT NOT NULL,
  created_by     TEXT
);
CREATE INDEX assessment_institution ON assessment(institution_id, assessed_on);
CREATE TABLE assessment_answer (
  assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
  item_code     TEXT NOT NULL,
  score         INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, item_code)
);

-- Defaults (the administrator changes them through the API).
INSERT INTO registry_option (list, code, name, position) VALUES
  ('member_role', 'president', 'President', 1),
  ('member_role', 'manager', 'Secretary / manager', 2),
  ('member_role', 'treasurer', 'Treasurer', 3),
  ('member_role', 'member', 'Member', 4),
  ('vulnerability', 'female_headed', 'Female-headed', 1),
  ('vulnerability', 'disability', 'Person with a disability', 2),
  ('vulnerability', 'displaced', 'Displaced', 3),
  ('vulnerability', 'elderly_headed', 'Elderly-headed', 4);

INSERT INTO institution_type
  (code, name, tier, parent_types, member_kind, size_min, size_max, position) VALUES
  ('CO', 'Community organisation', 1, 'VO', 'household', 15, 25, 1),
  ('VO', 'Village organisation', 2, 'LSO CLF', 'institution', NULL, NULL, 2),
  ('LSO', 'Local support organisation', 3, '', 'institution', NULL, NULL, 3),
  ('SHG', 'Self-help group', 1, 'VO', 'person', 10, 20, 4),
  ('CLF', 'Cluster level federation', 3, '', 'institution', NULL, NULL, 5),
  ('CEFC', 'Community engagement and feedback centre', 1, '', 'person', 5, 15, 6),
  ('CSWG', 'Community security working group', 1, '', 'person', 7, 15, 7),
  ('CBO', 'Community-based organisation', 1, '', 'household', NULL, NULL, 8);

INSERT INTO poverty_band
  (effective_from, code, name, lower_bound, poor, position, source) VALUES
  ('2000-01-01', 'extremely_poor', 'Extremely poor (0-11)', 0, 1, 1, 'UCBPRP/PPRP (SRSO) PSC bands'),
  ('2000-01-01', 'chronically_poor', 'Chronically poor (12-18)', 12, 1, 2, 'UCBPRP/PPRP (SRSO) PSC bands'),
  ('2000-01-01', 'transitory_poor', 'Transitory poor (19-23)', 19, 1, 3, 'UCBPRP/PPRP (SRSO) PSC bands'),
  ('2000-01-01', 'non_poor', 'Non-poor (24-100)', 24, 0, 4, 'UCBPRP/PPRP (SRSO) PSC bands');

INSERT INTO checklist (code, name, institution_types) VALUES
  ('panchasutra', 'Panchasutra (five norms)', 'SHG'),
  ('dashasutra', 'Dashasutra (ten norms)', 'SHG VO CLF'),
  ('co_grading', 'CO grading (100 points)', 'CO VO LSO CBO');
INSERT INTO checklist_item (checklist_code, position, code, name, max_score) VALUES
  ('panchasutra', 1, 'meetings', 'Regular meetings', 1),
  ('panchasutra', 2, 'savings', 'Regular savings', 1),
  ('panchasutra', 3, 'inter_loaning', 'Regular inter-loaning', 1),
  ('panchasutra', 4, 'repayment', 'Timely repayment', 1),
  ('panchasutra', 5, 'books', 'Up-to-date books of accounts', 1),
  ('dashasutra', 1, 'meetings', 'Regular meetings', 1),
  ('dashasutra', 2, 'savings', 'Regular savings', 1),
  ('dashasutra', 3, 'internal_lending', 'Internal lending', 1),
  ('dashasutra', 4, 'repayment', 'Regular repayment of loans', 1),
  ('dashasutra', 5, 'book_keeping', 'Book keeping', 1),
  ('dashasutra', 6, 'health', 'Good health, nutrition and WASH', 1),
  ('dashasutra', 7, 'education', 'Quality education for all', 1),
  ('dashasutra', 8, 'panchayat', 'Participation in Panchayat Raj Institutions', 1),
  ('dashasutra', 9, 'entitlements', 'Access to entitlements', 1),
  ('dashasutra', 10, 'livelihoods', 'Sustainable livelihoods', 1),
  ('co_grading', 1, 'meetings', 'Regular meetings', 10),
  ('co_grading', 2, 'attendance', 'Attendance', 10),
  ('co_grading', 3, 'participation', 'Participation in decisions', 10),
  ('co_grading', 4, 'savings', 'Regular savings', 10),
  ('co_grading', 5, 'rules', 'Knowledge of rules', 10),
  ('co_grading', 6, 'lending', 'Internal lending', 10),
  ('co_grading', 7, 'repayment', 'Repayment', 10),
  ('co_grading', 8, 'records', 'Books and records', 10),
  ('co_grading', 9, 'homogeneity', 'Homogeneity', 10),
  ('co_grading', 10, 'poverty', 'Understanding of poverty', 10);
INSERT INTO checklist_grade (checklist_code, grade, min_percent) VALUES
  ('panchasutra', 'A', 100), ('panchasutra', 'B', 60), ('panchasutra', 'C', 0),
  ('dashasutra', 'A', 80), ('dashasutra', 'B', 50), ('dashasutra', 'C', 0),
  ('co_grading', 'A', 85), ('co_grading', 'B', 75), ('co_grading', 'C', 0);
