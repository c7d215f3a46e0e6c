package org.exchange.exchange.enquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enquiries sent and their replies. */
@Repository
class Enquiries {

    private static final String COLUMNS = """
            id, practitioner_id, network_id, subject, message, status, sent_at, answered_at, closed_at""";

    private final JdbcClient jdbc;

    Enquiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Enquiry enquiry) {
        jdbc.sql("""
                insert into enquiry (id, practitioner_id, network_id, subject, message, status, sent_at)
                values (:id, :person, :network, :subject, :message, :status, :sentAt)""")
                .param("id", enquiry.id())
                .param("person", enquiry.practitionerId())
                .param("network", enquiry.networkId())
                .param("subject", enquiry.subject())
                .param("message", enquiry.message())
                .param("status", enquiry.status().name())
                .param("sentAt", Timestamp.from(enquiry.sentAt()))
                .update();
    }

    Optional<Enquiry> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from enquiry where id = :id").param("id", id)
                .query(Enquiries::enquiry).optional();
    }

    /** The enquiry, locked until the transaction ends, so that a reply and a closing never cross. */
    Optional<Enquiry> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from enquiry where id = :id for update").param("id", id)
                .query(Enquiries::enquiry).optional();
    }

    List<Enquiry> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from enquiry where practitioner_id = :person order by sent_at desc")
                .param("person", personId).query(Enquiries::enquiry).list();
    }

    /**
     * The inbox, newest first.
     *
     * @param status only those in this status, or null for all
     * @param networkId only those to this network, or null
     * @param learningExchange only those to the Learning Exchange (no network)
     */
    List<Enquiry> inbox(Enquiry.Status status, UUID networkId, boolean learningExchange, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from enquiry
                where (cast(:status as text) is null or status = cast(:status as text))
                  and (cast(:network as uuid) is null or network_id = cast(:network as uuid))
                  and (not :learningExchange or network_id is null)
                order by sent_at desc
                limit :limit""")
                .param("status", status == null ? null : status.name())
                .param("network", networkId)
                .param("learningExchange", learningExchange)
                .param("limit", limit)
                .query(Enquiries::enquiry).list();
    }

    /** How many enquiries of each status the inbox holds. */
    Map<Enquiry.Status, Integer> counts() {
        Map<Enquiry.Status, Integer> counts = new LinkedHashMap<>();
        for (Enquiry.Status status : Enquiry.Status.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) as n from enquiry group by status")
                .query((rs, row) -> counts.put(Enquiry.Status.valueOf(rs.getString("status")), rs.getInt("n")))
                .list();
        return counts;
    }

    /** Enquiries a person sent since then (the per-person limit). */
    int sentSince(UUID personId, Instant since) {
        return jdbc.sql("select count(*) from enquiry where practitioner_id = :person and sent_at > :since")
                .param("person", personId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    void addReply(Enquiry.Reply reply) {
        jdbc.sql("""
                insert into enquiry_reply (id, enquiry_id, author_id, text, sent_at)
                values (:id, :enquiry, :author, :text, :sentAt)""")
                .param("id", reply.id())
                .param("enquiry", reply.enquiryId())
                .param("author", reply.authorId())
                .param("text", reply.text())
                .param("sentAt", Timestamp.from(reply.sentAt()))
                .update();
        jdbc.sql("update enquiry set status = 'ANSWERED', answered_at = :at where id = :id")
                .param("at", Timestamp.from(reply.sentAt())).param("id", reply.enquiryId()).update();
    }

    void close(UUID id, UUID by, Instant at) {
        jdbc.sql("update enquiry set status = 'CLOSED', closed_at = :at, closed_by = :by where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    /** The replies to the enquiries, oldest first, by enquiry. */
    Map<UUID, List<Enquiry.Reply>> replies(Collection<UUID> enquiryIds) {
        if (enquiryIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Enquiry.Reply>> replies = new LinkedHashMap<>();
        jdbc.sql("""
                select id, enquiry_id, author_id, text, sent_at from enquiry_reply
                where enquiry_id in (:ids) order by sent_at, id""")
                .param("ids", enquiryIds)
                .query((rs, row) -> new Enquiry.Reply(rs.getObject("id", UUID.class),
                        rs.getObject("enquiry_id", UUID.class), rs.getObject("author_id", UUID.class),
                        rs.getString("text"), rs.getTimestamp("sent_at").toInstant()))
                .list()
                .forEach(reply -> replies.computeIfAbsent(reply.enquiryId(), id -> new java.util.ArrayList<>())
                        .add(reply));
        return replies;
    }

    /** Everything a person wrote, with its replies, on erasure. */
    int deleteOfPerson(UUID personId) {
        return jdbc.sql("delete from enquiry where practitioner_id = :person").param("person", personId).update();
    }

    private static Enquiry enquiry(ResultSet rs, int row) throws SQLException {
        return new Enquiry(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getObject("network_id", UUID.class), rs.getString("subject"), rs.getString("message"),
                Enquiry.Status.valueOf(rs.getString("status")), rs.getTimestamp("sent_at").toInstant(),
                instant(rs, "answered_at"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
