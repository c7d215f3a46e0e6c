-- Interest in a subject (issue 19): a person registers interest in a subject area and a region, and is told once when
-- a group in that area opens in a network of that region. A signed-in person is their subject id; anyone else is an
-- e-mail address they confirmed (double opt-in) with the link of a one-time token, of which only the SHA-256 is kept.
-- An unconfirmed interest is deleted once its confirmation link has expired.
CREATE TABLE interest
(
  id                 UUID PRIMARY KEY,
  practitioner_id    UUID,                             -- a signed-in person
  email              TEXT,                             -- someone without an account, by e-mail and consent
  area               TEXT NOT NULL,
  region             TEXT NOT NULL,
  registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  consented_at       TIMESTAMP WITH TIME ZONE,         -- by e-mail: when they agreed to be written to about it
  requested_at       TIMESTAMP WITH TIME ZONE,         -- by e-mail: when the last confirmation mail was asked for
  token_hash         TEXT UNIQUE,                      -- by e-mail: SHA-256 of the confirmation (and withdrawal) token
  expires_at         TIMESTAMP WITH TIME ZONE,         -- by e-mail: when the confirmation link stops working
  confirmed_at       TIMESTAMP WITH TIME ZONE,         -- a signed-in person's interest is confirmed as registered
  notified_at        TIMESTAMP WITH TIME ZONE,         -- told of a group: once
  notified_group_id  UUID REFERENCES exchange_group (id),
  notice_token_hash  TEXT UNIQUE,                      -- by e-mail: SHA-256 of the withdrawal token the notice carried
  CHECK ((practitioner_id IS NULL) <> (email IS NULL)),
  CHECK (email IS NULL OR consented_at IS NOT NULL),
  CHECK (email IS NULL OR confirmed_at IS NOT NULL OR expires_at IS NOT NULL)
);
CREATE UNIQUE INDEX interest_person_once ON interest (practitioner_id, lower(area), lower(region))
  WHERE practitioner_id IS NOT NULL;
CREATE UNIQUE INDEX interest_email_once ON interest (lower(email), lower(area), lower(region))
  WHERE email IS NOT NULL;
CREATE INDEX interest_waiting ON interest (lower(area), lower(region))
  WHERE confirmed_at IS NOT NULL AND notified_at IS NULL;
CREATE INDEX interest_pending ON interest (expires_at) WHERE confirmed_at IS NULL;
CREATE INDEX interest_requested ON interest (requested_at) WHERE email IS NOT NULL;
