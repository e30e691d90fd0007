-- Report templates are created and deleted by administrators, and carry translations of their
-- name and of each section title per language (like indicator_name). The four shipped templates
-- are marked built in (they cannot be deleted) and come with Pashto and Ukrainian names and
-- section titles.
ALTER TABLE report_template ADD COLUMN builtin INTEGER NOT NULL DEFAULT 0;
UPDATE report_template SET builtin = 1 WHERE code IN ('MPR', 'QPR', 'BAR', 'APR');

CREATE TABLE report_template_name (
  template_code TEXT NOT NULL REFERENCES report_template(code) ON DELETE CASCADE,
  lang          TEXT NOT NULL,
  name          TEXT NOT NULL,
  PRIMARY KEY (template_code, lang)
);

-- A section is named by its title as the template's items carry it (report_template_item.section).
CREATE TABLE report_section_name (
  template_code TEXT NOT NULL REFERENCES report_template(code) ON DELETE CASCADE,
  section       TEXT NOT NULL,
  lang          TEXT NOT NULL,
  title         TEXT NOT NULL,
  PRIMARY KEY (template_code, section, lang)
);

INSERT INTO report_template_name (template_code, lang, name) VALUES
 ('MPR', 'ps', 'د پرمختګ میاشتنی راپور'),
 ('QPR', 'ps', 'د پرمختګ درې میاشتنی راپور'),
 ('BAR', 'ps', 'د پرمختګ شپږ میاشتنی راپور'),
 ('APR', 'ps', 'د پرمختګ کلنی راپور'),
 ('MPR', 'uk', 'Щомісячний звіт про прогрес'),
 ('QPR', 'uk', 'Квартальний звіт про прогрес'),
 ('BAR', 'uk', 'Піврічний звіт про прогрес'),
 ('APR', 'uk', 'Річний звіт про прогрес');

INSERT INTO report_section_name (template_code, section, lang, title)
  SELECT t.code, s.section, s.lang, s.title
  FROM report_template t CROSS JOIN (
    SELECT 'Community institutions' AS section, 'ps' AS lang, 'ټولنیز بنسټونه' AS title
    UNION ALL SELECT 'Activities and reach', 'ps', 'فعالیتونه او رسېدنه'
    UNION ALL SELECT 'Trainings', 'ps', 'روزنې'
    UNION ALL SELECT 'Community feedback', 'ps', 'د ټولنې نظرونه'
    UNION ALL SELECT 'Savings and banking', 'ps', 'سپما او بانکداري'
    UNION ALL SELECT 'Community institutions', 'uk', 'Громадські інституції'
    UNION ALL SELECT 'Activities and reach', 'uk', 'Заходи й охоплення'
    UNION ALL SELECT 'Trainings', 'uk', 'Навчання'
    UNION ALL SELECT 'Community feedback', 'uk', 'Відгуки громади'
    UNION ALL SELECT 'Savings and banking', 'uk', 'Заощадження і банківські рахунки'
  ) s
  WHERE t.code IN ('MPR', 'QPR', 'BAR', 'APR')
    AND EXISTS (SELECT 1 FROM report_template_item i WHERE i.template_code = t.code AND i.section = s.section);
