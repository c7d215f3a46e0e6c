-- The programme report's figures, kept by the database in the transaction of every write to the tables they come
-- from (issue 15, docs/adr/0024-programme-report-read-model-kept-by-the-database.md): counting them from the raw
-- tables took 16.8 s for all networks at national scale.
--
-- A scope is a group, a network, or the whole programme (the nil UUID). A group's scope holds its facilitators and
-- confirmed members, and the confirmed registrations and attendances with minutes of its meetings; a network's holds
-- those of its groups and of every meeting with its network_id (network events included); the programme's, all.
-- A report on a programme cycle or wave is the union of its groups' scopes.

-- Everyone involved in a scope, with how many rows involve them there (a facilitation, a confirmed membership, a
-- confirmed registration, an attendance with minutes): the row goes when that falls to zero.
CREATE TABLE report_person
(
  scope_id              UUID NOT NULL,
  practitioner_id       UUID NOT NULL,
  involvements          INT  NOT NULL,
  attended_organisation TEXT,                -- the greatest organisation of their attendances with minutes here
  organisation_id       TEXT,                -- that, or the directory's organisation of the person
  PRIMARY KEY (scope_id, practitioner_id)
);
CREATE INDEX report_person_practitioner_idx ON report_person (practitioner_id);
CREATE INDEX report_person_organisation_idx ON report_person (scope_id, organisation_id);

-- The organisations a person attended for in a scope, with how many attendances (so that the greatest survives a
-- correction of one of them).
CREATE TABLE report_attended_organisation
(
  scope_id        UUID NOT NULL,
  practitioner_id UUID NOT NULL,
  organisation_id TEXT NOT NULL,
  attendances     INT  NOT NULL,
  PRIMARY KEY (scope_id, practitioner_id, organisation_id)
);

