-- Demo programme: the West Midlands Professional Exchange, as the seeds describe it, with dates relative to today so
-- that there are always meetings past and upcoming. Fixed ids make loading it twice change nothing.
-- People are the identity provider's subject ids of the realm's demo accounts:
--   ...f1 Fran Facilitator (facilitator), ...f2 Sam Facilitator (facilitator), ...a1..a6 practitioners.

INSERT INTO organisation_directory (organisation_id, name, type, region, updated_at) VALUES
  ('org-wmcett', 'WMCETT', 'OTHER', 'West Midlands', now()),
  ('org-westmid-college', 'Westmid College', 'COLLEGE', 'West Midlands', now()),
  ('org-black-country-wbl', 'Black Country Training', 'WORK_BASED_LEARNING', 'West Midlands', now()),
  ('org-brum-acl', 'Birmingham Adult Learning', 'ADULT_COMMUNITY_LEARNING', 'West Midlands', now())
ON CONFLICT DO NOTHING;

INSERT INTO practitioner_directory (practitioner_id, given_name, family_name, organisation_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000f1', 'Fran', 'Facilitator', 'org-wmcett', now()),
  ('00000000-0000-4000-8000-0000000000f2', 'Sam', 'Facilitator', 'org-wmcett', now()),
  ('00000000-0000-4000-8000-0000000000a1', 'Ada', 'Practitioner', 'org-westmid-college', now()),
  ('00000000-0000-4000-8000-0000000000a2', 'Ben', 'Practitioner', 'org-westmid-college', now()),
  ('00000000-0000-4000-8000-0000000000a3', 'Cleo', 'Practitioner', 'org-black-country-wbl', now()),
  ('00000000-0000-4000-8000-0000000000a4', 'Dev', 'Practitioner', 'org-black-country-wbl', now()),
  ('00000000-0000-4000-8000-0000000000a5', 'Esi', 'Practitioner', 'org-brum-acl', now()),
  ('00000000-0000-4000-8000-0000000000a6', 'Finn', 'Practitioner', 'org-brum-acl', now())
ON CONFLICT DO NOTHING;

INSERT INTO venue (id, organisation_id, name, address, postcode, latitude, longitude, capacity, accessibility,
                   withdrawn, offered_at) VALUES
  ('00000000-0000-4000-8000-00000000ee01', 'org-westmid-college', 'Westmid College, Hall Green campus',
   '1 College Road, Birmingham', 'B28 8ZZ', 52.4310, -1.8330, 80, 'Step-free access, hearing loop', false, now())
ON CONFLICT DO NOTHING;

INSERT INTO network (id, name, region, place_name, latitude, longitude, lead_organisation_id, contact_name,
                     contact_email, created_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'West Midlands Professional Exchange', 'West Midlands', 'Birmingham',
   52.4862, -1.8904, 'org-wmcett', 'WMCETT programme office', 'exchange@wmcett.test', now() - interval '400 days'),
  ('00000000-0000-4000-8000-000000000002', 'North West Professional Exchange', 'North West', 'Manchester',
   53.4808, -2.2426, null, 'North West programme office', 'exchange@northwest.test', now() - interval '200 days')
ON CONFLICT DO NOTHING;

INSERT INTO programme_cycle (id, network_id, name, starts_on, ends_on) VALUES
  ('00000000-0000-4000-8000-000000000c18', '00000000-0000-4000-8000-000000000001',
   'West Midlands Professional Exchange 2018-19', date '2018-03-01', date '2019-07-31'),
  ('00000000-0000-4000-8000-000000000c01', '00000000-0000-4000-8000-000000000001',
   'West Midlands Professional Exchange, current cycle', current_date - 300, current_date + 200)
ON CONFLICT DO NOTHING;

INSERT INTO programme_wave (cycle_id, number, name, starts_on, ends_on) VALUES
  ('00000000-0000-4000-8000-000000000c18', 1, 'Wave 1: groups set up after the March 2018 launch',
   date '2018-03-01', date '2018-12-31'),
  ('00000000-0000-4000-8000-000000000c18', 2, 'Wave 2', date '2019-01-01', date '2019-07-31'),
  ('00000000-0000-4000-8000-000000000c01', 1, 'Wave 1', current_date - 300, current_date - 30),
  ('00000000-0000-4000-8000-000000000c01', 2, 'Wave 2', current_date - 120, current_date + 200)
ON CONFLICT DO NOTHING;

-- Groups in every state of their life.
INSERT INTO exchange_group (id, network_id, name, kind, area, challenge, capacity, planned_start, planned_end,
                            status, proposed_by, proposed_at, activated_at, closed_at) VALUES
  ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001',
   'Maths: motivating GCSE resit learners', 'SUBJECT', 'maths',
   'Strategies to motivate GCSE resit learners in their first six weeks on a new course', 12,
   current_date - 290, current_date - 60, 'CLOSED', '00000000-0000-4000-8000-0000000000f1',
   now() - interval '300 days', now() - interval '285 days', now() - interval '40 days'),
  ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000001',
   'SEND: dyslexia screening for ESOL learners', 'SUBJECT', 'SEND',
   'Spotting dyslexia in learners of English as a second language', 10,
   current_date - 280, current_date - 90, 'CLOSED', '00000000-0000-4000-8000-0000000000f2',
   now() - interval '290 days', now() - interval '275 days', now() - interval '70 days'),
  ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-000000000001',
   'Digital skills: a framework for blended learning', 'SUBJECT', 'digital skills',
   'Making effective use of blended learning, using the EdTech Strategy and the Digital Skills Competency Framework',
   12, current_date - 200, current_date - 10, 'REPORTING', '00000000-0000-4000-8000-0000000000f1',
   now() - interval '210 days', now() - interval '195 days', null),
  ('00000000-0000-4000-8000-0000000000b4', '00000000-0000-4000-8000-000000000001',
   'Maths: learner resilience and maths anxiety', 'SUBJECT', 'maths',
   'Learners'' unhelpful attitudes and emotions, such as maths anxiety and ''I can''t do maths'' beliefs', 12,
   current_date - 60, current_date + 120, 'ACTIVE', '00000000-0000-4000-8000-0000000000f2',
   now() - interval '70 days', now() - interval '55 days', null),
  ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-000000000001',
   'English: keeping adult learners on course', 'SUBJECT', 'English',
   'Improving the retention of adult learners of English', 3,
   current_date - 45, current_date + 150, 'ACTIVE', '00000000-0000-4000-8000-0000000000f1',
   now() - interval '60 days', now() - interval '40 days', null),
  ('00000000-0000-4000-8000-0000000000b6', '00000000-0000-4000-8000-000000000001',
   'Supporting new teachers in their first months', 'THEMATIC', 'supporting staff',
   'Ideas to ensure that new teachers are supported during their first months in the sector and a new organisation',
   15, current_date + 14, current_date + 200, 'FORMING', '00000000-0000-4000-8000-0000000000f2',
   now() - interval '20 days', null, null),
  ('00000000-0000-4000-8000-0000000000b7', '00000000-0000-4000-8000-000000000001',
   'Behaviour management: a tutor self-assessment tool', 'THEMATIC', 'behaviour management',
   'A self-assessment tool for tutors to look at their own way of dealing with behaviour, pointing to support', 12,
   current_date + 30, current_date + 250, 'PROPOSED', '00000000-0000-4000-8000-0000000000f1',
   now() - interval '5 days', null, null),
  ('00000000-0000-4000-8000-0000000000b8', '00000000-0000-4000-8000-000000000002',
   'ESOL: speaking confidence', 'SUBJECT', 'ESOL', 'Learners who rarely speak in class', 12,
   current_date - 20, current_date + 160, 'ACTIVE', '00000000-0000-4000-8000-0000000000f2',
   now() - interval '30 days', now() - interval '15 days', null)
