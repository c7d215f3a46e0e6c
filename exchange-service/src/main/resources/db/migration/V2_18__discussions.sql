-- Discussions (issue 19): a space per group and per network, threads of posts written in Markdown (the source and the
-- sanitised HTML are both kept), reactions, read markers, reports and mentions. Who may read a space is decided on
-- every request from the current members and facilitators of groups; nothing here grants access.

CREATE TABLE discussion_space
(
  id                   UUID PRIMARY KEY,
  kind                 TEXT NOT NULL,             -- GROUP or NETWORK
  network_id           UUID NOT NULL REFERENCES network (id),
  group_id             UUID UNIQUE REFERENCES exchange_group (id),
  opened_to_network_at TIMESTAMP WITH TIME ZONE,  -- a closed group's space, opened to its network's participants
  opened_to_network_by UUID,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((kind = 'GROUP') = (group_id IS NOT NULL))
);
CREATE UNIQUE INDEX discussion_space_network_idx ON discussion_space (network_id) WHERE kind = 'NETWORK';

CREATE TABLE discussion_thread
(
  id           UUID PRIMARY KEY,
  space_id     UUID NOT NULL REFERENCES discussion_space (id),
  title        TEXT NOT NULL,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_post_at TIMESTAMP WITH TIME ZONE NOT NULL,
  pinned_at    TIMESTAMP WITH TIME ZONE,
  pinned_by    UUID,
  search       TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title)) STORED
);
CREATE INDEX discussion_thread_space_idx ON discussion_thread (space_id, last_post_at DESC);
CREATE INDEX discussion_thread_search_idx ON discussion_thread USING GIN (search);

CREATE TABLE discussion_post
(
  id             UUID PRIMARY KEY,
  thread_id      UUID NOT NULL REFERENCES discussion_thread (id),
  opens_thread   BOOLEAN NOT NULL,
  author_id      UUID,                             -- null once the author was erased ("a former member")
  author_erased  BOOLEAN NOT NULL DEFAULT FALSE,
  body_markdown  TEXT,                             -- null once the author was erased
  body_html      TEXT,                             -- the Markdown rendered and sanitised (SafeMarkdown)
  posted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  what_works_at  TIMESTAMP WITH TIME ZONE,
  what_works_by  UUID,
  hidden_at      TIMESTAMP WITH TIME ZONE,
  hidden_by      UUID,
  hidden_reason  TEXT,
  search         TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(body_markdown, ''))) STORED
);
CREATE INDEX discussion_post_thread_idx ON discussion_post (thread_id, posted_at);
CREATE INDEX discussion_post_author_idx ON discussion_post (author_id, posted_at);
CREATE INDEX discussion_post_search_idx ON discussion_post USING GIN (search);

CREATE TABLE discussion_link
(
  post_id  UUID NOT NULL REFERENCES discussion_post (id),
  position INT  NOT NULL,
  url      TEXT NOT NULL,
  title    TEXT,
  PRIMARY KEY (post_id, position)
);

CREATE TABLE discussion_mention
(
  post_id   UUID NOT NULL REFERENCES discussion_post (id),
  person_id UUID NOT NULL,
  PRIMARY KEY (post_id, person_id)
);
CREATE INDEX discussion_mention_person_idx ON discussion_mention (person_id);

CREATE TABLE discussion_reaction
(
  post_id    UUID NOT NULL REFERENCES discussion_post (id),
  person_id  UUID NOT NULL,
  kind       TEXT NOT NULL,                        -- HELPFUL
  reacted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (post_id, person_id, kind)
);
CREATE INDEX discussion_reaction_person_idx ON discussion_reaction (person_id);

CREATE TABLE discussion_read
(
  thread_id UUID NOT NULL REFERENCES discussion_thread (id),
  person_id UUID NOT NULL,
  read_up_to TIMESTAMP WITH TIME ZONE NOT NULL,    -- the time of the latest post the person has seen
  PRIMARY KEY (thread_id, person_id)
);
CREATE INDEX discussion_read_person_idx ON discussion_read (person_id);

CREATE TABLE discussion_report
(
  id          UUID PRIMARY KEY,
  post_id     UUID NOT NULL REFERENCES discussion_post (id),
  reported_by UUID NOT NULL,
  reason      TEXT NOT NULL,
  reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE,
  resolved_by UUID,
  UNIQUE (post_id, reported_by)
);
CREATE INDEX discussion_report_open_idx ON discussion_report (reported_at) WHERE resolved_at IS NULL;
