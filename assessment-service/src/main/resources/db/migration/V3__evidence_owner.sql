-- Who may point at a piece of evidence: for an outcome, its group's members and its publisher.
CREATE TABLE evidence_owner
(
  kind            TEXT NOT NULL,
  evidence_id     UUID NOT NULL,
  practitioner_id UUID NOT NULL,
  PRIMARY KEY (kind, evidence_id, practitioner_id)
);
CREATE INDEX evidence_owner_by_practitioner ON evidence_owner (practitioner_id);
