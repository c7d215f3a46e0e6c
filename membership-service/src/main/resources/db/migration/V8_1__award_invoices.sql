-- Invoices for ILM award programme fees (purpose AWARD), issued when accreditation-service accepts an enrolment
-- (docs/adr/0006): they have no membership, and name the enrolment they charge for.
ALTER TABLE invoice ALTER COLUMN membership_id DROP NOT NULL;

CREATE TABLE award_invoice
(
  invoice_id      UUID PRIMARY KEY REFERENCES invoice (id),
  enrolment_id    UUID NOT NULL UNIQUE,
  programme_code  TEXT NOT NULL,
  programme_title TEXT NOT NULL
);