ON CONFLICT DO NOTHING;

INSERT INTO group_facilitator (group_id, practitioner_id)
SELECT id, proposed_by FROM exchange_group WHERE id::text LIKE '00000000-0000-4000-8000-0000000000b%'
ON CONFLICT DO NOTHING;

-- Members: the English group is full and has a waitlist.
INSERT INTO group_member (group_id, practitioner_id, status, joined_at)
SELECT g.id::uuid, p.id::uuid, 'CONFIRMED', now() - interval '50 days'
FROM (VALUES ('00000000-0000-4000-8000-0000000000b1'), ('00000000-0000-4000-8000-0000000000b2'),
             ('00000000-0000-4000-8000-0000000000b3'), ('00000000-0000-4000-8000-0000000000b4')) AS g(id)
CROSS JOIN (VALUES ('00000000-0000-4000-8000-0000000000a1'), ('00000000-0000-4000-8000-0000000000a3'),
                   ('00000000-0000-4000-8000-0000000000a5')) AS p(id)
ON CONFLICT DO NOTHING;
INSERT INTO group_member (group_id, practitioner_id, status, joined_at) VALUES
  ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-0000000000a2', 'CONFIRMED', now() - interval '44 days'),
  ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-0000000000a4', 'CONFIRMED', now() - interval '43 days'),
  ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-0000000000a6', 'CONFIRMED', now() - interval '42 days'),
  ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-0000000000a1', 'WAITLISTED', now() - interval '10 days'),
  ('00000000-0000-4000-8000-0000000000b6', '00000000-0000-4000-8000-0000000000a2', 'CONFIRMED', now() - interval '8 days')
