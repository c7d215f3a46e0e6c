-- Optimistic locking (issue 14, lost updates): what two people may edit carries a version, raised by one with every
-- change. The API answers it as a strong ETag and changes a resource only at the version the client read (If-Match).
ALTER TABLE organisation ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN contacts_version BIGINT NOT NULL DEFAULT 1; -- the contacts are replaced as a list
ALTER TABLE memorandum_of_understanding ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE venue ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cpd_activity ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
