-- People notification-service can reach: a read model fed by membership events.
CREATE TABLE recipient
(
  id          UUID PRIMARY KEY,   -- the identity provider's subject id
  email       TEXT,
  given_name  TEXT,
  family_name TEXT
);

CREATE TABLE notification
(
  id              UUID PRIMARY KEY,
  recipient_id    UUID NOT NULL,
  category        TEXT NOT NULL,
  title           TEXT NOT NULL,
  body            TEXT NOT NULL,
  source_event_id UUID,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_by_recipient ON notification (recipient_id, created_at DESC);

CREATE TABLE outgoing_mail
(
  id              UUID PRIMARY KEY,
  notification_id UUID NOT NULL UNIQUE REFERENCES notification (id),
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        INT  NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at) WHERE status = 'PENDING';
