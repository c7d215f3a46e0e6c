-- Interest in a subject (issue 19): mails to an address with no person behind it in this service (someone who
-- registered interest without an account) are tied to the event that asked for them, once per event, so that a
-- redelivered event queues nothing more even outside the inbox's own guard.
ALTER TABLE outgoing_mail ADD COLUMN source_event_id UUID;
CREATE UNIQUE INDEX outgoing_mail_once_per_event ON outgoing_mail (source_event_id) WHERE source_event_id IS NOT NULL;
