package org.exchange.membership.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.exchange.membership.onboarding.PartnerSignIn.KeycloakState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The onboarded partner sign-ins, with where applying each to Keycloak stands. */
@Repository
class PartnerSignIns {

    private final JdbcClient jdbc;

    PartnerSignIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean aliasTaken(String alias) {
        return jdbc.sql("select count(*) from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", alias).query(Long.class).single() > 0;
    }

    Optional<PartnerSignIn> ofOrganisation(String organisationId) {
        return jdbc.sql("select * from partner_sign_in where organisation_id = :id").param("id", organisationId)
                .query((rs, row) -> signIn(rs)).optional();
    }

    Optional<PartnerSignIn> find(String alias) {
        return jdbc.sql("select * from partner_sign_in where identity_provider_alias = :alias").param("alias", alias)
                .query((rs, row) -> signIn(rs)).optional();
    }

    List<PartnerSignIn> all() {
        return jdbc.sql("select * from partner_sign_in order by identity_provider_alias")
                .query((rs, row) -> signIn(rs)).list();
    }

    /** Stores a new sign-in, waiting to be applied to Keycloak. */
    void add(PartnerSignIn signIn, String clientSecret) {
        Discovery endpoints = signIn.endpoints();
        jdbc.sql("""
                insert into partner_sign_in (identity_provider_alias, organisation_id, protocol, discovery_url, issuer,
                  authorization_url, token_url, user_info_url, jwks_url, logout_url, client_id, client_secret,
                  username_template, onboarded_at)
                values (:alias, :organisation, :protocol, :discovery, :issuer, :authorization, :token, :userInfo,
                  :jwks, :logout, :clientId, :secret, :template, :at)""")
                .param("alias", signIn.alias())
                .param("organisation", signIn.organisationId())
                .param("protocol", signIn.protocol())
                .param("discovery", signIn.discoveryUrl())
                .param("issuer", endpoints.issuer())
                .param("authorization", endpoints.authorizationUrl())
                .param("token", endpoints.tokenUrl())
                .param("userInfo", endpoints.userInfoUrl())
                .param("jwks", endpoints.jwksUrl())
                .param("logout", endpoints.logoutUrl())
                .param("clientId", signIn.clientId())
                .param("secret", clientSecret)
                .param("template", signIn.usernameTemplate())
                .param("at", Timestamp.from(signIn.onboardedAt()))
                .update();
    }

    /** Stores a new SAML sign-in, waiting to be applied to Keycloak. */
    void addSaml(PartnerSignIn signIn) {
        SamlMetadata saml = signIn.saml();
        jdbc.sql("""
                insert into partner_sign_in (identity_provider_alias, organisation_id, protocol, metadata_url,
                  idp_entity_id, single_sign_on_url, single_sign_on_post, single_logout_url, single_logout_post,
                  name_id_format, want_authn_requests_signed, signing_certificates, signing_certificate_expires_at,
                  username_template, onboarded_at)
                values (:alias, :organisation, :protocol, :metadataUrl, :entityId, :signOn, :signOnPost, :logout,
                  :logoutPost, :nameIdFormat, :signedRequests, :certificates, :expiresAt, :template, :at)""")
                .param("alias", signIn.alias())
                .param("organisation", signIn.organisationId())
                .param("protocol", signIn.protocol())
                .param("metadataUrl", signIn.metadataUrl())
                .param("entityId", saml.entityId())
                .param("signOn", saml.singleSignOnUrl())
                .param("signOnPost", saml.postBinding())
                .param("logout", saml.singleLogoutUrl())
                .param("logoutPost", saml.singleLogoutUrl() == null ? null : saml.postBindingLogout())
                .param("nameIdFormat", saml.nameIdFormat())
                .param("signedRequests", saml.wantAuthnRequestsSigned())
                .param("certificates", String.join(",", saml.signingCertificates()))
                .param("expiresAt", Timestamp.from(saml.signingCertificateExpiresAt()))
                .param("template", signIn.usernameTemplate())
                .param("at", Timestamp.from(signIn.onboardedAt()))
                .update();
    }

    /** The client secret as stored (encrypted, {@link PartnerSecrets}), read only to hand it to Keycloak. */
    String secretOf(String alias) {
        return jdbc.sql("select client_secret from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", alias).query(String.class).single();
    }

    /** The sign-ins Keycloak has still to take whose next attempt is due (the database's own time). */
    List<String> due(int atMost) {
        return jdbc.sql("""
                select identity_provider_alias from partner_sign_in where apply_pending and next_attempt_at <= now()
                order by next_attempt_at limit :atMost""")
                .param("atMost", atMost).query(String.class).list();
    }

    /** How many sign-ins Keycloak has still to take. */
    long waiting() {
        return jdbc.sql("select count(*) from partner_sign_in where apply_pending").query(Long.class).single();
    }

    /** Asks for the sign-in to be applied (again) as soon as possible. */
    void requestApply(String alias) {
        jdbc.sql("""
                update partner_sign_in set apply_pending = true, attempts = 0, next_attempt_at = now()
                where identity_provider_alias = :alias""").param("alias", alias).update();
    }

    /** Locks the sign-in's row for one applying worker; false when another instance is at it. */
    boolean lock(String alias) {
        return !jdbc.sql("""
                select identity_provider_alias from partner_sign_in where identity_provider_alias = :alias
                for update skip locked""").param("alias", alias).query(String.class).list().isEmpty();
    }

