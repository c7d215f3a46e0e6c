-- Several renewal reminders per membership year (such as 30 and 7 days before expiry): how many were sent.
ALTER TABLE membership ADD COLUMN renewal_reminders_sent INT NOT NULL DEFAULT 0;
