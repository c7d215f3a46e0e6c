-- The realm role of an appointment follows the committed appointment (issue 14, finding 4): the appointment's
-- transaction records here that a person's role must be brought into line with their appointments; after commit,
-- and again until Keycloak agrees, IdentityRoleSync sets the role in Keycloak to what the appointment table says.
create table identity_role_sync (
    practitioner_id uuid        not null,
    role            varchar(32) not null,
    requested_at    timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    primary key (practitioner_id, role)
);
create index identity_role_sync_due on identity_role_sync (next_attempt_at);
