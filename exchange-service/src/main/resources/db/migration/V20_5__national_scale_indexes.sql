-- National scale (issue 15, docs/performance.md "National scale"): plans measured on the generated data set of
-- 20,000 groups and 200,200 meetings.

-- The finder's upcoming network events: without it, a bitmap AND of every meeting to come (about 19,000) with the
-- network events (200); with it, the 200 network events alone.
CREATE INDEX meeting_network_event_idx ON meeting (starts_at) WHERE group_id IS NULL;

-- A network's meetings (the programme report for one network): without it, a scan of every meeting.
CREATE INDEX meeting_network_idx ON meeting (network_id, starts_at);

-- The finder's joinable groups, network by network nearest first, each network's in name order: the finder reads
-- the groups of the nearest networks only, instead of every joinable group with its distance.
CREATE INDEX exchange_group_joinable_idx ON exchange_group (network_id, name) WHERE status IN ('FORMING', 'ACTIVE');
