-- The change feed that devices sync from (GET /api/v1/sync): one row per write of a record a
-- device keeps, written by triggers in the writer's transaction, so no write path (services,
-- imports, merges, area moves, derived counts) can forget it. A row names the record the
-- device stores (a person's row names its household, which embeds its people; a file names its
-- activity), the record's area path and, when the path changed, the old one: a device whose
-- scope held the old path learns that the record left it. `kind` is delete for removed rows;
-- the sync reads each record's current state anyway.
--
-- seq follows commit order, also with several servers: change_feed_add takes one transaction-
-- scoped advisory lock before it draws a seq, and holds it to commit. A transaction that draws
-- seq n therefore committed (and is visible: PostgreSQL ends a transaction's visibility before
-- it releases its locks) every row numbered below n, so a reader that sees n sees all of them
-- and its cursor can never pass a change committed later with a smaller number. The cost: the
-- tails of writing transactions (from their first change row to commit) run one at a time.
CREATE TABLE change_feed (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity        TEXT NOT NULL,   -- areas | courses | institutions | households | memberships | activities | feedback
  entity_id     TEXT NOT NULL,
  area_path     TEXT COLLATE "C",            -- null: seen by everyone (courses)
  old_area_path TEXT COLLATE "C",            -- set when the record moved
  kind          TEXT NOT NULL,   -- upsert | delete
  at            TEXT NOT NULL
);
-- A page reads "seq > cursor" for each area path of the caller's scope: one range per path.
CREATE INDEX change_feed_path ON change_feed(area_path, seq);
CREATE INDEX change_feed_old_path ON change_feed(old_area_path, seq) WHERE old_area_path IS NOT NULL;

CREATE FUNCTION change_feed_add(p_entity TEXT, p_id TEXT, p_path TEXT, p_old_path TEXT,
                                p_kind TEXT) RETURNS void AS $$
