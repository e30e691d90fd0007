-- Indicators, targets, progress reports and the DHIS2 mapping (issue 5).

-- Programme-wide settings: fiscal year, project start, traffic-light thresholds, DHIS2 data set.
CREATE TABLE programme_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO programme_setting (key, value) VALUES
  ('fiscal_year_start_month', '1'),   -- 7 = July-June
  ('fiscal_year_label', 'start'),     -- a fiscal year is named by the year it starts (or 'end')
  ('project_start', '2000-01-01'),    -- cumulative values count from here
  ('light_green', '90'),              -- % achieved at or above: green
  ('light_amber', '70'),              -- at or above: amber; below: red
  ('dhis2_data_set', ''),
  ('dhis2_attribute_option_combo', '');

-- An indicator: a measure over one record type with filters, or the ratio of two indicators.
CREATE TABLE indicator (
  code         TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL,
  record       TEXT,                 -- household | institution | membership | activity |
                                     -- participant | trainee | training_plan | feedback; none for a ratio
  measure      TEXT NOT NULL,        -- count | distinct_people | distinct_households | sum | average | ratio
  field        TEXT,                 -- for sum and average
  numerator    TEXT REFERENCES indicator(code),
  denominator  TEXT REFERENCES indicator(code),
  scale        REAL NOT NULL DEFAULT 1,
  dims         TEXT NOT NULL DEFAULT '',  -- disaggregations allowed, space-separated
  builtin      INTEGER NOT NULL DEFAULT 0,
  position     INTEGER NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  created_by   TEXT,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT
);
CREATE TABLE indicator_filter (
  indicator_code TEXT NOT NULL REFERENCES indicator(code) ON DELETE CASCADE,
  field          TEXT NOT NULL,
  vals           TEXT NOT NULL,      -- space-separated; booleans 'true' | 'false'
  PRIMARY KEY (indicator_code, field)
);
CREATE TABLE indicator_name (
  indicator_code TEXT NOT NULL REFERENCES indicator(code) ON DELETE CASCADE,
  lang           TEXT NOT NULL,
  name           TEXT NOT NULL,
  PRIMARY KEY (indicator_code, lang)
);

CREATE TABLE target (
  id             TEXT PRIMARY KEY,
  indicator_code TEXT NOT NULL REFERENCES indicator(code),
  area_id        TEXT NOT NULL REFERENCES area(id),
  area_path      TEXT NOT NULL,
  period         TEXT NOT NULL,
  period_start   TEXT NOT NULL,
  period_end     TEXT NOT NULL,
  disaggregation TEXT NOT NULL DEFAULT '',   -- '' = the total; 'sex=f' 'age_band=18-59;sex=f'
  value          REAL NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE UNIQUE INDEX target_key ON target(indicator_code, area_id, period, disaggregation);
CREATE INDEX target_area ON target(indicator_code, area_path, period_start);

-- Report templates: sections of indicators.
CREATE TABLE report_template (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  period_kind TEXT NOT NULL,          -- month | quarter | half | year
  position    INTEGER NOT NULL
);
CREATE TABLE report_template_item (
  template_code  TEXT NOT NULL REFERENCES report_template(code) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  section        TEXT NOT NULL,
  indicator_code TEXT NOT NULL REFERENCES indicator(code),
  by_dims        TEXT NOT NULL DEFAULT '',   -- disaggregation table shown, space-separated
  PRIMARY KEY (template_code, position)
);

CREATE TABLE report (
  id                 TEXT PRIMARY KEY,
  template_code      TEXT NOT NULL REFERENCES report_template(code),
  area_id            TEXT NOT NULL REFERENCES area(id),
  area_path          TEXT NOT NULL,
  period             TEXT NOT NULL,
  period_start       TEXT NOT NULL,
  period_end         TEXT NOT NULL,
  include_unverified INTEGER NOT NULL DEFAULT 0,
  status             TEXT NOT NULL,   -- draft | submitted | approved | returned
  achievements       TEXT,
  challenges         TEXT,
  lessons            TEXT,
  recommendations    TEXT,
  next_plan          TEXT,
  return_comment     TEXT,
  submitted_at       TEXT,
  submitted_by       TEXT,
  approved_at        TEXT,
  approved_by        TEXT,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  created_by         TEXT,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT
);
CREATE UNIQUE INDEX report_key ON report(template_code, area_id, period);
CREATE INDEX report_area ON report(area_path, period_start);

CREATE TABLE report_story (
  id        TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  body      TEXT NOT NULL,
  file_ids  TEXT NOT NULL DEFAULT ''   -- photos from records, space-separated file ids
);
CREATE INDEX report_story_report ON report_story(report_id, position);

CREATE TABLE report_event (
  id        TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  at        TEXT NOT NULL,
  by_user   TEXT,
  action    TEXT NOT NULL,            -- created | submitted | approved | returned | edited
  note      TEXT
);
CREATE INDEX report_event_report ON report_event(report_id, id);

-- The numbers as approved: one row per indicator x group ('' = total, 'sex=f', 'child=<area id>').
CREATE TABLE report_value (
  report_id      TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  group_key      TEXT NOT NULL,
  period_value   REAL,
  cumulative     REAL,
  previous       REAL,
  target         REAL,
  PRIMARY KEY (report_id, indicator_code, group_key)
);

-- DHIS2: org units of areas, data elements and option combos of indicators x disaggregations,
-- category option codes of disaggregation values (ADX).
CREATE TABLE dhis2_org_unit (
  area_id  TEXT PRIMARY KEY REFERENCES area(id),
  org_unit TEXT NOT NULL
);
CREATE TABLE dhis2_mapping (
  indicator_code        TEXT NOT NULL REFERENCES indicator(code) ON DELETE CASCADE,
  disaggregation        TEXT NOT NULL DEFAULT '',
  data_element          TEXT NOT NULL,
  category_option_combo TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator_code, disaggregation)
);
CREATE TABLE dhis2_category (
  dim         TEXT NOT NULL,          -- sex | age_band | ...
  val         TEXT NOT NULL,          -- f | 18-59 | ...
  category    TEXT NOT NULL,          -- GENDER
  option_code TEXT NOT NULL,          -- FMLE
  PRIMARY KEY (dim, val)
);
