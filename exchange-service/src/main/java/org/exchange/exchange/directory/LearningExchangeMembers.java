package org.exchange.exchange.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is a member of the Learning Exchange (the paid community-of-practice membership), as membership-service tells
 * in its {@code MembershipStatusChanged} events: the local read model behind the Learning Exchange's discussion space.
 */
@Repository
public class LearningExchangeMembers {

    /**
     * Membership-service's statuses of someone who is a member, renewing included (as its viability count has them);
     * any other status after one of these is a former member's.
     */
    static final Set<String> MEMBER_STATUSES = Set.of("ACTIVE", "RENEWAL_DUE", "RENEWAL_SUBMITTED",
            "RENEWAL_PAYMENT");

    /** Where a person stands with the Learning Exchange. */
    public enum Standing {
        /** Never a member (or not yet). */
        NONE,
        /** Was a member; the membership lapsed (or they applied again and are not a member yet). */
        FORMER,
        /** A member now. */
        MEMBER
    }

    private final JdbcClient jdbc;

    LearningExchangeMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a membership's change of status, unless a later change for the same person is known already (a
     * person's memberships are different aggregates, whose events may arrive out of order); that the person was a
     * member once is kept whatever the order.
     */
    public void record(UUID personId, UUID membershipId, String fromStatus, String status, Instant changedAt) {
        boolean member = status != null && MEMBER_STATUSES.contains(status);
        // a lapse, or leaving a member's status, tells that they were a member even before that event arrives
        boolean wasMember = member || "LAPSED".equals(status) || fromStatus != null && MEMBER_STATUSES.contains(fromStatus);
        jdbc.sql("""
                insert into learning_exchange_member (person_id, membership_id, status, member, ever_member, changed_at)
                values (:person, :membership, :status, :member, :wasMember, :at)
                on conflict (person_id) do update
                  set membership_id = excluded.membership_id, status = excluded.status, member = excluded.member,
                      ever_member = learning_exchange_member.ever_member or excluded.member,
                      changed_at = excluded.changed_at
                  where learning_exchange_member.changed_at <= excluded.changed_at""")
                .param("person", personId).param("membership", membershipId).param("status", status)
                .param("member", member).param("wasMember", wasMember).param("at", Timestamp.from(changedAt))
                .update();
        if (wasMember) {
            jdbc.sql("update learning_exchange_member set ever_member = true where person_id = :person")
                    .param("person", personId).update();
        }
    }

    /** Where the person stands now. */
    public Standing standing(UUID personId) {
        return jdbc.sql("select member, ever_member from learning_exchange_member where person_id = :person")
                .param("person", personId)
                .query((rs, row) -> rs.getBoolean("member") ? Standing.MEMBER
                        : rs.getBoolean("ever_member") ? Standing.FORMER : Standing.NONE)
                .optional().orElse(Standing.NONE);
    }

    /** The members now. */
    public List<UUID> members() {
        return jdbc.sql("select person_id from learning_exchange_member where member order by person_id")
                .query(UUID.class).list();
    }

    /** Erasure: the person's membership is no longer known here. */
    public void forget(UUID personId) {
        jdbc.sql("delete from learning_exchange_member where person_id = :person").param("person", personId)
                .update();
    }
}
