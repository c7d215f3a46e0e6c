-- Partner organisations, their Memoranda of Understanding and the support they offer.
CREATE TABLE organisation
(
  id                      TEXT PRIMARY KEY,
  name                    TEXT NOT NULL,
  type                    TEXT NOT NULL,
  region                  TEXT,
  identity_provider_alias TEXT UNIQUE,
  announced               BOOLEAN NOT NULL DEFAULT FALSE, -- OrganisationRegistered published for its current details
  registered_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE organisation_contact
(
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  position        INT  NOT NULL,
  name            TEXT NOT NULL,
  role            TEXT,
  email           TEXT,
  phone           TEXT,
  PRIMARY KEY (organisation_id, position)
);

CREATE TABLE memorandum_of_understanding
(
  id                       UUID PRIMARY KEY,
  organisation_id          TEXT NOT NULL REFERENCES organisation (id),
  status                   TEXT NOT NULL,
  organisation_commitments TEXT NOT NULL,
  programme_commitments    TEXT NOT NULL,
  starts_on                DATE NOT NULL,
  ends_on                  DATE NOT NULL,
  signatory_name           TEXT,
  signatory_role           TEXT,
  signed_on                DATE,
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mou_by_organisation ON memorandum_of_understanding (organisation_id);

CREATE TABLE venue
(
  id              UUID PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  name            TEXT NOT NULL,
  address         TEXT NOT NULL,
  postcode        TEXT NOT NULL,
  latitude        DOUBLE PRECISION,
  longitude       DOUBLE PRECISION,
  capacity        INT  NOT NULL,
  accessibility   TEXT,
  withdrawn       BOOLEAN NOT NULL DEFAULT FALSE,
  offered_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX venue_by_organisation ON venue (organisation_id);

CREATE TABLE financial_contribution
(
  id              UUID PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  amount          NUMERIC(12, 2) NOT NULL,
  currency        CHAR(3) NOT NULL,
  purpose         TEXT NOT NULL,
  pledged_on      DATE NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contribution_by_organisation ON financial_contribution (organisation_id);

-- The demo organisations the Keycloak demo users belong to; announced at start-up.
INSERT INTO organisation (id, name, type, region, identity_provider_alias, registered_at) VALUES
  ('org-westmid-college', 'Westmid College', 'COLLEGE', 'West Midlands', NULL, now()),
  ('org-academy', 'The Exchange Academy', 'OTHER', 'West Midlands', NULL, now()),
  ('org-partner-college', 'Partner College', 'COLLEGE', 'West Midlands', 'partner-college', now());
