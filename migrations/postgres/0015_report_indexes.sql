-- Progress reports at 1,000,000 households (issue 5), second step: the activity statements read
-- a province's activities, not the country's, and distinct counts of members are mostly sums.
--
-- activity_area becomes covering for the indicator statements (status, type, course and id
-- beside the area and day): a report reads every activity of its area since the project's start,
-- which the area range finds directly (activity_status_held would walk every verified activity
-- of the programme). activity_count_cover does the same for the count cells of those activities.
--
-- membership.member_repeated: 1 when the row's household or person is also in another
-- membership row (kept by the repository: rows are never deleted, and a member's household or
-- person only changes when two households are merged). A distinct count of households or people
-- is then the number of the other rows, each its member's only one, plus a distinct count over
-- the repeated rows alone, which membership_repeated holds.

DROP INDEX activity_area;
CREATE INDEX activity_area ON activity(area_path, held_on, status, type, course_id, id);
CREATE INDEX activity_count_cover ON activity_count(activity_id, count, named, sex, age_band, disability);

ALTER TABLE membership ADD COLUMN member_repeated INTEGER NOT NULL DEFAULT 0;
UPDATE membership SET member_repeated = 1
  WHERE EXISTS (SELECT 1 FROM membership o WHERE o.household_id = membership.household_id AND o.id <> membership.id)
     OR EXISTS (SELECT 1 FROM membership o WHERE o.person_id = membership.person_id AND o.id <> membership.id);
DROP INDEX membership_area;
-- The band and sex right after the area: members by band or sex are grouped by area, band and
-- sex in index order (nothing sorted), then by what was asked.
CREATE INDEX membership_area ON membership(area_path, member_band, member_sex, joined_on, left_on,
  type_code, household_id, person_id, member_institution_id, member_birth_date, member_disability,
  member_poor, member_repeated);
CREATE INDEX membership_repeated ON membership(area_path, joined_on, left_on, type_code, household_id,
  person_id, member_institution_id, member_sex, member_birth_date, member_disability, member_band,
  member_poor, member_repeated) WHERE member_repeated = 1;
