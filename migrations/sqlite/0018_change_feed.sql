-- The change feed that devices sync from (GET /api/v1/sync): one row per write of a record a
-- device keeps, written by triggers in the writer's transaction, so no write path (services,
-- imports, merges, area moves, derived counts) can forget it. seq is the commit order: SQLite
-- has one writer at a time (write units take the lock up front). A row names the record the
-- device stores (a person's row names its household, which embeds its people; a file names its
-- activity), the record's area path and, when the path changed, the old one: a device whose
-- scope held the old path learns that the record left it. `kind` is delete for removed rows;
-- the sync reads each record's current state anyway.
CREATE TABLE change_feed (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  entity        TEXT NOT NULL,   -- areas | courses | institutions | households | memberships | activities | feedback
  entity_id     TEXT NOT NULL,
  area_path     TEXT,            -- null: seen by everyone (courses)
  old_area_path TEXT,            -- set when the record moved
  kind          TEXT NOT NULL,   -- upsert | delete
  at            TEXT NOT NULL
);
-- A page reads "seq > cursor" for each area path of the caller's scope: one range per path.
CREATE INDEX change_feed_path ON change_feed(area_path, seq);
CREATE INDEX change_feed_old_path ON change_feed(old_area_path, seq) WHERE old_area_path IS NOT NULL;

CREATE TRIGGER change_feed_area_insert AFTER INSERT ON area BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('areas', NEW.id, NEW.path, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_area_update AFTER UPDATE ON area BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('areas', NEW.id, NEW.path, NULLIF(OLD.path, NEW.path), 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_area_delete AFTER DELETE ON area BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('areas', OLD.id, OLD.path, NULL, 'delete', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER change_feed_course_insert AFTER INSERT ON course BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('courses', NEW.id, NULL, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_course_update AFTER UPDATE ON course BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('courses', NEW.id, NULL, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_course_delete AFTER DELETE ON course BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('courses', OLD.id, NULL, NULL, 'delete', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER change_feed_institution_insert AFTER INSERT ON institution BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('institutions', NEW.id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_institution_update AFTER UPDATE ON institution BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('institutions', NEW.id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path),
          CASE WHEN NEW.deleted_at IS NULL THEN 'upsert' ELSE 'delete' END,
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_institution_delete AFTER DELETE ON institution BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('institutions', OLD.id, OLD.area_path, NULL, 'delete',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER change_feed_household_insert AFTER INSERT ON household BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', NEW.id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_household_update AFTER UPDATE ON household BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', NEW.id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path),
          CASE WHEN NEW.deleted_at IS NULL AND NEW.merged_into_id IS NULL THEN 'upsert'
               ELSE 'delete' END,
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_household_delete AFTER DELETE ON household BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', OLD.id, OLD.area_path, NULL, 'delete',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- A person is part of its household's record.
CREATE TRIGGER change_feed_person_insert AFTER INSERT ON person BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', NEW.household_id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_person_update AFTER UPDATE ON person BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', NEW.household_id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path),
          'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_person_delete AFTER DELETE ON person BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('households', OLD.household_id, OLD.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- A membership is also listed in its household's record.
CREATE TRIGGER change_feed_membership_insert AFTER INSERT ON membership BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('memberships', NEW.id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  SELECT 'households', h.id, h.area_path, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM household h WHERE h.id = NEW.household_id;
END;
CREATE TRIGGER change_feed_membership_update AFTER UPDATE ON membership BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('memberships', NEW.id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path),
          CASE WHEN NEW.left_on IS NULL THEN 'upsert' ELSE 'delete' END,
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  SELECT 'households', h.id, h.area_path, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM household h WHERE h.id IN (NEW.household_id, OLD.household_id);
END;
CREATE TRIGGER change_feed_membership_delete AFTER DELETE ON membership BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('memberships', OLD.id, OLD.area_path, NULL, 'delete',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER change_feed_activity_insert AFTER INSERT ON activity BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('activities', NEW.id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_activity_update AFTER UPDATE ON activity BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('activities', NEW.id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path), 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_activity_delete AFTER DELETE ON activity BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('activities', OLD.id, OLD.area_path, NULL, 'delete',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
-- An activity's record counts its files.
CREATE TRIGGER change_feed_file_insert AFTER INSERT ON file WHEN NEW.record = 'activity' BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  SELECT 'activities', a.id, a.area_path, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM activity a WHERE a.id = NEW.record_id;
END;

CREATE TRIGGER change_feed_feedback_insert AFTER INSERT ON feedback BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('feedback', NEW.id, NEW.area_path, NULL, 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_feedback_update AFTER UPDATE ON feedback BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('feedback', NEW.id, NEW.area_path, NULLIF(OLD.area_path, NEW.area_path), 'upsert',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER change_feed_feedback_delete AFTER DELETE ON feedback BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  VALUES ('feedback', OLD.id, OLD.area_path, NULL, 'delete',
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
-- A case's record lists its events.
CREATE TRIGGER change_feed_feedback_event_insert AFTER INSERT ON feedback_event BEGIN
  INSERT INTO change_feed (entity, entity_id, area_path, old_area_path, kind, at)
  SELECT 'feedback', f.id, f.area_path, NULL, 'upsert', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM feedback f WHERE f.id = NEW.feedback_id;
END;
