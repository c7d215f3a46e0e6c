-- Enquiries (issue 19): a signed-in person writes to a network, or to the Learning Exchange (no network), through a
-- contact form; programme admins answer them in a shared inbox. Status NEW until answered, ANSWERED once a reply was
-- sent (it may be answered again), CLOSED when an admin closes it (nothing more is written to it). A person's
-- enquiries and their replies are deleted when they ask to be forgotten.
CREATE TABLE enquiry
(
  id               UUID PRIMARY KEY,
  practitioner_id  UUID NOT NULL,                       -- who wrote it (subject id)
  network_id       UUID REFERENCES network (id),        -- null: to the Learning Exchange
  subject          TEXT NOT NULL,
  message          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('NEW', 'ANSWERED', 'CLOSED')),
  sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at      TIMESTAMP WITH TIME ZONE,            -- the latest reply
  closed_at        TIMESTAMP WITH TIME ZONE,
  closed_by        UUID,
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX enquiry_of_person ON enquiry (practitioner_id, sent_at DESC);
CREATE INDEX enquiry_inbox ON enquiry (status, sent_at DESC);
CREATE INDEX enquiry_of_network ON enquiry (network_id, sent_at DESC);

CREATE TABLE enquiry_reply
(
  id          UUID PRIMARY KEY,
  enquiry_id  UUID NOT NULL REFERENCES enquiry (id) ON DELETE CASCADE,
  author_id   UUID NOT NULL,                            -- the programme admin who answered
  text        TEXT NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX enquiry_reply_of_enquiry ON enquiry_reply (enquiry_id, sent_at);
