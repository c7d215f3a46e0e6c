-- A feed token is a credential: keep only its SHA-256 (hex), so that a copy of the database opens nobody's calendar.
ALTER TABLE calendar_feed_token RENAME COLUMN token TO token_hash;
UPDATE calendar_feed_token SET token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex');
