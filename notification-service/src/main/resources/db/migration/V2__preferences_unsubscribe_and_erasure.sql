-- Categories are singular nouns now; older rows follow.
UPDATE notification SET category = 'MEETING' WHERE category = 'MEETINGS';
UPDATE notification SET category = 'REGISTRATION' WHERE category = 'REGISTRATIONS';
UPDATE notification SET category = 'OUTCOME' WHERE category = 'OUTCOMES';
UPDATE notification SET category = 'AWARD' WHERE category = 'AWARDS';

-- One feed entry per person per event, whatever happens upstream of the inbox.
CREATE UNIQUE INDEX notification_once_per_event ON notification (source_event_id, recipient_id)
  WHERE source_event_id IS NOT NULL;

-- An erased person keeps a row without personal data, so that later events do not bring them back.
ALTER TABLE recipient ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- The one-click unsubscribe link a non-transactional mail carries (RFC 8058); null for transactional mail.
ALTER TABLE outgoing_mail ADD COLUMN unsubscribe_url TEXT;
-- A mail still waiting when its recipient asks for erasure is never sent.
ALTER TABLE outgoing_mail DROP CONSTRAINT outgoing_mail_status_check;
ALTER TABLE outgoing_mail ADD CONSTRAINT outgoing_mail_status_check
  CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));

-- What a person chose to get by e-mail, per category; no row means the category's default.
CREATE TABLE mail_preference
(
  recipient_id UUID    NOT NULL,
  category     TEXT    NOT NULL,
  email        BOOLEAN NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (recipient_id, category)
);

-- The secret in a one-click unsubscribe link: one per person and category, so a link switches off only its own.
CREATE TABLE unsubscribe_token
(
  token        TEXT PRIMARY KEY,
  recipient_id UUID NOT NULL,
  category     TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (recipient_id, category)
);
