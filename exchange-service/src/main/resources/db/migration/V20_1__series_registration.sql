-- Registering once for all of a group's meetings (issue 16): the group's upcoming meetings register the person when
-- they start it, and the meetings its facilitators schedule later register them as they are scheduled, until they end
-- it or leave the group. Erasure deletes a person's rows.
CREATE TABLE series_registration
(
  group_id        UUID NOT NULL REFERENCES exchange_group (id),
  practitioner_id UUID NOT NULL,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, practitioner_id)
);
CREATE INDEX series_registration_practitioner_idx ON series_registration (practitioner_id);

-- Which registrations a series registration made, so that ending it cancels those and leaves the person's own.
ALTER TABLE registration ADD COLUMN by_series BOOLEAN NOT NULL DEFAULT FALSE;
