-- The invariants the ActivityService keeps, checked on a database filled by
-- `mobilise demo --activities N` (bench/activity_stage.sh runs it on a small one). Each line
-- prints a check's name and the number of activities (or rows) breaking it: all must be 0.
.mode list
.separator ': '
SELECT 'counted_total is not the sum of the counts', COUNT(*) FROM activity x
  WHERE counted_total != (SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id);
SELECT 'named_total is not the attended named participants', COUNT(*) FROM activity x
  WHERE named_total != (SELECT COUNT(*) FROM attendance t WHERE t.activity_id = x.id AND t.attended = 1);
SELECT 'more named than counted', COUNT(*) FROM activity WHERE named_total > counted_total;
SELECT 'without a topic', COUNT(*) FROM activity x
  WHERE NOT EXISTS (SELECT 1 FROM activity_topic t WHERE t.activity_id = x.id);
SELECT 'named participant from another village', COUNT(*) FROM attendance t
  JOIN activity x ON x.id = t.activity_id JOIN person p ON p.id = t.person_id WHERE p.area_path != x.area_path;
SELECT 'training without a course or course without a training', COUNT(*) FROM activity
  WHERE (type = 'training') != (course_id IS NOT NULL);
SELECT 'status without its fields', COUNT(*) FROM activity
  WHERE (status = 'draft') != (submitted_at IS NULL) OR (status = 'verified') != (verified_at IS NOT NULL)
     OR (status = 'returned') != (return_comment IS NOT NULL)
     OR status NOT IN ('draft', 'submitted', 'verified', 'returned');
SELECT 'test score outside 0..the course maximum', COUNT(*) FROM attendance t
  JOIN activity x ON x.id = t.activity_id JOIN course c ON c.id = x.course_id
  WHERE t.pre_score < 0 OR t.pre_score > c.test_max OR t.post_score < 0 OR t.post_score > c.test_max;
SELECT 'held today or later', COUNT(*) FROM activity WHERE held_on >= date('now');
SELECT 'area_path is not the area''s', COUNT(*) FROM activity x JOIN area a ON a.id = x.area_id
  WHERE a.path != x.area_path;
SELECT 'foreign keys broken', COUNT(*) FROM pragma_foreign_key_check;
