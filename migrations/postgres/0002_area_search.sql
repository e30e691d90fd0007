-- Free-text search of areas by code, name or local name: a trigram index (pg_trgm, a trusted
-- extension that a database owner may create), so that "contains" searches stay fast at
-- 100,000+ areas.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX area_search ON area USING gin (
  (code || ' ' || name || ' ' || coalesce(name_local, '')) gin_trgm_ops);
