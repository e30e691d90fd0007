-- Foundation: areas, users and roles, sessions and tokens, login throttling, audit.
-- Timestamps are UTC text 'YYYY-MM-DDTHH:MM:SS.sssZ'; ids are UUIDv7 text.

CREATE TABLE area_level (
  level      INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_local TEXT
);

-- path: the keys of the area's ancestors and itself, '/k1/k2/k3/'. A subtree is the range
-- [path, path || x'30') on this column ('0' follows '/'), an index range scan.
CREATE TABLE area (
  id         TEXT PRIMARY KEY,
  parent_id  TEXT REFERENCES area(id),
  level      INTEGER NOT NULL,
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  name_local TEXT,
  path       TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE UNIQUE INDEX area_code ON area(code);
CREATE UNIQUE INDEX area_path ON area(path);
CREATE INDEX area_parent ON area(parent_id, name);

CREATE TABLE app_user (
  id                  TEXT PRIMARY KEY,
  username            TEXT NOT NULL,
  full_name           TEXT NOT NULL,
  pw_hash             TEXT NOT NULL,
  locale              TEXT NOT NULL DEFAULT 'en',
  disabled            SMALLINT NOT NULL DEFAULT 0,
  version             BIGINT NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  created_by          TEXT,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT
);
CREATE UNIQUE INDEX app_user_username ON app_user(username);

CREATE TABLE role_assignment (
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role    TEXT NOT NULL,
  area_id TEXT NOT NULL REFERENCES area(id),
  PRIMARY KEY (user_id, role, area_id)
);
CREATE INDEX role_assignment_area ON role_assignment(area_id);

CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip         TEXT
);
CREATE INDEX user_session_user ON user_session(user_id);

CREATE TABLE api_token (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  user_id    TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE UNIQUE INDEX api_token_hash ON api_token(token_hash);

-- Failed login counters per key ('user:NAME' or 'ip:ADDR') in a fixed window.
CREATE TABLE login_throttle (
  key          TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  failures     INTEGER NOT NULL
);

CREATE TABLE audit (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  area_path TEXT COLLATE "C",
  before    TEXT,
  after     TEXT,
  ip        TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_area ON audit(area_path, id);
CREATE INDEX audit_user ON audit(user_id, id);
