-- Partner sign-in by SAML 2.0 (issue 18, ADR 0021): a SAML provider is onboarded from its metadata (given by address
-- or pasted), whose checked values are kept here and applied to Keycloak as an OIDC provider's are. The OIDC columns
-- become optional; each protocol's own are required by the check below.
ALTER TABLE partner_sign_in
  ALTER COLUMN discovery_url DROP NOT NULL,
  ALTER COLUMN issuer DROP NOT NULL,
  ALTER COLUMN authorization_url DROP NOT NULL,
  ALTER COLUMN token_url DROP NOT NULL,
  ALTER COLUMN jwks_url DROP NOT NULL,
  ALTER COLUMN client_id DROP NOT NULL,
  ALTER COLUMN client_secret DROP NOT NULL,
  -- where the metadata is published; null when a programme admin pasted it
  ADD COLUMN metadata_url                   TEXT,
  ADD COLUMN idp_entity_id                  TEXT,
  ADD COLUMN single_sign_on_url             TEXT,
  ADD COLUMN single_sign_on_post            BOOLEAN,
  ADD COLUMN single_logout_url              TEXT,
  ADD COLUMN single_logout_post             BOOLEAN,
  ADD COLUMN name_id_format                 TEXT,
  ADD COLUMN want_authn_requests_signed     BOOLEAN,
  -- base64 DER, comma-separated, as Keycloak's signingCertificate takes them
  ADD COLUMN signing_certificates           TEXT,
  ADD COLUMN signing_certificate_expires_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE partner_sign_in ADD CONSTRAINT partner_sign_in_per_protocol CHECK (
  (protocol = 'OIDC' AND discovery_url IS NOT NULL AND issuer IS NOT NULL AND authorization_url IS NOT NULL
    AND token_url IS NOT NULL AND jwks_url IS NOT NULL AND client_id IS NOT NULL AND client_secret IS NOT NULL)
  OR (protocol = 'SAML' AND idp_entity_id IS NOT NULL AND single_sign_on_url IS NOT NULL
    AND single_sign_on_post IS NOT NULL AND name_id_format IS NOT NULL AND want_authn_requests_signed IS NOT NULL
    AND signing_certificates IS NOT NULL AND signing_certificate_expires_at IS NOT NULL));
