-- Discussions (issue 19, continued): the Learning Exchange's own space, who its members are, and a group's outcome
-- draft that facilitators fill from replies marked "what works".

-- The Learning Exchange's space belongs to no network (one such space, made the first time it is asked for).
ALTER TABLE discussion_space ALTER COLUMN network_id DROP NOT NULL;
ALTER TABLE discussion_space ADD CONSTRAINT discussion_space_network_check
  CHECK ((kind = 'LEARNING_EXCHANGE') = (network_id IS NULL));
CREATE UNIQUE INDEX discussion_space_learning_exchange_idx ON discussion_space (kind)
  WHERE kind = 'LEARNING_EXCHANGE';

-- Learning Exchange membership as membership-service last told of it (MembershipStatusChanged): a read model, so that
-- no call to membership-service is needed to decide who reads and writes the Learning Exchange's space.
CREATE TABLE learning_exchange_member
(
  person_id     UUID PRIMARY KEY,                      -- the identity provider's subject id
  membership_id UUID NOT NULL,
  status        TEXT NOT NULL,                         -- membership-service's status (ACTIVE, RENEWAL_DUE, LAPSED ...)
  member        BOOLEAN NOT NULL,                      -- the status is a member's (active or renewing)
  ever_member   BOOLEAN NOT NULL,                      -- was a member once (a lapsed member keeps reading)
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_exchange_member_idx ON learning_exchange_member (person_id) WHERE member;

-- A group's outcome draft: quotations of replies marked what works, with their attribution, for the facilitators to
-- use when they write up and publish the outcome. Nothing here is published by itself.
CREATE TABLE outcome_draft_item
(
  id               UUID PRIMARY KEY,
  group_id         UUID NOT NULL REFERENCES exchange_group (id),
  post_id          UUID NOT NULL,                      -- the discussion reply quoted
  quote            TEXT NOT NULL,                      -- its Markdown as it was when added
  attribution      TEXT NOT NULL,                      -- its author's name, or withheld
  quoted_person_id UUID,                               -- its author (erasure takes the quote out)
  added_by         UUID NOT NULL,
  added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (group_id, post_id)
);
CREATE INDEX outcome_draft_item_person_idx ON outcome_draft_item (quoted_person_id);
