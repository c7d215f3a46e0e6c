-- What the platform adds for reliability (docs/reliability.md): the cluster lock of its scheduled jobs, the order of
-- the outbox, the purge of the inbox, and the dead letters. Repeatable and idempotent on purpose: a service database
-- that already ran later versions of its own (V1, V2 ...) takes it too, where a new V0_3 would be refused as out of
-- order. Edit it only in ways that can run again on a database that has the previous text applied.

-- ShedLock: one row per scheduled job that must run on one instance of the service at a time.
CREATE TABLE IF NOT EXISTS shedlock
(
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);

-- The outbox keeps the order of each Kafka key: publication_seq numbers publications as they are written, and
-- event_topic / event_key name where an integration event goes, so that a publication is held back while an older one
-- of the same key is incomplete (OutboxSender).
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS publication_seq BIGSERIAL;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS event_id TEXT GENERATED ALWAYS AS (
  CASE WHEN event_type = 'org.exchange.platform.events.IntegrationEvent' THEN serialized_event::jsonb ->> 'id' END) STORED;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS event_topic TEXT GENERATED ALWAYS AS (
  CASE WHEN event_type = 'org.exchange.platform.events.IntegrationEvent' THEN serialized_event::jsonb ->> 'topic' END) STORED;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS event_key TEXT GENERATED ALWAYS AS (
  CASE WHEN event_type = 'org.exchange.platform.events.IntegrationEvent' THEN serialized_event::jsonb ->> 'subject' END) STORED;
CREATE INDEX IF NOT EXISTS event_publication_by_event_id_idx ON event_publication (event_id);
CREATE INDEX IF NOT EXISTS event_publication_incomplete_by_key_idx
  ON event_publication (event_topic, event_key, publication_seq) WHERE completion_date IS NULL;

-- The inbox forgets events handled longer ago than the retention (exchange.outbox.retention).
CREATE INDEX IF NOT EXISTS processed_event_by_processed_at_idx ON processed_event (processed_at);

-- Records this service's consumer group parked on a dead-letter topic, copied from the topic with their failure so
-- that ops can list them, replay them to this group, or discard them (DeadLetters).
CREATE TABLE IF NOT EXISTS dead_letter
(
  id                BIGSERIAL PRIMARY KEY,
  dlt_topic         TEXT        NOT NULL,
  dlt_partition     INT         NOT NULL,
  dlt_offset        BIGINT      NOT NULL,
  consumer_group    TEXT        NOT NULL,
  topic             TEXT        NOT NULL,
  source_partition  INT,
  source_offset     BIGINT,
  record_key        TEXT,
  record_value      BYTEA,
  headers           TEXT        NOT NULL,
  event_id          TEXT,
  event_type        TEXT,
  exception         TEXT,
  exception_message TEXT,
  stack_trace       TEXT,
  parked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  status            TEXT        NOT NULL,
  replay_attempts   INT         NOT NULL DEFAULT 0,
  last_replay_error TEXT,
  resolved_at       TIMESTAMP WITH TIME ZONE,
  UNIQUE (dlt_topic, dlt_partition, dlt_offset)
);
CREATE INDEX IF NOT EXISTS dead_letter_parked_idx ON dead_letter (id) WHERE status = 'PARKED';
