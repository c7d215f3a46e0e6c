-- Named guests at a meeting: people who are neither members of its group nor registered (a visiting speaker, a
-- colleague trying the group out). Recorded for the register only: they have no practitioner id, so no
-- AttendanceRecorded event is published for them and they earn no CPD hours.
CREATE TABLE meeting_guest
(
  id          UUID PRIMARY KEY,
  meeting_id  UUID NOT NULL REFERENCES meeting (id),
  name        TEXT NOT NULL,
  role        TEXT NOT NULL,
  minutes     INT  NOT NULL CHECK (minutes >= 0),
  recorded_by UUID NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (meeting_id, name)
);
