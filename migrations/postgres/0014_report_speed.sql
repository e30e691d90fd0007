-- Progress reports at 1,000,000 households (issue 5): columns kept by the repositories so that
-- the indicator statements read covering indexes instead of a row (and a joined row) per record.
-- (0013 is taken by report template translations, made at the same time.)
--
-- household.registered_on: the day a household counts as registered, the earlier of its poverty
-- survey and its record's creation (households imported from an older register keep their
-- survey date); written with psc_date.
-- membership.member_band / member_poor: a household member's poverty band and poor flag, copied
-- from the household (as member_sex is from the person) and kept in step when the band changes.
-- activity_count.named: the activity's named attendees who fall in the count cell (same sex, age
-- band on the activity's date, disability), kept when the activity or such a person changes; a
-- cell adds only its anonymous remainder, count - named, to the participant indicators.

ALTER TABLE household ADD COLUMN registered_on TEXT;
UPDATE household SET registered_on = CASE WHEN psc_date IS NOT NULL AND psc_date < substr(created_at, 1, 10)
  THEN psc_date ELSE substr(created_at, 1, 10) END;
DROP INDEX household_area;
-- deleted_at (always NULL in it) is in the index so that SQLite reads it alone: a query naming
-- a column the index lacks reads the table rows too.
CREATE INDEX household_area ON household(area_path, registered_on, poverty_band, poor, membership_count,
  person_count, deleted_at) WHERE deleted_at IS NULL;

ALTER TABLE membership ADD COLUMN member_band TEXT;
ALTER TABLE membership ADD COLUMN member_poor INTEGER NOT NULL DEFAULT 0;
UPDATE membership SET
  member_band = (SELECT h.poverty_band FROM household h WHERE h.id = membership.household_id),
  member_poor = COALESCE((SELECT h.poor FROM household h WHERE h.id = membership.household_id), 0)
  WHERE household_id IS NOT NULL;
DROP INDEX membership_area;
CREATE INDEX membership_area ON membership(area_path, joined_on, left_on, type_code, household_id,
  person_id, member_institution_id, member_sex, member_birth_date, member_disability, member_band,
  member_poor);

ALTER TABLE activity_count ADD COLUMN named INTEGER NOT NULL DEFAULT 0;
UPDATE activity_count SET named = (
  SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id JOIN activity a ON a.id = t.activity_id
  WHERE t.activity_id = activity_count.activity_id AND t.attended = 1 AND p.sex = activity_count.sex
    AND p.disability = activity_count.disability
    AND CASE WHEN p.birth_date IS NULL THEN 'unknown'
             WHEN p.birth_date > (CAST(substr(a.held_on, 1, 4) AS INTEGER) - 5) || substr(a.held_on, 5) THEN '0-4'
             WHEN p.birth_date > (CAST(substr(a.held_on, 1, 4) AS INTEGER) - 12) || substr(a.held_on, 5) THEN '5-11'
             WHEN p.birth_date > (CAST(substr(a.held_on, 1, 4) AS INTEGER) - 18) || substr(a.held_on, 5) THEN '12-17'
             WHEN p.birth_date > (CAST(substr(a.held_on, 1, 4) AS INTEGER) - 60) || substr(a.held_on, 5) THEN '18-59'
             ELSE '60+' END = activity_count.age_band);
