-- Org-admins named from the portal (issue 18): an org-admin appointment is an appointment (V7) to ORG_ADMIN for one
-- organisation, the person's own; the realm role org-admin follows it in Keycloak as every appointed role does
-- (ADR 0011). Facilitator and assessor appointments name no organisation.
alter table appointment add column organisation_id text references organisation (id);

-- An org-admin named by work e-mail before their first sign-in: it takes effect (an appointment) when a person with
-- that address first appears in that organisation, or is withdrawn before.
create table org_admin_nomination (
    id              uuid primary key,
    organisation_id text        not null references organisation (id),
    email           text        not null,
    named_by        uuid        not null,
    named_at        timestamptz not null,
    withdrawn_by    uuid,
    withdrawn_at    timestamptz,
    appointment_id  uuid references appointment (id),
    took_effect_at  timestamptz
);

-- at most one open nomination per organisation and address
create unique index org_admin_nomination_open on org_admin_nomination (organisation_id, lower(email))
    where withdrawn_at is null and took_effect_at is null;

-- "Sign in with your organisation" (issue 18): the e-mail domains an organisation's staff have at work, so that a
-- person who types their work address is sent to its identity provider. A domain belongs to one organisation.
create table organisation_email_domain (
    domain          text primary key,
    organisation_id text not null references organisation (id)
);
create index organisation_email_domain_of on organisation_email_domain (organisation_id);
