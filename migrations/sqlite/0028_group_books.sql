-- Group books (issue 19): the ledger of a self-help group or community organisation, its rules
-- (constitution) by effective date, its meetings with each member's attendance, and loans to
-- members with their instalment schedules. Amounts are integers in the currency's minor units
-- (programme_setting 'currency' and 'currency_digits'). The ledger is append-only: a correction
-- is a reversal entry (reverses_id, at most one per entry) with a reason. Every balance is a sum
-- of entries; nothing here stores a balance.

INSERT INTO programme_setting (key, value) VALUES
  ('currency', 'AFN'),                 -- ISO 4217 code of the programme's money
  ('currency_digits', '2');            -- minor units per unit: 10^digits

INSERT INTO registry_option (list, code, name, position) VALUES
  ('loan_purpose', 'livestock', 'Livestock', 1),
  ('loan_purpose', 'agriculture', 'Agriculture', 2),
  ('loan_purpose', 'small_business', 'Small business', 3),
  ('loan_purpose', 'education', 'Education', 4),
  ('loan_purpose', 'health', 'Health', 5),
  ('loan_purpose', 'household', 'Household needs', 6),
  ('loan_purpose', 'other', 'Other', 7);

CREATE TABLE book_rule (
  id               TEXT PRIMARY KEY,
  institution_id   TEXT NOT NULL REFERENCES institution(id),
  area_path        TEXT NOT NULL,
  effective_from   TEXT NOT NULL,
  saving_amount    INTEGER NOT NULL,          -- compulsory saving per member per period
  saving_frequency TEXT NOT NULL,          -- weekly | fortnightly | monthly
  interest_rule    TEXT NOT NULL,          -- flat | declining
  interest_bp      INTEGER NOT NULL,       -- monthly interest in basis points (200 = 2 %)
  penalty_absence  INTEGER NOT NULL,
  penalty_late     INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  created_by       TEXT
);
CREATE UNIQUE INDEX book_rule_from ON book_rule(institution_id, effective_from);

CREATE TABLE book_meeting (
  id             TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institution(id),
  area_path      TEXT NOT NULL,
  held_on        TEXT NOT NULL,
  opening_cash   INTEGER NOT NULL,
  closing_cash   INTEGER NOT NULL,
  members        INTEGER NOT NULL,       -- members listed
  present        INTEGER NOT NULL,       -- of whom present
  created_at     TEXT NOT NULL,
  created_by     TEXT
);
CREATE UNIQUE INDEX book_meeting_day ON book_meeting(institution_id, held_on);
CREATE INDEX book_meeting_area ON book_meeting(area_path, held_on);

CREATE TABLE book_attendance (
  meeting_id    TEXT NOT NULL REFERENCES book_meeting(id),
  membership_id TEXT NOT NULL REFERENCES membership(id),
  present       INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, membership_id)
);

CREATE TABLE member_loan (
  id             TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institution(id),
  area_path      TEXT NOT NULL,
  membership_id  TEXT NOT NULL REFERENCES membership(id),
  meeting_id     TEXT NOT NULL REFERENCES book_meeting(id),
  purpose        TEXT NOT NULL,
  principal      INTEGER NOT NULL,
  interest_rule  TEXT NOT NULL,          -- flat | declining
  interest_bp    INTEGER NOT NULL,
  instalments    INTEGER NOT NULL,
  disbursed_on   TEXT NOT NULL,
  status         TEXT NOT NULL,          -- active | written_off
  status_reason  TEXT,
  reschedules    INTEGER NOT NULL DEFAULT 0,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
CREATE INDEX member_loan_group ON member_loan(institution_id, membership_id);
CREATE INDEX member_loan_area ON member_loan(area_path, status);

-- The schedule now in force (a rescheduling replaces the instalments after the last one due).
CREATE TABLE loan_instalment (
  loan_id   TEXT NOT NULL REFERENCES member_loan(id),
  number    INTEGER NOT NULL,
  due_on    TEXT NOT NULL,
  principal INTEGER NOT NULL,
  interest  INTEGER NOT NULL,
  PRIMARY KEY (loan_id, number)
);

CREATE TABLE ledger_entry (
  id             TEXT PRIMARY KEY,       -- UUIDv7: sorts in the order written
  institution_id TEXT NOT NULL REFERENCES institution(id),
  area_path      TEXT NOT NULL,
  entry_on       TEXT NOT NULL,
  kind           TEXT NOT NULL,          -- see domain/finance/ledger.hpp
  amount         INTEGER NOT NULL,          -- minor units; a reversal has the opposite sign
  membership_id  TEXT REFERENCES membership(id),
  loan_id        TEXT REFERENCES member_loan(id),
  meeting_id     TEXT REFERENCES book_meeting(id),
  reverses_id    TEXT REFERENCES ledger_entry(id),
  reason         TEXT,
  created_at     TEXT NOT NULL,
  created_by     TEXT
);
CREATE INDEX ledger_group ON ledger_entry(institution_id, kind, membership_id);
CREATE INDEX ledger_area ON ledger_entry(area_path, entry_on);
CREATE INDEX ledger_loan ON ledger_entry(loan_id);
CREATE INDEX ledger_meeting ON ledger_entry(meeting_id);
CREATE UNIQUE INDEX ledger_reversal ON ledger_entry(reverses_id);
