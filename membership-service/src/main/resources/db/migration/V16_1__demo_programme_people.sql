-- The demo programme's people and organisations (issue 16, item 8). Membership owns people and organisations, but the
-- demo programme's (Sam, Ben, Cleo, Dev, Esi, Finn; WMCETT, Black Country Training, Birmingham Adult Learning) lived
-- only in exchange-service's directory: an organisation's staff page here did not list Ben, whom the staff attendance
-- page listed, and the other contexts did not know them. They are seeded here, with the demo accounts of the realm
-- whose subject ids the demo programme uses (practitioner: Priya, facilitator: Femi), and announced at start-up like the
-- seeded organisations (OrganisationRegistered, PractitionerRegistered), so every context names them alike.
-- Exchange-service's DemoProgramme uses the same ids and names. Someone already known (a demo account that signed in
-- before this migration) is left as they are.
INSERT INTO organisation (id, name, type, region, identity_provider_alias, registered_at) VALUES
  ('org-wmcett', 'WMCETT', 'OTHER', 'West Midlands', NULL, now()),
  ('org-black-country-wbl', 'Black Country Training', 'WORK_BASED_LEARNING', 'West Midlands', NULL, now()),
  ('org-brum-acl', 'Birmingham Adult Learning', 'ADULT_COMMUNITY_LEARNING', 'West Midlands', NULL, now())
ON CONFLICT (id) DO NOTHING;

ALTER TABLE practitioner ADD COLUMN announced BOOLEAN NOT NULL DEFAULT TRUE; -- PractitionerRegistered published

INSERT INTO practitioner (id, email, given_name, family_name, organisation_id, registered_at, announced) VALUES
  ('00000000-0000-4000-8000-0000000000f1', 'facilitator@demo.exchange.test', 'Femi', 'Facilitator',
   'org-westmid-college', now(), FALSE),
  ('00000000-0000-4000-8000-0000000000f2', 'sam@demo.exchange.test', 'Sam', 'Facilitator', 'org-wmcett', now(), FALSE),
  ('00000000-0000-4000-8000-0000000000a1', 'practitioner@demo.exchange.test', 'Priya', 'Practitioner',
   'org-westmid-college', now(), FALSE),
  ('00000000-0000-4000-8000-0000000000a2', 'ben@demo.exchange.test', 'Ben', 'Practitioner', 'org-westmid-college',
   now(), FALSE),
  ('00000000-0000-4000-8000-0000000000a3', 'cleo@demo.exchange.test', 'Cleo', 'Practitioner', 'org-black-country-wbl',
   now(), FALSE),
  ('00000000-0000-4000-8000-0000000000a4', 'dev@demo.exchange.test', 'Dev', 'Practitioner', 'org-black-country-wbl',
   now(), FALSE),
  ('00000000-0000-4000-8000-0000000000a5', 'esi@demo.exchange.test', 'Esi', 'Practitioner', 'org-brum-acl', now(),
   FALSE),
  ('00000000-0000-4000-8000-0000000000a6', 'finn@demo.exchange.test', 'Finn', 'Practitioner', 'org-brum-acl', now(),
   FALSE)
ON CONFLICT (id) DO NOTHING;
