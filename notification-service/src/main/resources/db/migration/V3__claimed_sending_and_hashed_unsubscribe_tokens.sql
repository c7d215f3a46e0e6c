-- Sending in three short steps (docs/adr/notification-sending): a sender claims due mails for a while (a lease),
-- sends them outside any transaction, then records each outcome in a transaction of its own. A mail whose sender died
-- after claiming it is claimed again once the lease has run out.
ALTER TABLE outgoing_mail DROP CONSTRAINT outgoing_mail_status_check;
ALTER TABLE outgoing_mail ADD CONSTRAINT outgoing_mail_status_check
  CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'));
ALTER TABLE outgoing_mail ADD COLUMN claim UUID;
ALTER TABLE outgoing_mail ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- the person the mail is for (unsubscribe links are issued to them when it is sent); null for older rows
ALTER TABLE outgoing_mail ADD COLUMN recipient_id UUID;
-- the category whose one-click unsubscribe link the mail carries; null for transactional mail
ALTER TABLE outgoing_mail ADD COLUMN unsubscribe_category TEXT;
-- the HTML part, when the mail has one written for it (the newsletter); notices get theirs from the layout
ALTER TABLE outgoing_mail ADD COLUMN html_body TEXT;
-- the SMTP server's reply to the last failed attempt and whether it was final (5xx)
ALTER TABLE outgoing_mail ADD COLUMN permanent_failure BOOLEAN NOT NULL DEFAULT FALSE;
-- where the mail can be read on the web (a newsletter issue's page), or null
ALTER TABLE outgoing_mail ADD COLUMN web_url TEXT;
-- the newsletter issue the mail is a copy of; one copy per issue and person
ALTER TABLE outgoing_mail ADD COLUMN newsletter_issue_id UUID;
CREATE UNIQUE INDEX outgoing_mail_once_per_issue ON outgoing_mail (newsletter_issue_id, recipient_id)
  WHERE newsletter_issue_id IS NOT NULL;
ALTER TABLE outgoing_mail ALTER COLUMN notification_id DROP NOT NULL;
CREATE INDEX outgoing_mail_claimed ON outgoing_mail (claimed_until) WHERE status = 'SENDING';

-- Unsubscribe tokens are kept only as their SHA-256, like calendar feed tokens: links already sent keep working,
-- since they are looked up by the hash of the token they carry. A token is issued per mail as it is sent, so a person
-- may hold several links for one category.
ALTER TABLE unsubscribe_token ADD COLUMN token_hash TEXT;
UPDATE unsubscribe_token SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE unsubscribe_token DROP CONSTRAINT unsubscribe_token_pkey;
ALTER TABLE unsubscribe_token DROP CONSTRAINT unsubscribe_token_recipient_id_category_key;
ALTER TABLE unsubscribe_token DROP COLUMN token;
ALTER TABLE unsubscribe_token ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE unsubscribe_token ADD PRIMARY KEY (token_hash);
CREATE INDEX unsubscribe_token_by_recipient ON unsubscribe_token (recipient_id);

-- The links of mails already sent are no longer kept in plain text; unsent ones keep theirs until they go.
UPDATE outgoing_mail
SET unsubscribe_url = NULL,
    body = regexp_replace(body, '/api/notifications/unsubscribe/[A-Za-z0-9_-]+', '/api/notifications/unsubscribe/…', 'g')
WHERE status <> 'PENDING' AND unsubscribe_url IS NOT NULL;
