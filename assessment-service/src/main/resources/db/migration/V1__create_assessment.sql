-- The Professional Standards as versioned data. An edition is a framework version (2014, 2022); a standard's text is
-- kept per data version, so that a corrected text is a new row and an assessment keeps pointing at its edition.
CREATE TABLE framework_edition
(
  id           TEXT PRIMARY KEY,           -- etf-2022
  name         TEXT    NOT NULL,
  year         INT     NOT NULL,
  publisher    TEXT    NOT NULL,
  source       TEXT,
  is_current   BOOLEAN NOT NULL,
  data_version INT     NOT NULL
);

CREATE TABLE standard
(
  id         TEXT PRIMARY KEY,             -- etf-2022-07: stable across data versions
  edition_id TEXT NOT NULL REFERENCES framework_edition (id),
  number     INT  NOT NULL,
  area       TEXT NOT NULL,
  UNIQUE (edition_id, number)
);

CREATE TABLE standard_text
(
  standard_id  TEXT    NOT NULL REFERENCES standard (id),
  data_version INT     NOT NULL,
  wording      TEXT,
  complete     BOOLEAN NOT NULL,
  source       TEXT,
  note         TEXT,
  PRIMARY KEY (standard_id, data_version)
);

-- A practitioner's self-assessments: one baseline, then reviews; a draft until submitted.
CREATE TABLE self_assessment
(
  id                UUID PRIMARY KEY,
  practitioner_id   UUID    NOT NULL,
  edition_id        TEXT    NOT NULL REFERENCES framework_edition (id),
  kind              TEXT    NOT NULL,      -- BASELINE, REVIEW
  status            TEXT    NOT NULL,      -- DRAFT, SUBMITTED
  career_stage      TEXT,
  development_goals TEXT,
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX one_draft_per_practitioner ON self_assessment (practitioner_id) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX one_baseline_per_practitioner ON self_assessment (practitioner_id)
  WHERE kind = 'BASELINE' AND status = 'SUBMITTED';
CREATE INDEX self_assessment_by_practitioner ON self_assessment (practitioner_id, submitted_at);

CREATE TABLE rating
(
  assessment_id UUID NOT NULL REFERENCES self_assessment (id) ON DELETE CASCADE,
  standard_id   TEXT NOT NULL REFERENCES standard (id),
  score         INT CHECK (score BETWEEN 1 AND 6),
  comment       TEXT,
  PRIMARY KEY (assessment_id, standard_id)
);

CREATE TABLE focus_standard
(
  assessment_id UUID NOT NULL REFERENCES self_assessment (id) ON DELETE CASCADE,
  standard_id   TEXT NOT NULL REFERENCES standard (id),
  position      INT  NOT NULL,
  PRIMARY KEY (assessment_id, standard_id)
);

CREATE TABLE evidence_link
(
  assessment_id UUID NOT NULL REFERENCES self_assessment (id) ON DELETE CASCADE,
  standard_id   TEXT NOT NULL REFERENCES standard (id),
  kind          TEXT NOT NULL,             -- OUTCOME, ACTION_RESEARCH, CPD_ACTIVITY, AWARD_OBSERVATION
  evidence_id   UUID NOT NULL,
  PRIMARY KEY (assessment_id, standard_id, kind, evidence_id)
);

-- Local read models fed by other contexts' events.
CREATE TABLE person
(
  practitioner_id UUID PRIMARY KEY,
  organisation_id TEXT,
  erased          BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE exchange_group
(
  id         UUID PRIMARY KEY,
  network_id UUID,
  name       TEXT,
  status     TEXT NOT NULL,                -- PROPOSED, ACTIVE, REPORTING, CLOSED (as exchange last said)
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE group_member
(
  group_id        UUID NOT NULL,
  practitioner_id UUID NOT NULL,
  joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, practitioner_id)
);

CREATE TABLE group_facilitator
(
  group_id       UUID NOT NULL,
  facilitator_id UUID NOT NULL,
  PRIMARY KEY (group_id, facilitator_id)
);

CREATE TABLE evidence_title
(
  kind        TEXT NOT NULL,
  evidence_id UUID NOT NULL,
  title       TEXT NOT NULL,
  PRIMARY KEY (kind, evidence_id)
);

-- What is due for a practitioner: a baseline after joining their first group, a review when a group reports or closes.
CREATE TABLE assessment_due
(
  practitioner_id UUID NOT NULL,
  kind            TEXT NOT NULL,           -- BASELINE, REVIEW
  group_id        UUID NOT NULL,
  due_since       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (practitioner_id, kind, group_id)
);
