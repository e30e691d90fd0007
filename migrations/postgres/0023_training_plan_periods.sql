-- Issue 15: a training plan's days follow the programme's fiscal year, as targets' and reports'
-- do. Plans were stored with calendar days ("2026Q1" as January-March whatever the fiscal year):
-- the days of every plan of a quarter, half-year or year are derived again from its period code
-- under the fiscal year set now (months are calendar months and stay as they are). With a
-- January fiscal year nothing changes. A plan's first month counts months from year 0 (year x 12
-- + month - 1); its last day is the day before the first month after it.
CREATE TABLE plan_period_fix (
  id          TEXT PRIMARY KEY,
  first_month INTEGER NOT NULL,
  months      INTEGER NOT NULL
);
INSERT INTO plan_period_fix (id, first_month, months)
SELECT p.id,
       (CAST(substr(p.period, 1, 4) AS INTEGER) - f.shift) * 12 + f.start_month - 1 +
         CASE substr(p.period, 5, 1)
           WHEN 'Q' THEN 3 * (CAST(substr(p.period, 6, 1) AS INTEGER) - 1)
           WHEN 'S' THEN 6 * (CAST(substr(p.period, 6, 1) AS INTEGER) - 1)
           ELSE 0 END,
       CASE substr(p.period, 5, 1) WHEN 'Q' THEN 3 WHEN 'S' THEN 6 ELSE 12 END
  FROM training_plan p,
       (SELECT s.m AS start_month, CASE WHEN s.m <> 1 AND s.l = 'end' THEN 1 ELSE 0 END AS shift
          FROM (SELECT CAST(COALESCE((SELECT value FROM programme_setting
                                       WHERE key = 'fiscal_year_start_month'), '1') AS INTEGER) AS m,
                       COALESCE((SELECT value FROM programme_setting
                                  WHERE key = 'fiscal_year_label'), 'start') AS l) s) f
 WHERE length(p.period) = 4 OR (length(p.period) = 6 AND substr(p.period, 5, 1) IN ('Q', 'S'));
UPDATE training_plan p SET
  period_start = to_char(make_date(x.first_month / 12, x.first_month % 12 + 1, 1), 'YYYY-MM-DD'),
  period_end = to_char(make_date((x.first_month + x.months) / 12,
                                 (x.first_month + x.months) % 12 + 1, 1) - 1, 'YYYY-MM-DD')
  FROM plan_period_fix x
 WHERE x.id = p.id;
DROP TABLE plan_period_fix;
