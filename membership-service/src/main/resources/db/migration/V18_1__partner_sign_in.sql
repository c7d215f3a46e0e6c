-- Partner organisations' own sign-in, onboarded by programme admins (issue 18, ADR 0021): the truth from which
-- membership-service configures Keycloak's identity provider and its mappers, after commit, until Keycloak agrees.
CREATE TABLE partner_sign_in
(
  identity_provider_alias TEXT PRIMARY KEY,
  organisation_id         TEXT NOT NULL UNIQUE REFERENCES organisation (id),
  protocol                TEXT NOT NULL,
  discovery_url           TEXT NOT NULL,
  issuer                  TEXT NOT NULL,
  authorization_url       TEXT NOT NULL,
  token_url               TEXT NOT NULL,
  user_info_url           TEXT,
  jwks_url                TEXT NOT NULL,
  logout_url              TEXT,
  client_id               TEXT NOT NULL,
  -- only ever sent to Keycloak; never in events, logs or API answers
  client_secret           TEXT NOT NULL,
  username_template       TEXT NOT NULL,
  onboarded_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  -- applying it to Keycloak: waiting while apply_pending, tried again from next_attempt_at (the database's own time)
  apply_pending           BOOLEAN NOT NULL DEFAULT TRUE,
  applied_at              TIMESTAMP WITH TIME ZONE,
  attempts                INT NOT NULL DEFAULT 0,
  next_attempt_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  last_error              TEXT,
  -- what the last reconciliation found for this provider
  last_reconciled_at      TIMESTAMP WITH TIME ZONE,
  last_reconcile_result   TEXT
);

CREATE INDEX partner_sign_in_waiting ON partner_sign_in (next_attempt_at) WHERE apply_pending;

-- The last report of the reconciliation between the onboarded providers and Keycloak (one row).
CREATE TABLE partner_sign_in_reconciliation
(
  id     INT PRIMARY KEY CHECK (id = 1),
  ran_at TIMESTAMP WITH TIME ZONE NOT NULL,
  report JSONB NOT NULL
);
