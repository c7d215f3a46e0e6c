-- The newsletter audience's triggers as static PL/pgSQL, one function per table the rule reads (issue 15,
-- docs/adr/0027-newsletter-audience-counts-kept-by-the-database.md, amendment of 2026-12-02). V22_1's one function
-- built the query that finds the changed people from a trigger argument and ran it with EXECUTE: parsed and planned
-- again on every statement, twice for an upsert (its INSERT and its UPDATE trigger both fire), and it refreshed
-- everyone a changed row named even when nothing the rule reads had changed (a profile that states the same consent
-- again, a suppression's diagnostic rewritten). Here nothing is built at run time (PL/pgSQL prepares each function's
-- queries once per session), and a person is refreshed only when a value the rule reads changed for them: the rows the
-- statement removed and the rows it added are compared on those values alone, and whoever differs is refreshed. The
-- rule itself is still only the view newsletter_audience, and newsletter_audience_refresh() still brings a person's
-- kept segments up to it.
--
-- Why comparing is enough: what the rule says about a person depends only on these values of these rows (recipient: its
-- id, address, organisation, whether erased; mail_preference: whether a NEWSLETTER row with the e-mail on exists;
-- membership: whether an active one exists; network_participant: which networks; mail_suppression: which addresses).
-- After a statement a table holds what it held, less its old rows, plus its new ones; when the old and the new rows of
-- a person agree on those values, the person's answer from the view is what it was, and a refresh would change nothing.

CREATE FUNCTION newsletter_audience_recipient_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT DISTINCT id FROM (
        (SELECT id, email, organisation_id, erased_at IS NULL FROM old_rows
         EXCEPT SELECT id, email, organisation_id, erased_at IS NULL FROM new_rows)
        UNION ALL
        (SELECT id, email, organisation_id, erased_at IS NULL FROM new_rows
         EXCEPT SELECT id, email, organisation_id, erased_at IS NULL FROM old_rows)) changed));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION newsletter_audience_mail_preference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT recipient_id FROM new_rows WHERE category = 'NEWSLETTER' AND email));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT recipient_id FROM old_rows WHERE category = 'NEWSLETTER' AND email));
  ELSE
    PERFORM newsletter_audience_refresh(ARRAY(
      (SELECT recipient_id FROM old_rows WHERE category = 'NEWSLETTER' AND email
       EXCEPT SELECT recipient_id FROM new_rows WHERE category = 'NEWSLETTER' AND email)
      UNION ALL
      (SELECT recipient_id FROM new_rows WHERE category = 'NEWSLETTER' AND email
       EXCEPT SELECT recipient_id FROM old_rows WHERE category = 'NEWSLETTER' AND email)));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION newsletter_audience_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT practitioner_id FROM new_rows WHERE active));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT practitioner_id FROM old_rows WHERE active));
  ELSE
    PERFORM newsletter_audience_refresh(ARRAY(
      (SELECT practitioner_id FROM old_rows WHERE active EXCEPT SELECT practitioner_id FROM new_rows WHERE active)
      UNION ALL
      (SELECT practitioner_id FROM new_rows WHERE active EXCEPT SELECT practitioner_id FROM old_rows WHERE active)));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION newsletter_audience_network_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT DISTINCT practitioner_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM newsletter_audience_refresh(ARRAY(SELECT DISTINCT practitioner_id FROM old_rows));
  ELSE
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT DISTINCT practitioner_id FROM (
        (SELECT network_id, practitioner_id FROM old_rows EXCEPT SELECT network_id, practitioner_id FROM new_rows)
        UNION ALL
        (SELECT network_id, practitioner_id FROM new_rows EXCEPT SELECT network_id, practitioner_id FROM old_rows))
      changed));
  END IF;
  RETURN NULL;
END $$;

-- A suppression is about an address; the people it is about are those with that address in any case
-- (recipient_by_lower_email).
CREATE FUNCTION newsletter_audience_mail_suppression_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT DISTINCT r.id FROM recipient r JOIN new_rows s ON lower(r.email) = s.email));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT DISTINCT r.id FROM recipient r JOIN old_rows s ON lower(r.email) = s.email));
  ELSE
    PERFORM newsletter_audience_refresh(ARRAY(
      SELECT DISTINCT r.id FROM recipient r
      JOIN ((SELECT email FROM old_rows EXCEPT SELECT email FROM new_rows)
            UNION ALL
            (SELECT email FROM new_rows EXCEPT SELECT email FROM old_rows)) s ON lower(r.email) = s.email));
  END IF;
  RETURN NULL;
END $$;

-- The same triggers (names, events, transition tables), each now calling its table's function.
DO $$
DECLARE
  source TEXT;
BEGIN
  FOREACH source IN ARRAY ARRAY['recipient', 'mail_preference', 'mail_suppression', 'membership',
                                'network_participant']
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER newsletter_audience_%1$s_inserted AFTER INSERT ON %1$I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION newsletter_audience_%1$s_changed()', source);
    EXECUTE format('CREATE OR REPLACE TRIGGER newsletter_audience_%1$s_updated AFTER UPDATE ON %1$I '
                   'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION newsletter_audience_%1$s_changed()', source);
    EXECUTE format('CREATE OR REPLACE TRIGGER newsletter_audience_%1$s_deleted AFTER DELETE ON %1$I '
                   'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION newsletter_audience_%1$s_changed()', source);
  END LOOP;
END
$$;

DROP FUNCTION newsletter_audience_rows_changed();

