-- Venues live here, with the organisation that offers them (issue 16, item 8). The demo programme meets at Westmid
-- College's Hall Green campus (exchange-service's DemoProgramme.VENUE); it was known to exchange-service alone, so the
-- college's partnership page said "No venue offered yet" beside a venue facilitators picked. It is the college's
-- venue here, announced at start-up like the seeded organisations (VenueOffered), so both contexts list the same one.
ALTER TABLE venue ADD COLUMN announced BOOLEAN NOT NULL DEFAULT TRUE; -- VenueOffered published for its current details

INSERT INTO venue (id, organisation_id, name, address, postcode, latitude, longitude, capacity, accessibility,
                   withdrawn, offered_at, announced)
VALUES ('00000000-0000-4000-8000-00000000ee01', 'org-westmid-college', 'Westmid College, Hall Green campus',
        '1 College Road, Birmingham', 'B28 8ZZ', 52.4310, -1.8330, 80, 'Step-free access, hearing loop', FALSE, now(),
        FALSE);
