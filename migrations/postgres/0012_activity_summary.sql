-- Numbered 0012: 0011 (training edits) was committed first by a change made at the same time.
-- Monthly counts by type x topic x sex (GET /activities/summary) and the verification queue at
-- issue 4's size (2,000,000 activities, 20,000,000 participant rows), from derived data kept by
-- the activity repository in the writer's transaction (see docs/architecture.md):
--
-- activity.participants_f/_m/_x: the activity's participants by sex. The counted participants
-- when the activity has counts (counted_total > 0; they include the named ones), else its named
-- attendees who attended, by the sex the registry holds for them.
--
-- activity_rollup: submitted and verified activities and their participants by area x status x
-- month x type x topic x sex, where an activity counts in its own area AND in every ancestor of
-- it, so a district's or a province's months are a few thousand rows of its own. topic '' is an
-- activity without topics; an activity with two topics counts under each; an activity counts
-- under a sex when it has participants of that sex. Rows reaching zero are deleted.

ALTER TABLE activity ADD COLUMN participants_f INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity ADD COLUMN participants_m INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity ADD COLUMN participants_x INTEGER NOT NULL DEFAULT 0;

UPDATE activity SET
  participants_f = CASE WHEN counted_total > 0
    THEN (SELECT COALESCE(SUM(c.count), 0) FROM activity_count c WHERE c.activity_id = activity.id AND c.sex = 'f')
    ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
          WHERE t.activity_id = activity.id AND t.attended = 1 AND p.sex = 'f') END,
  participants_m = CASE WHEN counted_total > 0
    THEN (SELECT COALESCE(SUM(c.count), 0) FROM activity_count c WHERE c.activity_id = activity.id AND c.sex = 'm')
    ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
          WHERE t.activity_id = activity.id AND t.attended = 1 AND p.sex = 'm') END,
  participants_x = CASE WHEN counted_total > 0
    THEN (SELECT COALESCE(SUM(c.count), 0) FROM activity_count c WHERE c.activity_id = activity.id AND c.sex = 'x')
    ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id
          WHERE t.activity_id = activity.id AND t.attended = 1 AND p.sex = 'x') END
WHERE counted_total > 0 OR named_total > 0;

CREATE TABLE activity_rollup (
  area_id      TEXT NOT NULL,   -- the activity's area or one of its ancestors
  status       TEXT NOT NULL,   -- submitted | verified
  month        TEXT NOT NULL,   -- YYYY-MM of held_on
  type         TEXT NOT NULL,
  topic        TEXT NOT NULL,   -- '' for an activity without topics
  sex          TEXT NOT NULL,   -- f | m | x
  activities   BIGINT NOT NULL,
  participants BIGINT NOT NULL,
  PRIMARY KEY (area_id, status, month, type, topic, sex)
);

-- The same statement as storage::RebuildActivityRollup (the demo generator's bulk load).
INSERT INTO activity_rollup (area_id, status, month, type, topic, sex, activities, participants)
WITH RECURSIVE up(area_id, ancestor_id) AS (
  SELECT id, id FROM area
  UNION ALL
  SELECT up.area_id, a.parent_id FROM up JOIN area a ON a.id = up.ancestor_id WHERE a.parent_id IS NOT NULL
), own AS (
  SELECT x.area_id, x.status, substr(x.held_on, 1, 7) AS month, x.type, COALESCE(t.topic, '') AS topic,
         s.sex, COUNT(*) AS activities,
         SUM(CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN x.participants_m ELSE x.participants_x END) AS participants
  FROM activity x LEFT JOIN activity_topic t ON t.activity_id = x.id
  JOIN (SELECT 'f' AS sex UNION ALL SELECT 'm' UNION ALL SELECT 'x') s
    ON CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN x.participants_m ELSE x.participants_x END > 0
  WHERE x.status IN ('submitted', 'verified')
  GROUP BY x.area_id, x.status, substr(x.held_on, 1, 7), x.type, COALESCE(t.topic, ''), s.sex
)
SELECT up.ancestor_id, own.status, own.month, own.type, own.topic, own.sex, SUM(own.activities),
       SUM(own.participants)
FROM own JOIN up ON up.area_id = own.area_id
GROUP BY up.ancestor_id, own.status, own.month, own.type, own.topic, own.sex;

-- The verification queue: its total (status + area range + not the caller's own) from this
-- index alone; its first page in held_on order from activity_status_held when the area has many
-- waiting. activity_status_held also answers the days of a partial first or last month of the
-- summary (status, then the days, then the area; the columns the summary reads).
DROP INDEX activity_queue;
CREATE INDEX activity_queue ON activity(status, area_path, author_id);
CREATE INDEX activity_status_held ON activity(status, held_on, id, area_path, author_id, type,
                                              participants_f, participants_m, participants_x);