ON CONFLICT DO NOTHING;

-- Four meetings per running group, every five to eight weeks, 16:00 to 18:00; past ones for closed groups.
INSERT INTO meeting (id, network_id, group_id, kind, title, starts_at, ends_at, time_zone, venue_id, online_url,
                     capacity, status, sequence, scheduled_by, updated_at)
SELECT ('00000000-0000-4000-8000-0000000' || substr(g.id::text, 35, 2) || lpad(n::text, 3, '0'))::uuid,
       g.network_id, g.id, 'GROUP_MEETING', g.name || ': meeting ' || n,
       ((g.planned_start + (n - 1) * ((g.planned_end - g.planned_start) / 4) + 7)::timestamp + time '16:00')
         AT TIME ZONE 'Europe/London',
       ((g.planned_start + (n - 1) * ((g.planned_end - g.planned_start) / 4) + 7)::timestamp + time '18:00')
         AT TIME ZONE 'Europe/London',
       'Europe/London',
       CASE WHEN n % 2 = 1 THEN '00000000-0000-4000-8000-00000000ee01'::uuid END,
       CASE WHEN n % 2 = 0 THEN 'https://meet.example.org/' || substr(g.id::text, 35, 2) END,
       20, 'SCHEDULED', 0, g.proposed_by, now() - interval '60 days'
FROM exchange_group g CROSS JOIN generate_series(1, 4) AS n
WHERE g.id::text LIKE '00000000-0000-4000-8000-0000000000b%' AND g.status <> 'PROPOSED'
ON CONFLICT DO NOTHING;

