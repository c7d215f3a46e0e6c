-- A copy the receiving server accepted and later returned undelivered: a delivery status notification (RFC 3464)
-- reported to POST /api/notifications/bounces.
ALTER TABLE outgoing_mail DROP CONSTRAINT outgoing_mail_status_check;
ALTER TABLE outgoing_mail ADD CONSTRAINT outgoing_mail_status_check
  CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'BOUNCED'));
ALTER TABLE outgoing_mail ADD COLUMN bounced_at TIMESTAMP WITH TIME ZONE;

-- Addresses the newsletter no longer goes to after a hard bounce (5.x.x): until the person has another address or
-- switches the newsletter on again in the portal.
CREATE TABLE mail_suppression
(
  email         TEXT PRIMARY KEY,  -- lower case
  recipient_id  UUID,
  status        TEXT NOT NULL,     -- the DSN's status code, such as 5.1.1
  diagnostic    TEXT,
  mail_id       UUID,
  suppressed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_suppression_by_recipient ON mail_suppression (recipient_id);
