package org.exchange.membership.onboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.membership.onboarding.KeycloakProviders.StaffLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the platform keeps of each partner staff member's account in Keycloak (ADR 0023): their link to the partner's
 * identity provider and their username in the platform realm, or that they were looked up and had no link.
 */
@Repository
class PartnerStaffAccounts {

    private final JdbcClient jdbc;

    PartnerStaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person of an onboarded partner, not erased, not looked up yet, with the alias of the partner's sign-in. */
    record Unlooked(UUID practitionerId, String alias) {
    }

    /** A staff member's account as the platform realm should hold it, from this table and their profile. */
    record StaffAccount(UUID practitionerId, String alias, String providerUserId, String providerUsername,
            String username, String email, String givenName, String familyName, String organisationId) {
    }

    /** People of onboarded partners whose account was never looked up, oldest first: the backfill's work. */
    List<Unlooked> notLookedUp(int max) {
        return jdbc.sql("""
                select p.id, s.identity_provider_alias from practitioner p
                join partner_sign_in s on s.organisation_id = p.organisation_id
                where p.erased_at is null
                  and not exists (select 1 from partner_staff_account a where a.practitioner_id = p.id)
                order by p.registered_at limit :max""")
                .param("max", max)
                .query((rs, row) -> new Unlooked(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The alias of the sign-in of the person's organisation, if it was onboarded and they are not erased. */
    Optional<String> aliasOf(UUID practitionerId) {
        return jdbc.sql("""
                select s.identity_provider_alias from practitioner p
                join partner_sign_in s on s.organisation_id = p.organisation_id
                where p.id = :id and p.erased_at is null""")
                .param("id", practitionerId).query(String.class).optional();
    }

    /**
     * Records the person's link, replacing what was recorded; without a link, records only that they were looked up,
     * never replacing a link recorded before (a Keycloak that lost its data has no link to say otherwise).
     */
    void record(UUID practitionerId, StaffLink link, Instant at) {
        if (link == null) {
            jdbc.sql("""
                    insert into partner_staff_account (practitioner_id, looked_up_at)
                    select :id, :at where exists (select 1 from practitioner where id = :id and erased_at is null)
                    on conflict (practitioner_id) do nothing""")
                    .param("id", practitionerId).param("at", Timestamp.from(at)).update();
            return;
        }
        jdbc.sql("""
                insert into partner_staff_account (practitioner_id, identity_provider_alias, provider_user_id,
                  provider_username, username, looked_up_at)
                select :id, :alias, :userId, :providerUsername, :username, :at
                where exists (select 1 from practitioner where id = :id and erased_at is null)
                on conflict (practitioner_id) do update set identity_provider_alias = excluded.identity_provider_alias,
                  provider_user_id = excluded.provider_user_id, provider_username = excluded.provider_username,
                  username = excluded.username, looked_up_at = excluded.looked_up_at""")
                .param("id", practitionerId)
                .param("alias", link.alias())
                .param("userId", link.providerUserId())
                .param("providerUsername", link.providerUsername())
                .param("username", link.username())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The accounts of the people, not erased, who signed in through the provider under the alias. */
    List<StaffAccount> linkedThrough(String alias) {
        return jdbc.sql("""
                select a.practitioner_id, a.identity_provider_alias, a.provider_user_id, a.provider_username,
                  a.username, p.email, p.given_name, p.family_name, p.organisation_id
                from partner_staff_account a join practitioner p on p.id = a.practitioner_id
                where a.identity_provider_alias = :alias and p.erased_at is null
                order by a.username""")
                .param("alias", alias)
                .query((rs, row) -> new StaffAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** Deletes what is kept of the person's account: their erasure. */
    void forget(UUID practitionerId) {
        jdbc.sql("delete from partner_staff_account where practitioner_id = :id").param("id", practitionerId)
                .update();
    }
}
