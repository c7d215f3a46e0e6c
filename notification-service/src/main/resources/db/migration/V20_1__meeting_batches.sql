-- Meetings a facilitator scheduled together (exchange.MeetingScheduled with a batchId, issue 16). Each meeting's event
-- waits here until the batch is whole; then the group's members are told of all of them in one notice, the batch is
-- marked told (so nothing of it is told again) and its meetings are deleted.
CREATE TABLE meeting_batch
(
  batch_id   UUID PRIMARY KEY,
  size       INT  NOT NULL CHECK (size > 1),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  told_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE meeting_batch_meeting
(
  batch_id   UUID NOT NULL REFERENCES meeting_batch (batch_id),
  meeting_id UUID NOT NULL,
  group_id   UUID,
  kind       TEXT NOT NULL,
  title      TEXT NOT NULL,
  starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at    TIMESTAMP WITH TIME ZONE,
  time_zone  TEXT NOT NULL,
  place      TEXT NOT NULL,             -- where, as the notice words it: a venue's name or the online link
  capacity   INT  NOT NULL,
  invited    UUID[] NOT NULL,           -- subject ids of the group's members the event names
  PRIMARY KEY (batch_id, meeting_id)
);