    void applied(String alias, Instant at) {
        jdbc.sql("""
                update partner_sign_in set apply_pending = false, applied_at = :at, attempts = 0, last_error = null
                where identity_provider_alias = :alias""")
                .param("alias", alias).param("at", Timestamp.from(at)).update();
    }

    /**
     * Counts an attempt that failed for a reason other than Keycloak's answer (a bug, a secret that does not decrypt),
     * with the attempts, and sets the next one {@code pause} later.
     */
    void failedUnexpectedly(String alias, String error, Duration pause) {
        jdbc.sql("""
                update partner_sign_in set attempts = attempts + 1, unexpected_failures = unexpected_failures + 1,
                  last_error = :error, next_attempt_at = now() + make_interval(secs => :seconds)
                where identity_provider_alias = :alias""")
                .param("alias", alias).param("error", error).param("seconds", pause.toSeconds()).update();
    }

    /** Puts a sign-in live; false when it is live already. */
    boolean goLive(String alias, java.util.UUID by, Instant at) {
        return jdbc.sql("""
                update partner_sign_in set live_at = :at, live_by = :by
                where identity_provider_alias = :alias and live_at is null""")
                .param("alias", alias).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Records a successful sign-in through the provider; earlier ones than the last known change nothing. */
    void signedIn(String alias, Instant at) {
        jdbc.sql("""
                update partner_sign_in set first_sign_in_at = coalesce(first_sign_in_at, :at),
                  last_sign_in_at = greatest(last_sign_in_at, :at)
                where identity_provider_alias = :alias""")
                .param("alias", alias).param("at", Timestamp.from(at)).update();
    }

    /**
     * Locks the cursor over Keycloak's login events for one reader and says how far they have been read (Keycloak's
     * time, epoch milliseconds); empty when another instance is reading.
     */
    Optional<Long> lockEventCursor() {
        return jdbc.sql("select read_up_to from partner_sign_in_event_cursor where id = 1 for update skip locked")
                .query(Long.class).optional();
    }

    void eventsReadUpTo(long epochMilli) {
        jdbc.sql("update partner_sign_in_event_cursor set read_up_to = greatest(read_up_to, :at) where id = 1")
                .param("at", epochMilli).update();
    }

    /** Counts a failed attempt and sets the next one {@code pause} later; returns the attempts so far. */
    int failed(String alias, String error, Duration pause) {
        return jdbc.sql("""
                update partner_sign_in set attempts = attempts + 1, last_error = :error,
                  next_attempt_at = now() + make_interval(secs => :seconds)
                where identity_provider_alias = :alias returning attempts""")
                .param("alias", alias).param("error", error).param("seconds", pause.toSeconds())
                .query(Integer.class).single();
    }

    int attempts(String alias) {
        return jdbc.sql("select attempts from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", alias).query(Integer.class).optional().orElse(0);
    }

    void reconciled(String alias, Instant at, String result) {
        jdbc.sql("""
                update partner_sign_in set last_reconciled_at = :at, last_reconcile_result = :result
                where identity_provider_alias = :alias""")
                .param("alias", alias).param("at", Timestamp.from(at)).param("result", result).update();
    }

    /** Keeps the reconciliation's report, replacing the one before. */
    void keepReport(Instant ranAt, String reportJson) {
        jdbc.sql("""
                insert into partner_sign_in_reconciliation (id, ran_at, report) values (1, :at, cast(:report as jsonb))
                on conflict (id) do update set ran_at = excluded.ran_at, report = excluded.report""")
                .param("at", Timestamp.from(ranAt)).param("report", reportJson).update();
    }

    Optional<String> lastReport() {
        return jdbc.sql("select report::text from partner_sign_in_reconciliation where id = 1").query(String.class)
                .optional();
    }

    private static PartnerSignIn signIn(ResultSet rs) throws SQLException {
        boolean saml = PartnerSignIn.SAML.equals(rs.getString("protocol"));
        return new PartnerSignIn(rs.getString("identity_provider_alias"), rs.getString("organisation_id"),
                rs.getString("protocol"), rs.getString("discovery_url"), rs.getString("client_id"),
                saml ? null : new Discovery(rs.getString("issuer"), rs.getString("authorization_url"),
                        rs.getString("token_url"), rs.getString("user_info_url"), rs.getString("jwks_url"),
                        rs.getString("logout_url")),
                rs.getString("username_template"), instant(rs.getTimestamp("onboarded_at")),
                new KeycloakState(rs.getBoolean("apply_pending"), instant(rs.getTimestamp("applied_at")),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs.getTimestamp("last_reconciled_at")), rs.getString("last_reconcile_result")),
                rs.getString("metadata_url"), saml ? saml(rs) : null, instant(rs.getTimestamp("live_at")),
                instant(rs.getTimestamp("last_sign_in_at")));
    }

    private static SamlMetadata saml(ResultSet rs) throws SQLException {
        return new SamlMetadata(rs.getString("idp_entity_id"), rs.getString("single_sign_on_url"),
                rs.getBoolean("single_sign_on_post"), rs.getString("single_logout_url"),
                rs.getBoolean("single_logout_post"), rs.getString("name_id_format"),
                rs.getBoolean("want_authn_requests_signed"), List.of(rs.getString("signing_certificates").split(",")),
                instant(rs.getTimestamp("signing_certificate_expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
