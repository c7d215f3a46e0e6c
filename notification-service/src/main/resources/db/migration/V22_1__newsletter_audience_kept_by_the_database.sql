-- The newsletter's audience sizes, kept by the database in the transaction of every change that moves someone in or
-- out of an audience (issue 15, docs/adr/0027-newsletter-audience-counts-kept-by-the-database.md): counting everyone
-- who consented on each call took 460-960 ms at national scale (250,000 recipients, 150,000 consents).
--
-- Who is in an audience is written once, here (newsletter_audience). Sending an issue enumerates that view; the
-- counts shown are kept from the same view by triggers; neither has a rule of its own.

-- Who can be sent the newsletter at all: a known address, not erased, their NEWSLETTER e-mail on (their consent, not
-- since withdrawn by an unsubscribe link or in the portal), and the address not suppressed after a hard bounce.
CREATE VIEW newsletter_reachable AS
SELECT r.id, r.email, r.organisation_id
FROM recipient r
JOIN mail_preference p ON p.recipient_id = r.id AND p.category = 'NEWSLETTER' AND p.email
WHERE r.erased_at IS NULL AND r.email IS NOT NULL AND r.email <> ''
  AND NOT EXISTS (SELECT 1 FROM mail_suppression s WHERE s.email = lower(r.email));

-- The audiences: one row per person and segment they are in; ref is the network's id for NETWORK, the organisation's
-- id for ORGANISATION, '' for CONSENTED and MEMBERS. No CTE, so that a filter on person, segment or ref reaches the
-- tables beneath (the triggers ask for a few people, the sender for one segment).
CREATE VIEW newsletter_audience AS
SELECT id AS person_id, email, 'CONSENTED'::text AS segment, ''::text AS ref
FROM newsletter_reachable
UNION ALL
SELECT a.id, a.email, 'MEMBERS', ''
FROM newsletter_reachable a
WHERE EXISTS (SELECT 1 FROM membership m WHERE m.practitioner_id = a.id AND m.active)
UNION ALL
SELECT a.id, a.email, 'NETWORK', n.network_id::text
FROM newsletter_reachable a JOIN network_participant n ON n.practitioner_id = a.id
UNION ALL
SELECT id, email, 'ORGANISATION', organisation_id
FROM newsletter_reachable
WHERE organisation_id IS NOT NULL;

-- The rule's lookups by person and by address.
CREATE INDEX network_participant_by_practitioner ON network_participant (practitioner_id);
CREATE INDEX recipient_by_lower_email ON recipient (lower(email));

-- The segments each person was in after the last change about them: what the next change is compared with.
CREATE TABLE newsletter_audience_member
(
  person_id UUID NOT NULL,
  segment   TEXT NOT NULL,
  ref       TEXT NOT NULL,
  PRIMARY KEY (person_id, segment, ref)
);

-- How many people each audience reaches: the sum of its rows. A statement that moves people in or out of an audience
-- adds one row with by how many (never updates one), so that concurrent changes never wait for each other on a
-- shared counter; newsletter_audience_fold() sums each audience's rows into one now and then.
CREATE TABLE newsletter_audience_count
(
  segment TEXT NOT NULL,
  ref     TEXT NOT NULL,
  people  INT  NOT NULL
);
CREATE INDEX newsletter_audience_count_by_audience ON newsletter_audience_count (segment, ref) INCLUDE (people);

