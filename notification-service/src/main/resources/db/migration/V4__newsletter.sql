-- Local read models for the newsletter, fed by events the other contexts publish (no call to them).
ALTER TABLE recipient ADD COLUMN organisation_id TEXT;
CREATE INDEX recipient_by_organisation ON recipient (organisation_id);

CREATE TABLE organisation
(
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE network
(
  id     UUID PRIMARY KEY,
  name   TEXT NOT NULL,
  region TEXT
);

-- Learning Exchange memberships: active from activation or renewal until lapsed.
CREATE TABLE membership
(
  practitioner_id UUID PRIMARY KEY,
  active          BOOLEAN NOT NULL,
  expires_on      DATE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who takes part in a network: its groups' members and facilitators.
CREATE TABLE network_participant
(
  network_id      UUID NOT NULL,
  practitioner_id UUID NOT NULL,
  PRIMARY KEY (network_id, practitioner_id)
);

-- What happened in the programme, for drafting the newsletter: outcomes published, meetings and events coming up,
-- groups forming. One row per aggregate (outcome, meeting or group), kept current by later events.
CREATE TABLE programme_news
(
  id          UUID PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('OUTCOME', 'GROUP_MEETING', 'LAUNCH_EVENT', 'DEVELOPMENT_DAY',
                                            'DISSEMINATION_EVENT', 'GROUP_FORMING')),
  network_id  UUID,
  title       TEXT NOT NULL,
  summary     TEXT,
  key_speaker TEXT,
  place       TEXT,
  happens_at  TIMESTAMP WITH TIME ZONE NOT NULL, -- a meeting's start, an outcome's publication, a group's proposal
  cancelled   BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX programme_news_by_time ON programme_news (happens_at);

-- The newsletter: one row per issue; its copies are rows in outgoing_mail (one per issue and person).
CREATE TABLE newsletter_issue
(
  id            UUID PRIMARY KEY,
  title         TEXT NOT NULL,
  markdown      TEXT NOT NULL,
  audience      TEXT NOT NULL CHECK (audience IN ('CONSENTED', 'MEMBERS', 'NETWORK', 'ORGANISATION')),
  audience_ref  TEXT,
  status        TEXT NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
  send_at       TIMESTAMP WITH TIME ZONE,
  recipients    INT,
  created_by    UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at    TIMESTAMP WITH TIME ZONE,
  finished_at   TIMESTAMP WITH TIME ZONE,
  html          TEXT
);
CREATE INDEX newsletter_issue_due ON newsletter_issue (send_at) WHERE status = 'SCHEDULED';

-- Newsletter copies carry no text of their own: it is the issue's, frozen when sending starts.
ALTER TABLE outgoing_mail ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE outgoing_mail ALTER COLUMN body DROP NOT NULL;
CREATE INDEX outgoing_mail_by_issue ON outgoing_mail (newsletter_issue_id, status) WHERE newsletter_issue_id IS NOT NULL;
