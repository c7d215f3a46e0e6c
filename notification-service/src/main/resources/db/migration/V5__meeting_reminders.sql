-- Reminders before meetings and events, one per person registered (not waitlisted) and lead time. A reschedule moves
-- the ones not yet sent (and re-arms a sent one when the meeting moved later); a cancellation removes them.
CREATE TABLE meeting_reminder
(
  id              UUID PRIMARY KEY,
  meeting_id      UUID NOT NULL,
  practitioner_id UUID NOT NULL,
  lead_time       TEXT NOT NULL,  -- ISO-8601 duration before the start, such as PT24H
  meeting_title   TEXT NOT NULL,
  meeting_kind    TEXT,
  starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at         TIMESTAMP WITH TIME ZONE,
  time_zone       TEXT,
  due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP WITH TIME ZONE,
  UNIQUE (meeting_id, practitioner_id, lead_time)
);
CREATE INDEX meeting_reminder_due ON meeting_reminder (due_at) WHERE sent_at IS NULL;
