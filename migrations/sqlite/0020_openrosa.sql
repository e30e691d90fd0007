-- Issue 16: ODK Collect devices, XForms and their submissions (docs/openrosa.md).
--
-- Bytes: the Database layer binds text only, so an XForm's XML and a submission's XML are kept
-- byte-for-byte in the BlobStore (files/ab/<sha256>, like activity files) and these rows hold
-- their SHA-256 (`xml_hash`). A submission whose XML others may not read (a sensitive feedback
-- case: BUILTIN's receipt_only) keeps xml_hash NULL.

-- A Collect device (an "app user"): a token for the /openrosa/key/{token} URL that acts as its
-- staff member. Only the token's SHA-256 is kept.
CREATE TABLE collect_device (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL,
  created_by   TEXT,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE UNIQUE INDEX collect_device_token ON collect_device(token_hash);
CREATE INDEX collect_device_user ON collect_device(user_id, created_at);

-- A form: kind 'custom' (uploaded) or a built-in record type ('activity' | 'household' |
-- 'feedback'); state 'open' | 'closing' | 'closed'. Listed only with a published version.
CREATE TABLE xform (
  id                TEXT PRIMARY KEY,
  xml_form_id       TEXT NOT NULL,
  title             TEXT NOT NULL,
  kind              TEXT NOT NULL,
  state             TEXT NOT NULL DEFAULT 'open',
  published_version TEXT,
  created_by        TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX xform_xml_form_id ON xform(xml_form_id);

-- One version of a form ('' when the XForm has no version attribute): its XML in the BlobStore,
-- the MD5 of those bytes (formList's hash), the XLSForm it came from, its fields for exports.
CREATE TABLE xform_version (
  form_id      TEXT NOT NULL REFERENCES xform(id) ON DELETE CASCADE,
  version      TEXT NOT NULL,
  xml_hash     TEXT NOT NULL,
  md5          TEXT NOT NULL,
  source_hash  TEXT,
  fields_json  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  published_at TEXT,
  PRIMARY KEY (form_id, version)
);

-- A custom form's media file (manifest): bytes in the BlobStore.
CREATE TABLE xform_media (
  form_id      TEXT NOT NULL REFERENCES xform(id) ON DELETE CASCADE,
  version      TEXT NOT NULL,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  blob_hash    TEXT NOT NULL,
  md5          TEXT NOT NULL,
  PRIMARY KEY (form_id, version, name)
);

-- Who sees a form: a device, or every device whose user has an area at or below this area.
CREATE TABLE xform_assignment (
  form_id   TEXT NOT NULL REFERENCES xform(id) ON DELETE CASCADE,
  device_id TEXT REFERENCES collect_device(id) ON DELETE CASCADE,
  area_id   TEXT REFERENCES area(id)
);
CREATE UNIQUE INDEX xform_assignment_key ON xform_assignment(form_id, device_id, area_id);
CREATE INDEX xform_assignment_device ON xform_assignment(device_id);

-- A submission: unique by (form, instanceID); an edit is a new row whose deprecated_id names
-- the row it replaces (current = 0 once replaced); root_id is the first of the chain.
CREATE TABLE submission (
  id                   TEXT PRIMARY KEY,
  form_id              TEXT NOT NULL REFERENCES xform(id),
  form_version         TEXT NOT NULL,
  instance_id          TEXT NOT NULL,
  xml_hash             TEXT,
  xml_sha256           TEXT NOT NULL,
  instance_name        TEXT,
  deprecated_id        TEXT,
  current              INTEGER NOT NULL DEFAULT 1,
  root_id              TEXT NOT NULL,
  collect_device_id    TEXT,
  device_ref           TEXT,
  user_agent           TEXT,
  user_id              TEXT NOT NULL,
  area_id              TEXT,
  area_path            TEXT,
  submitted_at         TEXT NOT NULL,
  review_state         TEXT NOT NULL DEFAULT 'received',
  record_type          TEXT,
  record_id            TEXT,
  attachments_expected INTEGER NOT NULL DEFAULT 0,
  attachments_present  INTEGER NOT NULL DEFAULT 0,
  version              INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX submission_instance ON submission(form_id, instance_id);
CREATE INDEX submission_form ON submission(form_id, submitted_at);
CREATE INDEX submission_area ON submission(area_path, submitted_at);

-- An attachment the submission's XML names; blob_hash NULL until its bytes arrive.
CREATE TABLE submission_attachment (
  submission_id TEXT NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  blob_hash     TEXT,
  size          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (submission_id, name)
);

CREATE TABLE submission_comment (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
  user_id       TEXT NOT NULL,
  body          TEXT NOT NULL,
  review_state  TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX submission_comment_submission ON submission_comment(submission_id, created_at);
