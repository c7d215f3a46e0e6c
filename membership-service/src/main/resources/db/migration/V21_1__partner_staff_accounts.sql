-- A partner's staff member's link to their organisation's identity provider, as Keycloak holds it (ADR 0023): kept
-- so that a Keycloak that lost its data gets their account back with the same id, and the broker finds them again.
-- A row without an alias says that the person was looked up and had no such link (not signed in through a partner).
-- Personal data: deleted when the person is erased.
CREATE TABLE partner_staff_account
(
  practitioner_id         UUID PRIMARY KEY REFERENCES practitioner (id),
  identity_provider_alias TEXT,
  provider_user_id        TEXT,
  provider_username       TEXT,
  username                TEXT,
  looked_up_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((identity_provider_alias IS NULL) = (provider_user_id IS NULL))
);

CREATE INDEX partner_staff_account_by_alias ON partner_staff_account (identity_provider_alias);
