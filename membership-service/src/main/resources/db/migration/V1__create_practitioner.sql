CREATE TABLE practitioner
(
  id              UUID PRIMARY KEY,          -- the identity provider's subject id
  email           TEXT,
  given_name      TEXT,
  family_name     TEXT,
  organisation_id TEXT,
  registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