-- Network events: the launch (past), a development day with a key speaker and a dissemination event (upcoming).
INSERT INTO meeting (id, network_id, group_id, kind, title, description, key_speaker, starts_at, ends_at, time_zone,
                     venue_id, online_url, capacity, status, sequence, scheduled_by, updated_at) VALUES
  ('00000000-0000-4000-8000-00000000e001', '00000000-0000-4000-8000-000000000001', null, 'LAUNCH_EVENT',
   'Launch of the West Midlands Professional Exchange',
   'For managers in colleges, work-based learning, adult and community learning, secure estate and third sector.',
   null, (current_date - 300 + time '10:00') AT TIME ZONE 'Europe/London',
   (current_date - 300 + time '13:00') AT TIME ZONE 'Europe/London', 'Europe/London',
   '00000000-0000-4000-8000-00000000ee01', null, 80, 'SCHEDULED', 0, '00000000-0000-4000-8000-0000000000f1',
   now() - interval '320 days'),
  ('00000000-0000-4000-8000-00000000e002', '00000000-0000-4000-8000-000000000001', null, 'DEVELOPMENT_DAY',
   'Quarterly development day: research-informed practice', 'Groups report back and share their learning.',
   'Dr Jane Example, practitioner research lead', (current_date + 21 + time '09:30') AT TIME ZONE 'Europe/London',
   (current_date + 21 + time '15:30') AT TIME ZONE 'Europe/London', 'Europe/London',
   '00000000-0000-4000-8000-00000000ee01', null, 60, 'SCHEDULED', 0, '00000000-0000-4000-8000-0000000000f1',
   now() - interval '10 days'),
  ('00000000-0000-4000-8000-00000000e003', '00000000-0000-4000-8000-000000000001', null, 'DISSEMINATION_EVENT',
   'Dissemination event: what changed in our organisations', null, null,
   (current_date + 60 + time '13:00') AT TIME ZONE 'Europe/London',
   (current_date + 60 + time '16:00') AT TIME ZONE 'Europe/London', 'Europe/London', null,
   'https://meet.example.org/dissemination', 200, 'SCHEDULED', 0, '00000000-0000-4000-8000-0000000000f2',
   now() - interval '3 days')
ON CONFLICT DO NOTHING;

INSERT INTO registration (meeting_id, practitioner_id, status, registered_at, changed_at)
SELECT '00000000-0000-4000-8000-00000000e002'::uuid, p.id::uuid, 'CONFIRMED', now() - interval '5 days',
       now() - interval '5 days'
FROM (VALUES ('00000000-0000-4000-8000-0000000000a1'), ('00000000-0000-4000-8000-0000000000a2'),
             ('00000000-0000-4000-8000-0000000000a5')) AS p(id)
ON CONFLICT DO NOTHING;

-- Attendance at the meetings that took place: members attended, the facilitator led.
INSERT INTO attendance (id, meeting_id, practitioner_id, organisation_id, role, minutes, recorded_by, recorded_at)
SELECT md5(m.id::text || gm.practitioner_id::text)::uuid, m.id, gm.practitioner_id, d.organisation_id, 'ATTENDEE',
       CASE WHEN gm.practitioner_id::text LIKE '%a5' AND m.title LIKE '%meeting 2' THEN 60 ELSE 120 END,
       m.scheduled_by, m.ends_at + interval '1 hour'
FROM meeting m
JOIN group_member gm ON gm.group_id = m.group_id AND gm.status = 'CONFIRMED'
LEFT JOIN practitioner_directory d ON d.practitioner_id = gm.practitioner_id
WHERE m.id::text LIKE '00000000-0000-4000-8000-0000000b%' AND m.ends_at < now()
UNION ALL
SELECT md5(m.id::text || m.scheduled_by::text)::uuid, m.id, m.scheduled_by, 'org-wmcett', 'LEAD_FACILITATOR', 120,
       m.scheduled_by, m.ends_at + interval '1 hour'
FROM meeting m
WHERE m.id::text LIKE '00000000-0000-4000-8000-0000000b%' AND m.ends_at < now()
ON CONFLICT DO NOTHING;

INSERT INTO attendance_revision (attendance_id, role, minutes, correction, reason, recorded_by, recorded_at)
SELECT a.id, a.role, a.minutes, false, null, a.recorded_by, a.recorded_at
FROM attendance a
WHERE a.meeting_id::text LIKE '00000000-0000-4000-8000-0000000b%'
  AND NOT EXISTS (SELECT 1 FROM attendance_revision r WHERE r.attendance_id = a.id);

