-- What a practitioner completes after their first sign-in, and the mark of an erasure.
ALTER TABLE practitioner
  ADD COLUMN job_role                 TEXT,
  ADD COLUMN region                   TEXT,
  ADD COLUMN specialisms              TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN newsletter_consent       BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN name_on_outcomes_consent BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN profile_updated_at       TIMESTAMP WITH TIME ZONE,
  ADD COLUMN erased_at                TIMESTAMP WITH TIME ZONE;

CREATE INDEX practitioner_by_organisation ON practitioner (organisation_id);
