-- Local read models fed by membership-service's events: who people are, organisations, and the venues offered.
CREATE TABLE practitioner_directory
(
  practitioner_id UUID PRIMARY KEY,          -- the identity provider's subject id
  given_name      TEXT,
  family_name     TEXT,
  organisation_id TEXT,
  erased          BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE organisation_directory
(
  organisation_id TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  type            TEXT,
  region          TEXT,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE venue
(
  id              UUID PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  name            TEXT NOT NULL,
  address         TEXT,
  postcode        TEXT,
  latitude        DOUBLE PRECISION,
  longitude       DOUBLE PRECISION,
  capacity        INT NOT NULL,
  accessibility   TEXT,
  withdrawn       BOOLEAN NOT NULL,
  offered_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Networks and their programme cycles.
CREATE TABLE network
(
  id                   UUID PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE,
  region               TEXT NOT NULL,
  place_name           TEXT,
  latitude             DOUBLE PRECISION NOT NULL,
  longitude            DOUBLE PRECISION NOT NULL,
  lead_organisation_id TEXT,
  contact_name         TEXT,
  contact_email        TEXT,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE programme_cycle
(
  id         UUID PRIMARY KEY,
  network_id UUID NOT NULL REFERENCES network (id),
  name       TEXT NOT NULL,
  starts_on  DATE NOT NULL,
  ends_on    DATE NOT NULL,
  UNIQUE (network_id, name)
);

CREATE TABLE programme_wave
(
  cycle_id  UUID NOT NULL REFERENCES programme_cycle (id),
  number    INT  NOT NULL,
  name      TEXT NOT NULL,
  starts_on DATE NOT NULL,
  ends_on   DATE NOT NULL,
  PRIMARY KEY (cycle_id, number)
);

-- Subject and thematic groups.
CREATE TABLE exchange_group
(
  id            UUID PRIMARY KEY,
  network_id    UUID NOT NULL REFERENCES network (id),
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  area          TEXT NOT NULL,
  challenge     TEXT NOT NULL,
  capacity      INT  NOT NULL CHECK (capacity > 0),
  planned_start DATE NOT NULL,
  planned_end   DATE NOT NULL,
  status        TEXT NOT NULL,
  proposed_by   UUID NOT NULL,
  proposed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  activated_at  TIMESTAMP WITH TIME ZONE,
  closed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX exchange_group_network_idx ON exchange_group (network_id);

CREATE TABLE group_facilitator
(
  group_id        UUID NOT NULL REFERENCES exchange_group (id),
  practitioner_id UUID NOT NULL,
  PRIMARY KEY (group_id, practitioner_id)
);
CREATE INDEX group_facilitator_practitioner_idx ON group_facilitator (practitioner_id);

CREATE TABLE group_member
(
  group_id        UUID NOT NULL REFERENCES exchange_group (id),
  practitioner_id UUID NOT NULL,
  status          TEXT NOT NULL,             -- CONFIRMED (a member) or WAITLISTED
  joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, practitioner_id)
);
CREATE INDEX group_member_practitioner_idx ON group_member (practitioner_id);

-- Group meetings and network events.
CREATE TABLE meeting
(
  id               UUID PRIMARY KEY,
  network_id       UUID NOT NULL REFERENCES network (id),
  group_id         UUID REFERENCES exchange_group (id),
  kind             TEXT NOT NULL,
  title            TEXT NOT NULL,
  description      TEXT,
  key_speaker      TEXT,
  starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  time_zone        TEXT NOT NULL,
  venue_id         UUID REFERENCES venue (id),
  online_url       TEXT,
  capacity         INT  NOT NULL CHECK (capacity > 0),
  status           TEXT NOT NULL,             -- SCHEDULED or CANCELLED
  sequence         INT  NOT NULL,             -- iCalendar SEQUENCE: 0, then one more per change
  cancel_reason    TEXT,
  scheduled_by     UUID NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (venue_id IS NOT NULL OR online_url IS NOT NULL)
);
CREATE INDEX meeting_group_idx ON meeting (group_id);
CREATE INDEX meeting_starts_idx ON meeting (starts_at);

CREATE TABLE registration
(
  meeting_id      UUID NOT NULL REFERENCES meeting (id),
  practitioner_id UUID NOT NULL,
  status          TEXT NOT NULL,             -- CONFIRMED, WAITLISTED or CANCELLED
  registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (meeting_id, practitioner_id)
);
CREATE INDEX registration_practitioner_idx ON registration (practitioner_id);

-- Attendance: the current state per person and meeting, and every version of it (corrections are never silent).
CREATE TABLE attendance
(
  id              UUID PRIMARY KEY,
  meeting_id      UUID NOT NULL REFERENCES meeting (id),
  practitioner_id UUID NOT NULL,
  organisation_id TEXT,
  role            TEXT NOT NULL,
  minutes         INT  NOT NULL CHECK (minutes >= 0),
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (meeting_id, practitioner_id)
);

CREATE TABLE attendance_revision
(
  id            BIGSERIAL PRIMARY KEY,
  attendance_id UUID    NOT NULL REFERENCES attendance (id),
  role          TEXT    NOT NULL,
  minutes       INT     NOT NULL,
  correction    BOOLEAN NOT NULL,
  reason        TEXT,
  recorded_by   UUID    NOT NULL,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attendance_revision_attendance_idx ON attendance_revision (attendance_id);

-- Action research: trials of a method, what members observed, and the group's evaluation.
CREATE TABLE research_trial
(
  id              UUID PRIMARY KEY,
  group_id        UUID NOT NULL REFERENCES exchange_group (id),
  practitioner_id UUID NOT NULL,
  method          TEXT NOT NULL,
  aim             TEXT NOT NULL,
  started_on      DATE NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE research_observation
(
  id              UUID PRIMARY KEY,
  trial_id        UUID NOT NULL REFERENCES research_trial (id),
  practitioner_id UUID NOT NULL,
  observed_on     DATE NOT NULL,
  observation     TEXT NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE research_evaluation
(
  id           UUID PRIMARY KEY,
  group_id     UUID NOT NULL REFERENCES exchange_group (id),
  evaluated_by UUID NOT NULL,
  what_works   TEXT NOT NULL,
  what_did_not TEXT,
  next_steps   TEXT,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The public outcomes library.
CREATE TABLE outcome
(
  id           UUID PRIMARY KEY,
  network_id   UUID NOT NULL REFERENCES network (id),
  group_id     UUID REFERENCES exchange_group (id),
  kind         TEXT NOT NULL,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  author_names TEXT[] NOT NULL,
  subject_area TEXT NOT NULL,
  licence      TEXT NOT NULL,
  link_url     TEXT NOT NULL,
  published_by UUID NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  search       TSVECTOR GENERATED ALWAYS AS (
                 setweight(to_tsvector('english', title), 'A') ||
                 setweight(to_tsvector('english', subject_area), 'B') ||
                 setweight(to_tsvector('english', summary), 'C')) STORED
);
CREATE INDEX outcome_search_idx ON outcome USING GIN (search);
CREATE INDEX outcome_published_idx ON outcome (published_at DESC);
CREATE INDEX outcome_group_idx ON outcome (group_id);

CREATE TABLE dissemination
(
  id                  UUID PRIMARY KEY,
  outcome_id          UUID NOT NULL REFERENCES outcome (id),
  practitioner_id     UUID NOT NULL,
  audience            TEXT NOT NULL,
  inside_organisation BOOLEAN NOT NULL,
  people_reached      INT NOT NULL CHECK (people_reached >= 0),
  disseminated_on     DATE NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dissemination_outcome_idx ON dissemination (outcome_id);

-- Secret tokens that let a calendar client read one person's feed without a bearer token.
CREATE TABLE calendar_feed_token
(
  practitioner_id UUID PRIMARY KEY,
  token           TEXT NOT NULL UNIQUE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
