-- Programme versions: loaded from src/main/resources/programmes/*.json by ProgrammeVersionsMigration, never edited
-- in place (a corrected version is a new row).
CREATE TABLE programme_version
(
  code              TEXT    NOT NULL,
  version           INT     NOT NULL,
  title             TEXT    NOT NULL,
  definition        JSONB   NOT NULL,
  definition_sha256 TEXT    NOT NULL,
  loaded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (code, version)
);

-- Local read models fed by membership-service's events (and assessors' own tokens).
CREATE TABLE person
(
  person_id       UUID PRIMARY KEY,
  given_name      TEXT,
  family_name     TEXT,
  email           TEXT,
  organisation_id TEXT,
  assessor        BOOLEAN NOT NULL DEFAULT FALSE,
  erased          BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE organisation
(
  organisation_id TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Workshops a person facilitated or led, from exchange-service's AttendanceRecorded (latest per attendance).
CREATE TABLE workshop
(
  attendance_id   UUID PRIMARY KEY,
  practitioner_id UUID NOT NULL,
  meeting_id      UUID NOT NULL,
  title           TEXT,
  starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  role            TEXT NOT NULL,
  minutes         INT  NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX workshop_by_person ON workshop (practitioner_id, starts_at);
CREATE INDEX workshop_by_meeting ON workshop (meeting_id);

CREATE TABLE enrolment
(
  id                       UUID PRIMARY KEY,
  candidate_id             UUID NOT NULL,
  candidate_organisation_id TEXT,
  programme_code           TEXT NOT NULL,
  programme_version        INT  NOT NULL,
  status                   TEXT NOT NULL,
  applied_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  enrolled_on              DATE,
  decided_by               UUID,
  decision_reason          TEXT,
  coach_id                 UUID,
  academy_assessor_id      UUID,
  organisation_assessor_id UUID,
  awarded_on               DATE,
  ilm_reference            TEXT,
  status_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  erased                   BOOLEAN NOT NULL DEFAULT FALSE,
  FOREIGN KEY (programme_code, programme_version) REFERENCES programme_version (code, version)
);
CREATE INDEX enrolment_by_candidate ON enrolment (candidate_id);
CREATE INDEX enrolment_by_status ON enrolment (status);
-- one open enrolment per person and programme
CREATE UNIQUE INDEX one_open_enrolment ON enrolment (candidate_id, programme_code)
  WHERE status NOT IN ('WITHDRAWN', 'DECLINED', 'AWARDED');

CREATE TABLE hours_entry
(
  id           UUID PRIMARY KEY,
  enrolment_id UUID NOT NULL REFERENCES enrolment (id),
  category     TEXT NOT NULL,
  hours        NUMERIC(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
  occurred_on  DATE NOT NULL,
  description  TEXT,
  logged_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hours_by_enrolment ON hours_entry (enrolment_id);

-- Evidence files are kept in the database: a service replica needs no shared disk.
CREATE TABLE evidence
(
  id             UUID PRIMARY KEY,
  hours_entry_id UUID NOT NULL REFERENCES hours_entry (id) ON DELETE CASCADE,
  enrolment_id   UUID NOT NULL REFERENCES enrolment (id),
  file_name      TEXT NOT NULL,
  media_type     TEXT NOT NULL,
  size_bytes     INT  NOT NULL,
  content        BYTEA NOT NULL,
  uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each save of the development plan is a revision, so goals can be seen reviewed over time.
CREATE TABLE development_plan
(
  enrolment_id UUID NOT NULL REFERENCES enrolment (id),
  revision     INT  NOT NULL,
  goals        JSONB NOT NULL,
  saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (enrolment_id, revision)
);

CREATE TABLE reflection
(
  id           UUID PRIMARY KEY,
  enrolment_id UUID NOT NULL REFERENCES enrolment (id),
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  written_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cpd_commitment
(
  enrolment_id UUID PRIMARY KEY REFERENCES enrolment (id),
  statement    TEXT NOT NULL,
  committed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE observation
(
  id           UUID PRIMARY KEY,
  enrolment_id UUID NOT NULL REFERENCES enrolment (id),
  meeting_id   UUID NOT NULL,
  assessor_id  UUID NOT NULL,
  observed_on  DATE NOT NULL,
  seen         TEXT NOT NULL,
  feedback     TEXT NOT NULL,
  counts       BOOLEAN NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX observation_by_enrolment ON observation (enrolment_id);

CREATE TABLE recommendation
(
  enrolment_id UUID NOT NULL REFERENCES enrolment (id),
  assessor_id  UUID NOT NULL,
  decision     TEXT NOT NULL,
  reasons      TEXT NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (enrolment_id, assessor_id)
);

-- Open Badges credentials issued for awards, and the platform's issuer key.
CREATE TABLE credential
(
  id           UUID PRIMARY KEY,
  enrolment_id UUID NOT NULL UNIQUE REFERENCES enrolment (id),
  holder_name  TEXT,
  achievement  TEXT NOT NULL,
  issued_on    DATE NOT NULL,
  jwt          TEXT NOT NULL,
  revoked_on   DATE,
  revoked_reason TEXT,
  issued_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE issuer_key
(
  key_id     TEXT PRIMARY KEY,
  jwk        TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
