-- Membership's appointments (facilitator, assessor), as a local read model fed by PractitionerAppointed and
-- AppointmentWithdrawn: the latest fact per person and role wins, by the time it happened.
CREATE TABLE appointment
(
  practitioner_id UUID NOT NULL,
  role            TEXT NOT NULL,
  appointment_id  UUID NOT NULL,
  status          TEXT NOT NULL,             -- APPOINTED or WITHDRAWN
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (practitioner_id, role)
);
