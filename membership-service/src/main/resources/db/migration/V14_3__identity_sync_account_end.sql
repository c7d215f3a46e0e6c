-- Erasure ends the person's Keycloak account (issue 13, finding 7; ADR 0015). The requests Keycloak has still to take
-- are no longer only about roles, so the table of the role sync (V14_2) becomes the table of the identity sync, and
-- its role column, renamed kind, says what a request is about: FACILITATOR or ASSESSOR (that realm role, set to what
-- the appointments say: the rows written so far) or ACCOUNT_END (the account of an erased person, deleted with its
-- sessions and realm roles). One request per person and kind, as before.
alter table identity_role_sync rename to identity_sync;
alter table identity_sync rename column role to kind;
alter table identity_sync rename constraint identity_role_sync_pkey to identity_sync_pkey;
alter index identity_role_sync_due rename to identity_sync_due;