-- Brings what is kept of these people up to date with the rule: adds the segments they are in now and were not in,
-- removes those they were in and are not, and records by how much each audience moved.
CREATE FUNCTION newsletter_audience_refresh(persons UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF persons IS NULL OR cardinality(persons) = 0 THEN
    RETURN;
  END IF;
  -- One change about a person at a time. Two transactions changing different facts about one person (the consent in
  -- one, the membership in the other) would each see the other's fact as it was before it, and the later commit would
  -- leave a stale set. The second waits here until the first commits; its next statement then reads what the first
  -- committed (READ COMMITTED: a fresh snapshot per statement). People share 1,024 locks, so that a bulk load takes
  -- at most that many; taken in order, so that two statements do not wait for each other.
  PERFORM pg_advisory_xact_lock(hashtext('newsletter_audience'), bucket)
  FROM (SELECT DISTINCT hashtext(person::text) & 1023 AS bucket FROM unnest(persons) person ORDER BY 1) buckets;

  WITH now_in AS (
    SELECT a.person_id, a.segment, a.ref FROM newsletter_audience a WHERE a.person_id = ANY (persons)
  ), went AS (
    DELETE FROM newsletter_audience_member m
    WHERE m.person_id = ANY (persons)
      AND NOT EXISTS (SELECT 1 FROM now_in n
                      WHERE n.person_id = m.person_id AND n.segment = m.segment AND n.ref = m.ref)
    RETURNING m.segment, m.ref
  ), came AS (
    INSERT INTO newsletter_audience_member (person_id, segment, ref)
    SELECT n.person_id, n.segment, n.ref FROM now_in n
    WHERE NOT EXISTS (SELECT 1 FROM newsletter_audience_member m
                      WHERE m.person_id = n.person_id AND m.segment = n.segment AND m.ref = n.ref)
    RETURNING segment, ref
  )
  INSERT INTO newsletter_audience_count (segment, ref, people)
  SELECT moves.segment, moves.ref, sum(moves.moved)
  FROM (SELECT segment, ref, -1 FROM went UNION ALL SELECT segment, ref, 1 FROM came) moves(segment, ref, moved)
  GROUP BY moves.segment, moves.ref
  HAVING sum(moves.moved) <> 0;
END $$;

-- Sums each audience's rows into one (none when they come to zero); answers how many rows it folded. Safe to run
-- on several instances at once and beside any change: rows another fold took are skipped, rows added since are left
-- for the next.
CREATE FUNCTION newsletter_audience_fold() RETURNS bigint LANGUAGE sql AS $$
  WITH folded AS (
    DELETE FROM newsletter_audience_count
    WHERE (segment, ref) IN (SELECT segment, ref FROM newsletter_audience_count
                             GROUP BY segment, ref HAVING count(*) > 1)
    RETURNING segment, ref, people
  ), kept AS (
    INSERT INTO newsletter_audience_count (segment, ref, people)
    SELECT segment, ref, sum(people) FROM folded GROUP BY segment, ref HAVING sum(people) <> 0
    RETURNING 1
  )
  SELECT count(*) FROM folded
$$;

-- The people a statement's changed rows are about, found with TG_ARGV[0]: a query in which %1$s stands for the
-- changed rows (the new ones, the old ones, or both for an update, since an update may move a row to someone else).
CREATE FUNCTION newsletter_audience_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  persons UUID[];
BEGIN
  EXECUTE 'SELECT array_agg(DISTINCT person) FROM ('
          || CASE TG_OP WHEN 'INSERT' THEN format(TG_ARGV[0], 'new_rows')
                        WHEN 'DELETE' THEN format(TG_ARGV[0], 'old_rows')
                        ELSE format(TG_ARGV[0], 'old_rows') || ' UNION ALL ' || format(TG_ARGV[0], 'new_rows') END
          || ') changed(person)'
    INTO persons;
  PERFORM newsletter_audience_refresh(persons);
  RETURN NULL;
END $$;

-- Every table the rule reads, with how its rows lead to people.
DO $$
DECLARE
  source RECORD;
BEGIN
  FOR source IN SELECT * FROM (VALUES
      ('recipient', 'SELECT id FROM %1$s'),
      ('mail_preference', 'SELECT recipient_id FROM %1$s WHERE category = ''NEWSLETTER'''),
      ('mail_suppression', 'SELECT r.id FROM recipient r JOIN %1$s s ON lower(r.email) = s.email'),
      ('membership', 'SELECT practitioner_id FROM %1$s'),
      ('network_participant', 'SELECT practitioner_id FROM %1$s')) t(name, people)
  LOOP
    EXECUTE format('CREATE TRIGGER newsletter_audience_%s_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS '
                   'new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsletter_audience_rows_changed(%L)',
                   source.name, source.name, source.people);
    EXECUTE format('CREATE TRIGGER newsletter_audience_%s_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS '
                   'old_rows NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION newsletter_audience_rows_changed(%L)', source.name, source.name, source.people);
    EXECUTE format('CREATE TRIGGER newsletter_audience_%s_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS '
                   'old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsletter_audience_rows_changed(%L)',
                   source.name, source.name, source.people);
  END LOOP;
END
$$;

-- What the tables hold already (a platform upgraded in place shows the same counts): everyone, as a change would.
SELECT newsletter_audience_refresh(ARRAY(SELECT id FROM recipient));
SELECT newsletter_audience_fold();
