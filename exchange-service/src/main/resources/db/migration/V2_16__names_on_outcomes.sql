-- A person's choice whether their name may be shown on published outcomes (membership-service's profile events);
-- null until their profile is seen, when the names the publisher entered stand as entered.
ALTER TABLE practitioner_directory ADD COLUMN name_on_outcomes BOOLEAN;