-- What is summed in a group's or a network's scope (the programme's is the sum over networks).
CREATE TABLE report_figures
(
  scope_id       UUID PRIMARY KEY,
  kind           TEXT   NOT NULL CHECK (kind IN ('GROUP', 'NETWORK')),
  members        INT    NOT NULL DEFAULT 0,  -- confirmed members (groups only)
  attendances    BIGINT NOT NULL DEFAULT 0,  -- attendance records with minutes
  minutes        BIGINT NOT NULL DEFAULT 0,
  outcomes       INT    NOT NULL DEFAULT 0,
  disseminations INT    NOT NULL DEFAULT 0,
  people_reached BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX report_figures_kind_idx ON report_figures (kind);

-- Meetings held depend on the clock (scheduled and ended by now), so they are counted at read time, from these.
CREATE INDEX meeting_held_network_idx ON meeting (network_id, ends_at) WHERE status = 'SCHEDULED';
CREATE INDEX meeting_held_group_idx ON meeting (group_id, ends_at) WHERE status = 'SCHEDULED';
CREATE INDEX meeting_held_idx ON meeting (ends_at) WHERE status = 'SCHEDULED';

-- What one changed row adds to (or, negated, takes from) the read model.
CREATE TYPE report_involvement AS
(
  scope_id        UUID,
  practitioner_id UUID,
  organisation_id TEXT,                      -- an attendance's organisation, else null
  involvements    INT
);
CREATE TYPE report_amount AS
(
  scope_id       UUID,
  kind           TEXT,
  members        INT,
  attendances    BIGINT,
  minutes        BIGINT,
  outcomes       INT,
  disseminations INT,
  people_reached BIGINT
);

-- The scopes of a group's rows and of a meeting's rows (the nil UUID: the programme).
CREATE FUNCTION report_group_scopes(group_id UUID, network_id UUID)
  RETURNS TABLE (scope_id UUID, kind TEXT) LANGUAGE sql IMMUTABLE AS $$
  SELECT s.scope_id, s.kind
  FROM (VALUES (group_id, 'GROUP'), (network_id, 'NETWORK'),
               ('00000000-0000-0000-0000-000000000000'::uuid, 'PROGRAMME')) s(scope_id, kind)
  WHERE s.scope_id IS NOT NULL
$$;

-- Applies what changed rows add and take: sums per key, so that a statement writing many rows (a bulk load) updates
-- each row of the read model once.
-- Without sequential scans, hash or merge joins: a statement's keys are found by index however many there are, so
-- that the cost of a write follows its own rows, not the size of the read model (a bulk load's large batches would
-- otherwise have the planner read whole tables, once per statement).
CREATE FUNCTION report_apply(involved report_involvement[], amounts report_amount[]) RETURNS void
  LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
  gone report_involvement[];                 -- keys whose count fell to zero
BEGIN
  INSERT INTO report_figures AS f (scope_id, kind, members, attendances, minutes, outcomes, disseminations,
                                   people_reached)
  SELECT a.scope_id, a.kind, sum(a.members), sum(a.attendances), sum(a.minutes), sum(a.outcomes),
         sum(a.disseminations), sum(a.people_reached)
  FROM unnest(amounts) a
  WHERE a.kind IN ('GROUP', 'NETWORK')
  GROUP BY a.scope_id, a.kind
  HAVING sum(a.members) <> 0 OR sum(a.attendances) <> 0 OR sum(a.minutes) <> 0 OR sum(a.outcomes) <> 0
      OR sum(a.disseminations) <> 0 OR sum(a.people_reached) <> 0
  ORDER BY a.scope_id
  ON CONFLICT (scope_id) DO UPDATE
    SET members = f.members + excluded.members, attendances = f.attendances + excluded.attendances,
        minutes = f.minutes + excluded.minutes, outcomes = f.outcomes + excluded.outcomes,
        disseminations = f.disseminations + excluded.disseminations,
        people_reached = f.people_reached + excluded.people_reached;

  IF cardinality(involved) = 0 THEN
    RETURN;
  END IF;

  -- Rows that fall to zero are deleted by their keys, read back from the upsert: a bulk load touches the rows it
  -- adds to, never a whole table.
  WITH counted AS (
    INSERT INTO report_attended_organisation AS o (scope_id, practitioner_id, organisation_id, attendances)
    SELECT i.scope_id, i.practitioner_id, i.organisation_id, sum(i.involvements)
    FROM unnest(involved) i
    WHERE i.organisation_id IS NOT NULL
    GROUP BY i.scope_id, i.practitioner_id, i.organisation_id
    HAVING sum(i.involvements) <> 0
    ORDER BY i.scope_id, i.practitioner_id, i.organisation_id
    ON CONFLICT (scope_id, practitioner_id, organisation_id)
      DO UPDATE SET attendances = o.attendances + excluded.attendances
    RETURNING o.scope_id, o.practitioner_id, o.organisation_id, o.attendances)
  SELECT coalesce(array_agg(row(c.scope_id, c.practitioner_id, c.organisation_id, 0)::report_involvement)
                  FILTER (WHERE c.attendances = 0), '{}')
  INTO gone FROM counted c;
  IF cardinality(gone) > 0 THEN
    DELETE FROM report_attended_organisation o
    USING unnest(gone) g
    WHERE o.scope_id = g.scope_id AND o.practitioner_id = g.practitioner_id AND o.organisation_id = g.organisation_id
      AND o.attendances = 0;
  END IF;

  -- A person new in a scope comes with their organisation; one already there is given it again only if their
  -- attended organisations changed (and written only if it differs).
  WITH counted AS (
    INSERT INTO report_person AS p (scope_id, practitioner_id, involvements, attended_organisation, organisation_id)
    SELECT k.scope_id, k.practitioner_id, k.involvements, k.attended,
           coalesce(k.attended, (SELECT d.organisation_id FROM practitioner_directory d
                                 WHERE d.practitioner_id = k.practitioner_id))
    FROM (SELECT i.scope_id, i.practitioner_id, sum(i.involvements) AS involvements,
                 (SELECT max(o.organisation_id) FROM report_attended_organisation o
                  WHERE o.scope_id = i.scope_id AND o.practitioner_id = i.practitioner_id) AS attended
          FROM unnest(involved) i
          GROUP BY i.scope_id, i.practitioner_id
          HAVING sum(i.involvements) <> 0) k
    ORDER BY k.scope_id, k.practitioner_id
    ON CONFLICT (scope_id, practitioner_id) DO UPDATE SET involvements = p.involvements + excluded.involvements
    RETURNING p.scope_id, p.practitioner_id, p.involvements)
  SELECT coalesce(array_agg(row(c.scope_id, c.practitioner_id, NULL, 0)::report_involvement)
                  FILTER (WHERE c.involvements = 0), '{}')
  INTO gone FROM counted c;
  IF cardinality(gone) > 0 THEN
    DELETE FROM report_person p
    USING unnest(gone) g
    WHERE p.scope_id = g.scope_id AND p.practitioner_id = g.practitioner_id AND p.involvements = 0;
  END IF;

  UPDATE report_person p
  SET attended_organisation = x.attended, organisation_id = coalesce(x.attended, d.organisation_id)
  FROM (SELECT t.scope_id, t.practitioner_id,
               (SELECT max(o.organisation_id) FROM report_attended_organisation o
                WHERE o.scope_id = t.scope_id AND o.practitioner_id = t.practitioner_id) AS attended
        FROM (SELECT DISTINCT i.scope_id, i.practitioner_id FROM unnest(involved) i
              WHERE i.organisation_id IS NOT NULL) t) x
       LEFT JOIN practitioner_directory d ON d.practitioner_id = x.practitioner_id
  WHERE p.scope_id = x.scope_id AND p.practitioner_id = x.practitioner_id
    AND (p.attended_organisation IS DISTINCT FROM x.attended
         OR p.organisation_id IS DISTINCT FROM coalesce(x.attended, d.organisation_id));
END
$$;

-- What a source table's changed rows add to the read model (direction 1), or take from it (-1): one function per
-- table, called by report_rows_changed below.

CREATE FUNCTION report_group_facilitator_changed(changed group_facilitator[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply(
    array(SELECT row(s.scope_id, r.practitioner_id, NULL, direction)::report_involvement
          FROM unnest(changed) r JOIN exchange_group g ON g.id = r.group_id
               CROSS JOIN LATERAL report_group_scopes(g.id, g.network_id) s),
    '{}')
$$;

CREATE FUNCTION report_group_member_changed(changed group_member[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply(
    array(SELECT row(s.scope_id, r.practitioner_id, NULL, direction)::report_involvement
          FROM unnest(changed) r JOIN exchange_group g ON g.id = r.group_id
               CROSS JOIN LATERAL report_group_scopes(g.id, g.network_id) s
          WHERE r.status = 'CONFIRMED'),
    array(SELECT row(r.group_id, 'GROUP', direction * count(*), 0, 0, 0, 0, 0)::report_amount
          FROM unnest(changed) r WHERE r.status = 'CONFIRMED' GROUP BY r.group_id))
$$;

CREATE FUNCTION report_registration_changed(changed registration[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply(
    array(SELECT row(s.scope_id, r.practitioner_id, NULL, direction)::report_involvement
          FROM unnest(changed) r JOIN meeting m ON m.id = r.meeting_id
               CROSS JOIN LATERAL report_group_scopes(m.group_id, m.network_id) s
          WHERE r.status = 'CONFIRMED'),
    '{}')
$$;

CREATE FUNCTION report_attendance_changed(changed attendance[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply(
    array(SELECT row(s.scope_id, r.practitioner_id, r.organisation_id, direction)::report_involvement
          FROM unnest(changed) r JOIN meeting m ON m.id = r.meeting_id
               CROSS JOIN LATERAL report_group_scopes(m.group_id, m.network_id) s
          WHERE r.minutes > 0),
    array(SELECT row(s.scope_id, s.kind, 0, direction * count(*) FILTER (WHERE r.minutes > 0),
                     direction * sum(r.minutes), 0, 0, 0)::report_amount
          FROM unnest(changed) r JOIN meeting m ON m.id = r.meeting_id
               CROSS JOIN LATERAL report_group_scopes(m.group_id, m.network_id) s
          GROUP BY s.scope_id, s.kind))
$$;

-- An outcome counts with its disseminations, so that they follow it if it moves.
CREATE FUNCTION report_outcome_changed(changed outcome[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply('{}', array(
    SELECT row(s.scope_id, s.kind, 0, 0, 0, direction * count(*), direction * sum(x.disseminations),
               direction * sum(x.reached))::report_amount
    FROM (SELECT o.id, o.group_id, o.network_id, count(d.id) AS disseminations,
                 coalesce(sum(d.people_reached), 0) AS reached
          FROM unnest(changed) o LEFT JOIN dissemination d ON d.outcome_id = o.id
          GROUP BY o.id, o.group_id, o.network_id) x
         CROSS JOIN LATERAL report_group_scopes(x.group_id, x.network_id) s
    GROUP BY s.scope_id, s.kind))
$$;

CREATE FUNCTION report_dissemination_changed(changed dissemination[], direction INT) RETURNS void
  LANGUAGE sql AS $$
  SELECT report_apply('{}', array(
    SELECT row(s.scope_id, s.kind, 0, 0, 0, 0, direction * count(*), direction * sum(r.people_reached))::report_amount
    FROM unnest(changed) r JOIN outcome o ON o.id = r.outcome_id
         CROSS JOIN LATERAL report_group_scopes(o.group_id, o.network_id) s
    GROUP BY s.scope_id, s.kind))
$$;

-- The trigger of every source table, once per statement with the statement's rows (transition tables): its old rows
-- taken away, its new rows added, for inserts, updates and deletes alike.
CREATE FUNCTION report_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT report_%s_changed(array(SELECT row(r.*)::%I FROM old_rows r), -1)',
                   TG_TABLE_NAME, TG_TABLE_NAME);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT report_%s_changed(array(SELECT row(r.*)::%I FROM new_rows r), 1)',
                   TG_TABLE_NAME, TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;

-- A meeting that changes group or network takes its registrations and attendances along: taken from the old scopes,
-- added to the new ones (row by row: such updates are rare; rescheduling and cancelling change neither).
CREATE FUNCTION report_meeting_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  involved report_involvement[] := '{}';
  amounts  report_amount[] := '{}';
  direction INT;
  g        UUID;
  n        UUID;
BEGIN
  FOREACH direction IN ARRAY ARRAY[-1, 1] LOOP
    IF direction < 0 THEN g := OLD.group_id; n := OLD.network_id; ELSE g := NEW.group_id; n := NEW.network_id; END IF;
    involved := involved || array(
      SELECT row(s.scope_id, r.practitioner_id, NULL, direction)::report_involvement
      FROM registration r CROSS JOIN LATERAL report_group_scopes(g, n) s
      WHERE r.meeting_id = NEW.id AND r.status = 'CONFIRMED');
    involved := involved || array(
      SELECT row(s.scope_id, a.practitioner_id, a.organisation_id, direction)::report_involvement
      FROM attendance a CROSS JOIN LATERAL report_group_scopes(g, n) s
      WHERE a.meeting_id = NEW.id AND a.minutes > 0);
    amounts := amounts || array(
      SELECT row(s.scope_id, s.kind, 0, direction * count(*) FILTER (WHERE a.minutes > 0), direction * sum(a.minutes),
                 0, 0, 0)::report_amount
      FROM attendance a CROSS JOIN LATERAL report_group_scopes(g, n) s
      WHERE a.meeting_id = NEW.id
      GROUP BY s.scope_id, s.kind);
  END LOOP;
  PERFORM report_apply(involved, amounts);
  RETURN NULL;
END
$$;

-- A group that changes network takes its facilitators and members along (its meetings and outcomes carry their own
-- network_id and move by their own updates).
CREATE FUNCTION report_group_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  involved report_involvement[] := '{}';
  direction INT;
  n        UUID;
BEGIN
  FOREACH direction IN ARRAY ARRAY[-1, 1] LOOP
    n := CASE WHEN direction < 0 THEN OLD.network_id ELSE NEW.network_id END;
    involved := involved || array(
      SELECT row(n, p.practitioner_id, NULL, direction)::report_involvement
      FROM (SELECT f.practitioner_id FROM group_facilitator f WHERE f.group_id = NEW.id
            UNION ALL
            SELECT m.practitioner_id FROM group_member m WHERE m.group_id = NEW.id AND m.status = 'CONFIRMED') p);
  END LOOP;
  PERFORM report_apply(involved, '{}');
  RETURN NULL;
END
$$;

-- A person's organisation in the directory is theirs in every scope where they attended for none.
CREATE FUNCTION report_directory_changed() RETURNS trigger LANGUAGE plpgsql
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
  UPDATE report_person p
  SET organisation_id = x.organisation_id
  FROM (SELECT DISTINCT r.practitioner_id, d.organisation_id
        FROM changed_rows r LEFT JOIN practitioner_directory d ON d.practitioner_id = r.practitioner_id) x
  WHERE p.practitioner_id = x.practitioner_id AND p.attended_organisation IS NULL
    AND p.organisation_id IS DISTINCT FROM x.organisation_id;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  source TEXT;
BEGIN
  FOREACH source IN ARRAY ARRAY['group_facilitator', 'group_member', 'registration', 'attendance', 'outcome',
                                'dissemination'] LOOP
    EXECUTE format('CREATE TRIGGER report_%s_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION report_rows_changed()', source, source);
    EXECUTE format('CREATE TRIGGER report_%s_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rows_changed()', source, source);
    EXECUTE format('CREATE TRIGGER report_%s_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION report_rows_changed()', source, source);
  END LOOP;
END
$$;

CREATE TRIGGER report_meeting_moved AFTER UPDATE OF group_id, network_id ON meeting
  FOR EACH ROW WHEN (OLD.group_id IS DISTINCT FROM NEW.group_id OR OLD.network_id IS DISTINCT FROM NEW.network_id)
  EXECUTE FUNCTION report_meeting_moved();

CREATE TRIGGER report_group_moved AFTER UPDATE OF network_id ON exchange_group
  FOR EACH ROW WHEN (OLD.network_id IS DISTINCT FROM NEW.network_id)
  EXECUTE FUNCTION report_group_moved();

CREATE TRIGGER report_directory_inserted AFTER INSERT ON practitioner_directory
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_directory_changed();
CREATE TRIGGER report_directory_updated AFTER UPDATE ON practitioner_directory
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_directory_changed();
CREATE TRIGGER report_directory_deleted AFTER DELETE ON practitioner_directory
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_directory_changed();

-- What the raw tables hold already (a platform upgraded in place reports the same figures).
INSERT INTO report_attended_organisation (scope_id, practitioner_id, organisation_id, attendances)
SELECT s.scope_id, a.practitioner_id, a.organisation_id, count(*)
FROM attendance a JOIN meeting m ON m.id = a.meeting_id
     CROSS JOIN LATERAL report_group_scopes(m.group_id, m.network_id) s
WHERE a.minutes > 0 AND a.organisation_id IS NOT NULL
GROUP BY s.scope_id, a.practitioner_id, a.organisation_id;

INSERT INTO report_person (scope_id, practitioner_id, involvements, attended_organisation, organisation_id)
SELECT p.scope_id, p.practitioner_id, p.involvements, o.attended, coalesce(o.attended, d.organisation_id)
FROM (SELECT s.scope_id, i.practitioner_id, count(*) AS involvements
      FROM (SELECT g.id AS group_id, g.network_id, f.practitioner_id
            FROM group_facilitator f JOIN exchange_group g ON g.id = f.group_id
            UNION ALL
            SELECT g.id, g.network_id, gm.practitioner_id
            FROM group_member gm JOIN exchange_group g ON g.id = gm.group_id WHERE gm.status = 'CONFIRMED'
            UNION ALL
            SELECT m.group_id, m.network_id, r.practitioner_id
            FROM registration r JOIN meeting m ON m.id = r.meeting_id WHERE r.status = 'CONFIRMED'
            UNION ALL
            SELECT m.group_id, m.network_id, a.practitioner_id
            FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.minutes > 0) i
           CROSS JOIN LATERAL report_group_scopes(i.group_id, i.network_id) s
      GROUP BY s.scope_id, i.practitioner_id) p
     LEFT JOIN (SELECT scope_id, practitioner_id, max(organisation_id) AS attended
                FROM report_attended_organisation GROUP BY scope_id, practitioner_id) o
            ON o.scope_id = p.scope_id AND o.practitioner_id = p.practitioner_id
     LEFT JOIN practitioner_directory d ON d.practitioner_id = p.practitioner_id;

INSERT INTO report_figures (scope_id, kind, members, attendances, minutes, outcomes, disseminations, people_reached)
SELECT s.scope_id, s.kind, sum(CASE WHEN s.kind = 'GROUP' THEN x.members ELSE 0 END), sum(x.attendances),
       sum(x.minutes), sum(x.outcomes), sum(x.disseminations), sum(x.reached)
FROM (SELECT g.id AS group_id, g.network_id, count(*) AS members, 0 AS attendances, 0 AS minutes, 0 AS outcomes,
             0 AS disseminations, 0 AS reached
      FROM group_member gm JOIN exchange_group g ON g.id = gm.group_id WHERE gm.status = 'CONFIRMED'
      GROUP BY g.id, g.network_id
      UNION ALL
      SELECT m.group_id, m.network_id, 0, count(*) FILTER (WHERE a.minutes > 0), sum(a.minutes), 0, 0, 0
      FROM attendance a JOIN meeting m ON m.id = a.meeting_id
      GROUP BY m.group_id, m.network_id
      UNION ALL
      SELECT o.group_id, o.network_id, 0, 0, 0, count(DISTINCT o.id), count(d.id), coalesce(sum(d.people_reached), 0)
      FROM outcome o LEFT JOIN dissemination d ON d.outcome_id = o.id
      GROUP BY o.group_id, o.network_id) x
     CROSS JOIN LATERAL report_group_scopes(x.group_id, x.network_id) s
WHERE s.kind <> 'PROGRAMME'
GROUP BY s.scope_id, s.kind;
