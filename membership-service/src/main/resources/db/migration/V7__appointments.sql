-- Facilitators and assessors appointed by a programme admin; the realm role in Keycloak follows the current ones.
create table appointment (
    id              uuid primary key,
    practitioner_id uuid        not null references practitioner (id),
    role            varchar(32) not null,
    appointed_by    uuid        not null,
    appointed_at    timestamptz not null,
    withdrawn_by    uuid,
    withdrawn_at    timestamptz
);

-- at most one current appointment per person and role
create unique index appointment_current on appointment (practitioner_id, role) where withdrawn_at is null;
