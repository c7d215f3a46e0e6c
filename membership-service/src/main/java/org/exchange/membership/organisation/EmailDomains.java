package org.exchange.membership.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail domains of organisations' staff, each domain of one organisation. */
@Repository
class EmailDomains {

    private final JdbcClient jdbc;

    EmailDomains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> of(String organisationId) {
        return jdbc.sql("select domain from organisation_email_domain where organisation_id = :organisation"
                + " order by domain").param("organisation", organisationId).query(String.class).list();
    }

    /** The organisation whose domain it is. */
    Optional<String> organisationOf(String domain) {
        return jdbc.sql("select organisation_id from organisation_email_domain where domain = :domain")
                .param("domain", domain).query(String.class).optional();
    }

    /** Whether the identity provider is an onboarded partner's still being tried, not yet live (ADR 0022). */
    boolean stillTried(String alias) {
        return jdbc.sql("select count(*) from partner_sign_in where identity_provider_alias = :alias"
                + " and live_at is null").param("alias", alias).query(Long.class).single() > 0;
    }

    /** Of the domains, those another organisation has. */
    List<String> takenByOthers(String organisationId, List<String> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select domain from organisation_email_domain where domain in (:domains)"
                + " and organisation_id <> :organisation order by domain")
                .param("domains", domains).param("organisation", organisationId).query(String.class).list();
    }

    void replace(String organisationId, List<String> domains) {
        jdbc.sql("delete from organisation_email_domain where organisation_id = :organisation")
                .param("organisation", organisationId).update();
        for (String domain : domains) {
            jdbc.sql("insert into organisation_email_domain (domain, organisation_id) values (:domain, :organisation)")
                    .param("domain", domain).param("organisation", organisationId).update();
        }
    }
}
