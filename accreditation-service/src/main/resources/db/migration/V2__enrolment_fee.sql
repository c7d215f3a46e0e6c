-- The programme fee's invoice, as membership-service issued it (docs/adr/0006), and its payment.
CREATE TABLE enrolment_fee
(
  enrolment_id   UUID PRIMARY KEY REFERENCES enrolment (id),
  invoice_id     UUID NOT NULL UNIQUE,
  invoice_number TEXT NOT NULL,
  amount         NUMERIC(12, 2) NOT NULL,
  currency       CHAR(3) NOT NULL,
  due_on         DATE NOT NULL,
  paid_on        DATE
);
