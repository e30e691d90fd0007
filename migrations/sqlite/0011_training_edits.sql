-- Training needs, plans and follow-ups are changed (PATCH with their version) and deleted: they
-- carry a version and who changed them last. A course is deleted only when nothing uses it, and
-- a course's test maximum is checked against the scores given: both look activities up by course.
ALTER TABLE training_need ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE training_need ADD COLUMN updated_at TEXT;
ALTER TABLE training_need ADD COLUMN updated_by TEXT;
ALTER TABLE training_plan ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE training_plan ADD COLUMN updated_at TEXT;
ALTER TABLE training_plan ADD COLUMN updated_by TEXT;
ALTER TABLE training_followup ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE training_followup ADD COLUMN updated_at TEXT;
ALTER TABLE training_followup ADD COLUMN updated_by TEXT;
CREATE INDEX activity_course ON activity(course_id) WHERE course_id IS NOT NULL;
CREATE INDEX training_need_course ON training_need(course_id) WHERE course_id IS NOT NULL;
