-- Parts of one notice that arrive as separate events (issue 16), generalising V20_1's meeting batches: the meetings a
-- facilitator scheduled together (exchange.MeetingScheduled with a batchId) and the registrations one registration for
-- all of a group's meetings made at once (exchange.RegistrationConfirmed/Waitlisted with a seriesRegistrationId). Each
-- part waits here until its batch is whole; then the batch is told in one notice, marked told (so nothing of it is told
-- again) and its parts are deleted. A part is kept as the JSON of what its notice tells of it.
CREATE TABLE notice_batch
(
  batch_id   UUID PRIMARY KEY,
  kind       TEXT NOT NULL,             -- MEETINGS_SCHEDULED, SERIES_REGISTRATION
  size       INT  NOT NULL CHECK (size > 0),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  told_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE notice_batch_part
(
  batch_id   UUID  NOT NULL REFERENCES notice_batch (batch_id),
  part_id    UUID  NOT NULL,             -- the meeting it is about
  sort_key   TIMESTAMP WITH TIME ZONE NOT NULL, -- the notice lists parts in this order (the meeting's start)
  part       JSONB NOT NULL,
  PRIMARY KEY (batch_id, part_id)
);

-- batches under way (and those told, so that a redelivered meeting of one still tells nothing) carry over
INSERT INTO notice_batch (batch_id, kind, size, created_at, told_at)
SELECT batch_id, 'MEETINGS_SCHEDULED', size, created_at, told_at FROM meeting_batch;

INSERT INTO notice_batch_part (batch_id, part_id, sort_key, part)
SELECT batch_id, meeting_id, starts_at, jsonb_build_object(
         'meetingId', meeting_id, 'groupId', group_id, 'kind', kind, 'title', title,
         'startsAt', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         'endsAt', to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         'timeZone', time_zone, 'place', place, 'capacity', capacity, 'invited', to_jsonb(invited))
FROM meeting_batch_meeting;

DROP TABLE meeting_batch_meeting;
DROP TABLE meeting_batch;
