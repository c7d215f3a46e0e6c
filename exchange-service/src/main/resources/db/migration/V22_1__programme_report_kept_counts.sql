-- Counts the programme report read in a few rows instead of counting them on each call (issue 15,
-- docs/adr/0026-programme-report-group-lines-a-page-at-a-time.md): for all networks at national scale the report
-- counted 250,000 rows of report_person for the people involved, grouped them again by organisation, and counted
-- 180,000 held meetings, on every call.

-- A scope's people per organisation they count under ('' for none), kept from report_person by its own triggers:
-- people involved are a sum of these rows, the organisations involved are these rows.
CREATE TABLE report_people
(
  scope_id        UUID NOT NULL,
  organisation_id TEXT NOT NULL,             -- '' for people counted under no organisation
  practitioners   INT  NOT NULL,
  PRIMARY KEY (scope_id, organisation_id)
);

-- A group's or network's scheduled meetings (held and to come), so that the meetings held are these less those still
-- to come: few, and counted from an index (meeting_held_*_idx), as being held depends on the time of the report.
ALTER TABLE report_figures ADD COLUMN meetings_scheduled INT NOT NULL DEFAULT 0;

-- Takes the people of rows gone from report_person and adds those of rows come, netted per key: a row whose
-- involvements changed and whose organisation did not writes nothing.
CREATE FUNCTION report_people_count(taken report_person[], added report_person[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_people AS p (scope_id, organisation_id, practitioners)
  SELECT c.scope_id, c.organisation_id, sum(c.people)
  FROM (SELECT t.scope_id, coalesce(t.organisation_id, '') AS organisation_id, -1 AS people FROM unnest(taken) t
        UNION ALL
        SELECT a.scope_id, coalesce(a.organisation_id, ''), 1 FROM unnest(added) a) c
  GROUP BY c.scope_id, c.organisation_id
  HAVING sum(c.people) <> 0
  ORDER BY c.scope_id, c.organisation_id
  ON CONFLICT (scope_id, organisation_id) DO UPDATE SET practitioners = p.practitioners + excluded.practitioners
$$;

-- Takes the meetings of rows gone and adds those of rows come to their group's and network's scheduled meetings,
-- netted per scope: rescheduling, or anything else that leaves a meeting scheduled in the same group and network,
-- writes nothing (so it does not queue on the network's row of report_figures, which attendance updates too).
CREATE FUNCTION report_meetings_count(taken meeting[], added meeting[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_figures AS f (scope_id, kind, meetings_scheduled)
  SELECT s.scope_id, s.kind, sum(c.meetings)
  FROM (SELECT t.group_id, t.network_id, -1 AS meetings FROM unnest(taken) t WHERE t.status = 'SCHEDULED'
        UNION ALL
        SELECT a.group_id, a.network_id, 1 FROM unnest(added) a WHERE a.status = 'SCHEDULED') c
       CROSS JOIN LATERAL report_group_scopes(c.group_id, c.network_id) s
  WHERE s.kind <> 'PROGRAMME'
  GROUP BY s.scope_id, s.kind
  HAVING sum(c.meetings) <> 0
  ORDER BY s.scope_id
  ON CONFLICT (scope_id) DO UPDATE SET meetings_scheduled = f.meetings_scheduled + excluded.meetings_scheduled
$$;

-- The trigger of both: once per statement, the statement's old rows taken and its new rows added by the function
-- named in the trigger's argument, for inserts, updates and deletes alike (as V21_5's report_rows_changed).
CREATE FUNCTION report_counts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  taken TEXT := '''{}''';
  added TEXT := '''{}''';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    taken := format('array(SELECT row(r.*)::%I FROM old_rows r)', TG_TABLE_NAME);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    added := format('array(SELECT row(r.*)::%I FROM new_rows r)', TG_TABLE_NAME);
  END IF;
  EXECUTE format('SELECT %I(%s, %s)', TG_ARGV[0], taken, added);
  RETURN NULL;
END
$$;

-- What the tables hold already.
INSERT INTO report_people (scope_id, organisation_id, practitioners)
SELECT scope_id, coalesce(organisation_id, ''), count(*) FROM report_person GROUP BY 1, 2;

INSERT INTO report_figures AS f (scope_id, kind, meetings_scheduled)
SELECT s.scope_id, s.kind, count(*)
FROM meeting m CROSS JOIN LATERAL report_group_scopes(m.group_id, m.network_id) s
WHERE m.status = 'SCHEDULED' AND s.kind <> 'PROGRAMME'
GROUP BY s.scope_id, s.kind
ON CONFLICT (scope_id) DO UPDATE SET meetings_scheduled = excluded.meetings_scheduled;

-- Kept from here on.
DO $$
DECLARE
  kept TEXT[];
BEGIN
  FOREACH kept SLICE 1 IN ARRAY ARRAY[['report_person', 'report_people_count'], ['meeting', 'report_meetings_count']]
  LOOP
    EXECUTE format('CREATE TRIGGER %s_counts_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION report_counts_kept(%L)', kept[1], kept[1], kept[2]);
    EXECUTE format('CREATE TRIGGER %s_counts_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_counts_kept(%L)',
                   kept[1], kept[1], kept[2]);
    EXECUTE format('CREATE TRIGGER %s_counts_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION report_counts_kept(%L)', kept[1], kept[1], kept[2]);
  END LOOP;
END
$$;
