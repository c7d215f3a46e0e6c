-- A newly onboarded partner sign-in is tried before it goes live (issue 18, ADR 0022): hidden on Keycloak's login page
-- and not answered by "sign in with your organisation" until a programme admin has signed in through it successfully
-- and put it live. Successful sign-ins are read from Keycloak's login events; the last one is kept per partner.
ALTER TABLE partner_sign_in
  -- null while it is being tried
  ADD COLUMN live_at             TIMESTAMP WITH TIME ZONE,
  ADD COLUMN live_by             UUID,
  ADD COLUMN first_sign_in_at    TIMESTAMP WITH TIME ZONE,
  ADD COLUMN last_sign_in_at     TIMESTAMP WITH TIME ZONE,
  -- failures of applying it to Keycloak that were not Keycloak's answer (a bug, a secret that does not decrypt)
  ADD COLUMN unexpected_failures INT NOT NULL DEFAULT 0;

-- the partners onboarded before this step were offered to staff at once: they stay live
UPDATE partner_sign_in SET live_at = onboarded_at;

-- How far Keycloak's login events have been read (Keycloak's event time, milliseconds since the epoch; one row).
CREATE TABLE partner_sign_in_event_cursor
(
  id           INT PRIMARY KEY CHECK (id = 1),
  read_up_to   BIGINT NOT NULL
);
INSERT INTO partner_sign_in_event_cursor (id, read_up_to) VALUES (1, 0);
