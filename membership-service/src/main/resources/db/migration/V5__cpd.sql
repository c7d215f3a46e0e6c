-- A practitioner's continuing professional development record.
CREATE TABLE cpd_activity
(
  id              UUID PRIMARY KEY,
  practitioner_id UUID NOT NULL,
  type            TEXT NOT NULL,
  title           TEXT NOT NULL,
  occurred_on     DATE NOT NULL,
  hours           NUMERIC(6, 2) NOT NULL,
  reflection      TEXT,
  evidence_link   TEXT,
  source          TEXT NOT NULL,          -- SELF, ATTENDANCE or AWARD
  attendance_id   UUID UNIQUE,            -- one entry per attendance, updated by corrections
  enrolment_id    UUID UNIQUE,            -- one entry per award
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cpd_by_practitioner ON cpd_activity (practitioner_id, occurred_on);