BEGIN
  IF p_id IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(7235180018);
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES (p_entity, p_id, p_path, NULLIF(p_old_path, p_path), p_kind,
          to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
END $$ LANGUAGE plpgsql;

CREATE FUNCTION change_feed_area() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM change_feed_add('areas', OLD.id, OLD.path, NULL, 'delete');
  ELSIF TG_OP = 'UPDATE' THEN PERFORM change_feed_add('areas', NEW.id, NEW.path, OLD.path, 'upsert');
  ELSE PERFORM change_feed_add('areas', NEW.id, NEW.path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_area_insert AFTER INSERT ON area FOR EACH ROW EXECUTE FUNCTION change_feed_area();
CREATE TRIGGER change_feed_area_update AFTER UPDATE ON area FOR EACH ROW EXECUTE FUNCTION change_feed_area();
CREATE TRIGGER change_feed_area_delete AFTER DELETE ON area FOR EACH ROW EXECUTE FUNCTION change_feed_area();

CREATE FUNCTION change_feed_course() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM change_feed_add('courses', OLD.id, NULL, NULL, 'delete');
  ELSE PERFORM change_feed_add('courses', NEW.id, NULL, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_course_insert AFTER INSERT ON course FOR EACH ROW EXECUTE FUNCTION change_feed_course();
CREATE TRIGGER change_feed_course_update AFTER UPDATE ON course FOR EACH ROW EXECUTE FUNCTION change_feed_course();
CREATE TRIGGER change_feed_course_delete AFTER DELETE ON course FOR EACH ROW EXECUTE FUNCTION change_feed_course();

CREATE FUNCTION change_feed_institution() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('institutions', OLD.id, OLD.area_path, NULL, 'delete');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('institutions', NEW.id, NEW.area_path, OLD.area_path,
                            CASE WHEN NEW.deleted_at IS NULL THEN 'upsert' ELSE 'delete' END);
  ELSE PERFORM change_feed_add('institutions', NEW.id, NEW.area_path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_institution_insert AFTER INSERT ON institution FOR EACH ROW EXECUTE FUNCTION change_feed_institution();
CREATE TRIGGER change_feed_institution_update AFTER UPDATE ON institution FOR EACH ROW EXECUTE FUNCTION change_feed_institution();
CREATE TRIGGER change_feed_institution_delete AFTER DELETE ON institution FOR EACH ROW EXECUTE FUNCTION change_feed_institution();

CREATE FUNCTION change_feed_household() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('households', OLD.id, OLD.area_path, NULL, 'delete');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('households', NEW.id, NEW.area_path, OLD.area_path,
                            CASE WHEN NEW.deleted_at IS NULL AND NEW.merged_into_id IS NULL
                                 THEN 'upsert' ELSE 'delete' END);
  ELSE PERFORM change_feed_add('households', NEW.id, NEW.area_path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_household_insert AFTER INSERT ON household FOR EACH ROW EXECUTE FUNCTION change_feed_household();
CREATE TRIGGER change_feed_household_update AFTER UPDATE ON household FOR EACH ROW EXECUTE FUNCTION change_feed_household();
CREATE TRIGGER change_feed_household_delete AFTER DELETE ON household FOR EACH ROW EXECUTE FUNCTION change_feed_household();

-- A person is part of its household's record.
CREATE FUNCTION change_feed_person() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('households', OLD.household_id, OLD.area_path, NULL, 'upsert');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('households', NEW.household_id, NEW.area_path, OLD.area_path, 'upsert');
  ELSE PERFORM change_feed_add('households', NEW.household_id, NEW.area_path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_person_insert AFTER INSERT ON person FOR EACH ROW EXECUTE FUNCTION change_feed_person();
CREATE TRIGGER change_feed_person_update AFTER UPDATE ON person FOR EACH ROW EXECUTE FUNCTION change_feed_person();
CREATE TRIGGER change_feed_person_delete AFTER DELETE ON person FOR EACH ROW EXECUTE FUNCTION change_feed_person();

-- A membership is also listed in its household's record.
CREATE FUNCTION change_feed_membership() RETURNS trigger AS $$
DECLARE h RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('memberships', OLD.id, OLD.area_path, NULL, 'delete');
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('memberships', NEW.id, NEW.area_path, OLD.area_path,
                            CASE WHEN NEW.left_on IS NULL THEN 'upsert' ELSE 'delete' END);
  ELSE PERFORM change_feed_add('memberships', NEW.id, NEW.area_path, NULL, 'upsert');
  END IF;
  FOR h IN SELECT id, area_path FROM household
           WHERE id = NEW.household_id OR (TG_OP = 'UPDATE' AND id = OLD.household_id) LOOP
    PERFORM change_feed_add('households', h.id, h.area_path, NULL, 'upsert');
  END LOOP;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_membership_insert AFTER INSERT ON membership FOR EACH ROW EXECUTE FUNCTION change_feed_membership();
CREATE TRIGGER change_feed_membership_update AFTER UPDATE ON membership FOR EACH ROW EXECUTE FUNCTION change_feed_membership();
CREATE TRIGGER change_feed_membership_delete AFTER DELETE ON membership FOR EACH ROW EXECUTE FUNCTION change_feed_membership();

CREATE FUNCTION change_feed_activity() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('activities', OLD.id, OLD.area_path, NULL, 'delete');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('activities', NEW.id, NEW.area_path, OLD.area_path, 'upsert');
  ELSE PERFORM change_feed_add('activities', NEW.id, NEW.area_path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_activity_insert AFTER INSERT ON activity FOR EACH ROW EXECUTE FUNCTION change_feed_activity();
CREATE TRIGGER change_feed_activity_update AFTER UPDATE ON activity FOR EACH ROW EXECUTE FUNCTION change_feed_activity();
CREATE TRIGGER change_feed_activity_delete AFTER DELETE ON activity FOR EACH ROW EXECUTE FUNCTION change_feed_activity();

-- An activity's record counts its files.
CREATE FUNCTION change_feed_file() RETURNS trigger AS $$
DECLARE a RECORD;
BEGIN
  IF NEW.record <> 'activity' THEN RETURN NULL; END IF;
  FOR a IN SELECT id, area_path FROM activity WHERE id = NEW.record_id LOOP
    PERFORM change_feed_add('activities', a.id, a.area_path, NULL, 'upsert');
  END LOOP;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_file_insert AFTER INSERT ON file FOR EACH ROW EXECUTE FUNCTION change_feed_file();

CREATE FUNCTION change_feed_feedback() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM change_feed_add('feedback', OLD.id, OLD.area_path, NULL, 'delete');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM change_feed_add('feedback', NEW.id, NEW.area_path, OLD.area_path, 'upsert');
  ELSE PERFORM change_feed_add('feedback', NEW.id, NEW.area_path, NULL, 'upsert');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_feedback_insert AFTER INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION change_feed_feedback();
CREATE TRIGGER change_feed_feedback_update AFTER UPDATE ON feedback FOR EACH ROW EXECUTE FUNCTION change_feed_feedback();
CREATE TRIGGER change_feed_feedback_delete AFTER DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION change_feed_feedback();

-- A case's record lists its events.
CREATE FUNCTION change_feed_feedback_event() RETURNS trigger AS $$
DECLARE f RECORD;
BEGIN
  FOR f IN SELECT id, area_path FROM feedback WHERE id = NEW.feedback_id LOOP
    PERFORM change_feed_add('feedback', f.id, f.area_path, NULL, 'upsert');
  END LOOP;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER change_feed_feedback_event_insert AFTER INSERT ON feedback_event FOR EACH ROW EXECUTE FUNCTION change_feed_feedback_event();
