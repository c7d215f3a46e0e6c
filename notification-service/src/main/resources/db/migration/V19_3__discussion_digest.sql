-- The discussion digest (issue 19): one e-mail a day or a week per person with the new posts in the discussion spaces
-- they belong to. Fed by exchange's DiscussionPostAdded and group membership events; sent by a scheduled job.

-- How often a person wants the digest when its e-mail (category DIGEST in mail_preference) is on; no row: weekly.
CREATE TABLE digest_preference
(
  recipient_id UUID PRIMARY KEY,
  frequency    TEXT NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY')),
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Posts as they arrive (the event carries no text: the digest names the thread, the author and the time and links to
-- the thread in the portal). Kept for a few weeks, long enough for the slowest digest.
CREATE TABLE discussion_post
(
  post_id      UUID PRIMARY KEY,
  thread_id    UUID NOT NULL,
  thread_title TEXT NOT NULL,
  opens_thread BOOLEAN NOT NULL,
  space_id     UUID NOT NULL,
  space_kind   TEXT NOT NULL,
  network_id   UUID,
  group_id     UUID,
  author_id    UUID NOT NULL,
  posted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX discussion_post_by_received ON discussion_post (received_at);

-- The groups whose spaces posts are in: their names and networks.
CREATE TABLE discussion_group
(
  group_id   UUID PRIMARY KEY,
  network_id UUID,
  name       TEXT
);

-- Who belongs to a group's space now (its members and facilitators), and so to its network's: each row is the latest
-- fact known about the person in the group (joined, left, or named in a post's list of members), as of its time, so a
-- late older fact never undoes a newer one.
CREATE TABLE discussion_member
(
  group_id   UUID    NOT NULL,
  network_id UUID,
  person_id  UUID    NOT NULL,
  member     BOOLEAN NOT NULL,
  as_of      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX discussion_member_by_network ON discussion_member (network_id) WHERE member;

-- One digest per person and period (such as 'WEEKLY 2026-11-30'), whoever runs the job and however often: the unique
-- key is the guard. The mail it queued, if any.
CREATE TABLE discussion_digest
(
  id           UUID PRIMARY KEY,
  recipient_id UUID NOT NULL,
  period       TEXT NOT NULL,
  covers_until TIMESTAMP WITH TIME ZONE NOT NULL,
  posts        INT  NOT NULL,
  mail_id      UUID,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (recipient_id, period)
);

-- Each post in at most one digest per person.
CREATE TABLE discussion_digest_post
(
  recipient_id UUID NOT NULL,
  post_id      UUID NOT NULL,
  digest_id    UUID NOT NULL REFERENCES discussion_digest (id) ON DELETE CASCADE,
  PRIMARY KEY (recipient_id, post_id)
);
