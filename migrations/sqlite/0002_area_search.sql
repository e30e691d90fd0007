-- Free-text search of areas by code, name or local name: a trigram full-text index, so that
-- "contains" searches stay fast at 100,000+ areas (patterns of 3+ characters use the index).
CREATE VIRTUAL TABLE area_search USING fts5(
  code, name, name_local, content='area', content_rowid='rowid', tokenize='trigram');
INSERT INTO area_search (rowid, code, name, name_local)
  SELECT rowid, code, name, coalesce(name_local, '') FROM area;
CREATE TRIGGER area_search_insert AFTER INSERT ON area BEGIN
  INSERT INTO area_search (rowid, code, name, name_local)
    VALUES (new.rowid, new.code, new.name, coalesce(new.name_local, ''));
END;
CREATE TRIGGER area_search_delete AFTER DELETE ON area BEGIN
  INSERT INTO area_search (area_search, rowid, code, name, name_local)
    VALUES ('delete', old.rowid, old.code, old.name, coalesce(old.name_local, ''));
END;
CREATE TRIGGER area_search_update AFTER UPDATE OF code, name, name_local ON area BEGIN
  INSERT INTO area_search (area_search, rowid, code, name, name_local)
    VALUES ('delete', old.rowid, old.code, old.name, coalesce(old.name_local, ''));
  INSERT INTO area_search (rowid, code, name, name_local)
    VALUES (new.rowid, new.code, new.name, coalesce(new.name_local, ''));
END;
