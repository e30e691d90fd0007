-- The invariants the ActivityService keeps, checked on a database filled by
-- `mobilise demo --activities N` (bench/activity_stage.sh runs it on a small one). Each line
-- prints a check's name and the number of activities (or rows) breaking it: all must be 0.
.mode list
.separator ': '
SELECT 'counted_total is not the sum of the counts', COUNT(*) FROM activity x
  WHERE counted_total != (SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id);
SELECT 'named_total is not the attended named participants', COUNT(*) FROM activity x
  WHERE named_total != (SELECT COUNT(*) FROM attendance t WHERE t.activity_id = x.id AND t.attended = 1);
SELECT 'more named than counted (when any are counted)', COUNT(*) FROM activity
  WHERE counted_total > 0 AND named_total > counted_total;
SELECT 'a training without a topic', COUNT(*) FROM activity x
  WHERE type = 'training' AND NOT EXISTS (SELECT 1 FROM activity_topic t WHERE t.activity_id = x.id);
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
-- Derived data for the monthly counts (migration 0012, storage/repositories/activity_rollup.hpp):
-- participants by sex are the counts, or with none counted the attended named participants by
-- their sex; activity_rollup is every submitted/verified activity summed up into its own area and
-- each ancestor (recomputed here from the activity rows and compared both ways).
SELECT 'participants by sex are not the counts (or the attended named)', COUNT(*) FROM activity x
  WHERE participants_f != CASE WHEN counted_total > 0
      THEN (SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id AND c.sex = 'f')
      ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
            WHERE t.activity_id = x.id AND t.attended = 1 AND p.sex = 'f') END
     OR participants_m != CASE WHEN counted_total > 0
      THEN (SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id AND c.sex = 'm')
      ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
            WHERE t.activity_id = x.id AND t.attended = 1 AND p.sex = 'm') END
     OR participants_x != CASE WHEN counted_total > 0
      THEN (SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id AND c.sex = 'x')
      ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
            WHERE t.activity_id = x.id AND t.attended = 1 AND p.sex = 'x') END;
WITH RECURSIVE up(area_id, ancestor_id) AS (
  SELECT id, id FROM area
  UNION ALL
  SELECT up.area_id, a.parent_id FROM up JOIN area a ON a.id = up.ancestor_id WHERE a.parent_id IS NOT NULL
), contribution AS (
  SELECT x.area_id, x.status, substr(x.held_on, 1, 7) AS month, x.type, COALESCE(t.topic, '') AS topic,
         s.sex, CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN x.participants_m ELSE x.participants_x END AS n
  FROM activity x LEFT JOIN activity_topic t ON t.activity_id = x.id
  JOIN (SELECT 'f' AS sex UNION ALL SELECT 'm' UNION ALL SELECT 'x') s
  WHERE x.status IN ('submitted', 'verified')
), expected AS (
  SELECT up.ancestor_id, c.status, c.month, c.type, c.topic, c.sex, COUNT(*) AS activities, SUM(c.n) AS participants
  FROM contribution c JOIN up ON up.area_id = c.area_id WHERE c.n > 0
  GROUP BY up.ancestor_id, c.status, c.month, c.type, c.topic, c.sex
), stored AS (
  SELECT area_id, status, month, type, topic, sex, activities, participants FROM activity_rollup
)
SELECT 'activity_rollup rows not the activities summed up', 
  (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM stored)) +
  (SELECT COUNT(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM expected));
