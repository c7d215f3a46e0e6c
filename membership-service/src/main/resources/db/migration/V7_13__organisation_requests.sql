-- A practitioner whose identity provider does not vouch for an organisation asks to join one; an org-admin of that
-- organisation confirms it. Until then the request is all there is: the person is not its staff.
ALTER TABLE practitioner ADD COLUMN requested_organisation_id TEXT;
CREATE INDEX practitioner_requested_organisation_idx ON practitioner (requested_organisation_id);