-- Action research in the active maths group.
INSERT INTO research_trial (id, group_id, practitioner_id, method, aim, started_on, recorded_at) VALUES
  ('00000000-0000-4000-8000-0000000007a1', '00000000-0000-4000-8000-0000000000b4',
   '00000000-0000-4000-8000-0000000000a1', 'Low-stakes retrieval quizzes',
   'Reduce maths anxiety at the start of sessions', current_date - 40, now() - interval '40 days')
ON CONFLICT DO NOTHING;
INSERT INTO research_observation (id, trial_id, practitioner_id, observed_on, observation, recorded_at) VALUES
  ('00000000-0000-4000-8000-0000000007b1', '00000000-0000-4000-8000-0000000007a1',
   '00000000-0000-4000-8000-0000000000a1', current_date - 20,
   'Learners who said they could not do maths answered three of five questions unprompted.',
   now() - interval '20 days')
ON CONFLICT DO NOTHING;

-- The outcomes library.
INSERT INTO outcome (id, network_id, group_id, kind, title, summary, author_names, subject_area, licence, link_url,
                     published_by, published_at) VALUES
  ('00000000-0000-4000-8000-00000000d001', '00000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000b1', 'REPORT',
   'Motivating GCSE maths resit learners in their first six weeks',
   'Strategies the group tried with resit learners: early wins, learner voice and short retrieval tasks, and what worked.',
   ARRAY['Fran Facilitator', 'Ada Practitioner'], 'maths', 'CC BY-NC 4.0',
   'https://resources.example.org/wm/gcse-resit-motivation.pdf', '00000000-0000-4000-8000-0000000000f1',
   now() - interval '45 days'),
  ('00000000-0000-4000-8000-00000000d002', '00000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000b2', 'RESOURCE', 'Dyslexia for ESOL screening activity',
   'A screening activity for tutors of English to speakers of other languages, with guidance on next steps.',
   ARRAY['Sam Facilitator'], 'SEND', 'CC BY 4.0', 'https://resources.example.org/wm/dyslexia-esol-screening.pdf',
   '00000000-0000-4000-8000-0000000000f2', now() - interval '75 days'),
  ('00000000-0000-4000-8000-00000000d003', '00000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000b2', 'CASE_STUDY', 'Delivery guides for different learning needs',
   'Short guides that help tutors adapt delivery for learners with different learning needs.',
   ARRAY['Sam Facilitator', 'Esi Practitioner'], 'SEND', 'CC BY 4.0',
   'https://resources.example.org/wm/delivery-guides.pdf', '00000000-0000-4000-8000-0000000000f2',
   now() - interval '72 days')
ON CONFLICT DO NOTHING;

INSERT INTO dissemination (id, outcome_id, practitioner_id, audience, inside_organisation, people_reached,
                           disseminated_on, recorded_at) VALUES
  ('00000000-0000-4000-8000-0000000009d1', '00000000-0000-4000-8000-00000000d001',
   '00000000-0000-4000-8000-0000000000a1', 'Maths team meeting at Westmid College', true, 9, current_date - 30,
   now() - interval '30 days'),
  ('00000000-0000-4000-8000-0000000009d2', '00000000-0000-4000-8000-00000000d002',
   '00000000-0000-4000-8000-0000000000a5', 'Regional ESOL practitioners'' forum', false, 35, current_date - 60,
   now() - interval '60 days')
ON CONFLICT DO NOTHING;

-- The demo groups' facilitators hold a facilitator appointment, as membership-service would have told.
INSERT INTO appointment (practitioner_id, role, appointment_id, status, changed_at)
SELECT DISTINCT practitioner_id, 'facilitator', gen_random_uuid(), 'APPOINTED', now() FROM group_facilitator
ON CONFLICT DO NOTHING;
