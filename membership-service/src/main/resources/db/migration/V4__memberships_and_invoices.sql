-- The Learning Exchange membership, its audit trail, and the invoices it raises.
CREATE TABLE membership
(
  id                UUID PRIMARY KEY,
  practitioner_id   UUID NOT NULL UNIQUE,
  status            TEXT NOT NULL,
  basis             TEXT NOT NULL,
  evidence          TEXT,
  renewal_statement TEXT,
  started_on        DATE,
  expires_on        DATE,
  invoice_id        UUID,
  applied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           INT  NOT NULL
);
CREATE INDEX membership_by_status ON membership (status, expires_on);

CREATE TABLE membership_transition
(
  id            BIGSERIAL PRIMARY KEY,
  membership_id UUID NOT NULL REFERENCES membership (id),
  from_status   TEXT,
  to_status     TEXT NOT NULL,
  actor         TEXT NOT NULL,  -- the subject id of the person, or "system" for the scheduled job
  reason        TEXT,
  at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX transition_by_membership ON membership_transition (membership_id, id);

-- ILM awards in Practitioner-Led Learning Exchange, learned from accreditation's AwardCompleted.
CREATE TABLE award_held
(
  enrolment_id    UUID PRIMARY KEY,
  practitioner_id UUID NOT NULL,
  programme_code  TEXT NOT NULL,
  programme_title TEXT NOT NULL,
  awarded_on      DATE NOT NULL
);
CREATE INDEX award_by_practitioner ON award_held (practitioner_id);

-- One row per year, locked while a number is taken, so numbers are gap-free even under concurrent issue.
CREATE TABLE invoice_counter
(
  year        INT PRIMARY KEY,
  last_number INT NOT NULL
);

CREATE TABLE invoice
(
  id                UUID PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  membership_id     UUID NOT NULL,
  practitioner_id   UUID NOT NULL,
  purpose           TEXT NOT NULL,
  membership_year   INT  NOT NULL,
  amount            NUMERIC(12, 2) NOT NULL,
  currency          CHAR(3) NOT NULL,
  status            TEXT NOT NULL,
  issued_on         DATE NOT NULL,
  due_on            DATE NOT NULL,
  payment_method    TEXT,
  payment_reference TEXT,
  paid_on           DATE,
  payment_recorded_by UUID,
  issued_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX invoice_by_practitioner ON invoice (practitioner_id);
CREATE INDEX invoice_by_year ON invoice (membership_year, status);
