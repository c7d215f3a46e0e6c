-- The audit trail (AuditTrail, docs/security.md "Audit trail"): who changed what and when, with the record before and
-- after. Written in the transaction of the change it describes, so a change that rolls back leaves no entry. Entries
-- name people only by their identity provider id (person_id: whom the record is about, if anyone); erasure empties
-- the before and after of entries about the person.
-- Repeatable and idempotent, like R__platform_reliability.sql: edit it only in ways that can run again.
CREATE TABLE IF NOT EXISTS audit_entry
(
  id              BIGSERIAL PRIMARY KEY,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id        UUID,
  actor_roles     TEXT[]                   NOT NULL DEFAULT '{}',
  action          TEXT                     NOT NULL,
  subject_type    TEXT                     NOT NULL,
  subject_id      TEXT                     NOT NULL,
  person_id       UUID,
  organisation_id TEXT,
  changed         TEXT[]                   NOT NULL DEFAULT '{}',
  before_state    JSONB,
  after_state     JSONB,
  trace_id        TEXT
);
CREATE INDEX IF NOT EXISTS audit_entry_by_subject_idx ON audit_entry (subject_type, subject_id, id);
CREATE INDEX IF NOT EXISTS audit_entry_by_organisation_idx ON audit_entry (organisation_id, id);
CREATE INDEX IF NOT EXISTS audit_entry_by_actor_idx ON audit_entry (actor_id, id);
CREATE INDEX IF NOT EXISTS audit_entry_by_person_idx ON audit_entry (person_id) WHERE person_id IS NOT NULL;
