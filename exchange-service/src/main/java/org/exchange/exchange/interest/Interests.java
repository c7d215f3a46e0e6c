package org.exchange.exchange.interest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The interests registered, and the demand they add up to. */
@Repository
class Interests {

    private static final String COLUMNS = """
            id, practitioner_id, email, area, region, registered_at, confirmed_at, notified_at, notified_group_id""";

    private final JdbcClient jdbc;

    Interests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A signed-in person's interest, live at once; registering it again keeps it and, when they were told of a group
     * already, has them told of the next one.
     */
    Interest saveOfPerson(UUID personId, String area, String region, Instant now) {
        return jdbc.sql("""
                insert into interest (id, practitioner_id, area, region, registered_at, confirmed_at)
                values (:id, :person, :area, :region, :now, :now)
                on conflict (practitioner_id, lower(area), lower(region)) where practitioner_id is not null
                do update set notified_at = null, notified_group_id = null
                returning\s""" + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("person", personId)
                .param("area", area)
                .param("region", region)
                .param("now", Timestamp.from(now))
                .query(Interests::interest).single();
    }

    List<Interest> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from interest where practitioner_id = :person order by area, region")
                .param("person", personId).query(Interests::interest).list();
    }

    int withdrawOfPerson(UUID personId, String area, String region) {
        return jdbc.sql("""
                delete from interest
                where practitioner_id = :person and lower(area) = lower(:area) and lower(region) = lower(:region)""")
                .param("person", personId).param("area", area).param("region", region).update();
    }

    /** Everything held of a person, on erasure. */
    int deleteOfPerson(UUID personId) {
        return jdbc.sql("delete from interest where practitioner_id = :person").param("person", personId).update();
    }

    /** What is known of an interest by e-mail, to decide whether a confirmation is sent. */
    record ByEmail(UUID id, Instant confirmedAt, Instant notifiedAt, Instant requestedAt) {
    }

    Optional<ByEmail> findByEmail(String email, String area, String region) {
        return jdbc.sql("""
                select id, confirmed_at, notified_at, requested_at from interest
                where lower(email) = lower(:email) and lower(area) = lower(:area) and lower(region) = lower(:region)
                for update""")
                .param("email", email).param("area", area).param("region", region)
                .query((rs, row) -> new ByEmail(rs.getObject("id", UUID.class), instant(rs, "confirmed_at"),
                        instant(rs, "notified_at"), instant(rs, "requested_at")))
                .optional();
    }

    /** A new pending interest of an address, or an existing one made pending again with a new token. */
    UUID savePending(String email, String area, String region, String tokenHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                insert into interest (id, email, area, region, registered_at, consented_at, requested_at, token_hash,
                                      expires_at)
                values (:id, :email, :area, :region, :now, :now, :now, :token, :expires)
                on conflict (lower(email), lower(area), lower(region)) where email is not null
                do update set consented_at = :now, requested_at = :now, token_hash = :token, expires_at = :expires,
                              confirmed_at = null, notified_at = null, notified_group_id = null,
                              notice_token_hash = null
                returning id""")
                .param("id", UUID.randomUUID())
                .param("email", email)
                .param("area", area)
                .param("region", region)
                .param("token", tokenHash)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .query(UUID.class).single();
    }

    /** Confirmations asked for by one address since then (the per-address limit). */
    int requestsOfAddressSince(String email, Instant since) {
        return jdbc.sql("select count(*) from interest where lower(email) = lower(:email) and requested_at > :since")
                .param("email", email).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Confirmations asked for by anyone since then (the service's limit). */
    int requestsSince(Instant since) {
        return jdbc.sql("select count(*) from interest where email is not null and requested_at > :since")
                .param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Confirms the pending interest whose live token has this hash; empty when none does (unknown or expired). */
    Optional<Interest> confirm(String tokenHash, Instant now) {
        return jdbc.sql("""
                update interest set confirmed_at = coalesce(confirmed_at, :now), expires_at = null
                where token_hash = :token and (confirmed_at is not null or expires_at > :now)
                returning\s""" + COLUMNS)
                .param("token", tokenHash).param("now", Timestamp.from(now))
                .query(Interests::interest).optional();
    }

    /** Deletes the interest (and its address) the token of its confirmation or of its notice stands for. */
    Optional<Interest> withdrawByToken(String tokenHash) {
        return jdbc.sql("delete from interest where token_hash = :token or notice_token_hash = :token returning "
                + COLUMNS)
                .param("token", tokenHash).query(Interests::interest).optional();
    }

    /** Unconfirmed interests whose link has expired go, with their addresses. */
    int deleteExpired(Instant now) {
        return jdbc.sql("delete from interest where confirmed_at is null and expires_at <= :now")
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Marks every confirmed interest in the area and region not yet told of a group as told of this one, and answers
     * them. Two groups opening at once cannot both take an interest: the second update waits for the first's row lock
     * and then finds it told.
     */
    List<Interest> markTold(String area, String region, UUID groupId, Instant now) {
        return jdbc.sql("""
                update interest set notified_at = :now, notified_group_id = :group
                where confirmed_at is not null and notified_at is null
                  and lower(area) = lower(:area) and lower(region) = lower(:region)
                returning\s""" + COLUMNS)
                .param("now", Timestamp.from(now)).param("group", groupId)
                .param("area", area).param("region", region)
                .query(Interests::interest).list();
    }

    void noticeToken(UUID interestId, String tokenHash) {
        jdbc.sql("update interest set notice_token_hash = :token where id = :id")
                .param("token", tokenHash).param("id", interestId).update();
    }

    /**
     * Demand by area and region: counts of confirmed interests only (pending addresses are nobody's demand yet),
     * with how many still wait and how many groups in the area are forming or active in the region's networks.
     */
    List<InterestService.Demand> demand() {
        return jdbc.sql("""
                select min(i.area) as area, min(i.region) as region, count(*) as interested,
                       count(*) filter (where i.notified_at is null) as waiting,
                       (select count(*) from exchange_group g join network n on n.id = g.network_id
                        where lower(g.area) = lower(min(i.area)) and lower(n.region) = lower(min(i.region))
                          and g.status in ('FORMING', 'ACTIVE')) as groups_open
                from interest i
                where i.confirmed_at is not null
                group by lower(i.area), lower(i.region)
                order by count(*) desc, lower(i.area), lower(i.region)""")
                .query((rs, row) -> new InterestService.Demand(rs.getString("area"), rs.getString("region"),
                        rs.getInt("interested"), rs.getInt("waiting"), rs.getInt("groups_open")))
                .list();
    }

    private static Interest interest(ResultSet rs, int row) throws SQLException {
        return new Interest(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getString("email"), rs.getString("area"), rs.getString("region"),
                rs.getTimestamp("registered_at").toInstant(), instant(rs, "confirmed_at"), instant(rs, "notified_at"),
                rs.getObject("notified_group_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
