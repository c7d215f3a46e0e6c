-- The inbox: ids of integration events this service has handled, so that a redelivery changes nothing.
CREATE TABLE processed_event
(
  event_id     UUID PRIMARY KEY,
  event_type   TEXT NOT NULL,
  source       TEXT,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
