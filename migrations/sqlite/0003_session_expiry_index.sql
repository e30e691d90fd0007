-- Every sign-in deletes expired sessions: find them by index, not by scanning every session.
CREATE INDEX user_session_expires ON user_session(expires_at);
