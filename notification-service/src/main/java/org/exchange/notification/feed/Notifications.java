package org.exchange.notification.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.notification.preference.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every person's feed. */
@Repository
public class Notifications {

    static final String ERASED_TITLE = "Removed at your request";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an entry; answers false when the person already has one from the same event. */
    boolean add(Notification notification) {
        return jdbc.sql("""
                insert into notification (id, recipient_id, category, title, body, source_event_id, created_at)
                values (:id, :recipient, :category, :title, :body, :source, :created)
                on conflict do nothing""")
                .param("id", notification.id())
                .param("recipient", notification.recipientId())
                .param("category", notification.category().name())
                .param("title", notification.title())
                .param("body", notification.body())
                .param("source", notification.sourceEventId())
                .param("created", Timestamp.from(notification.createdAt()))
                .update() == 1;
    }

    /** Blanks the contents of a person's feed; the entries stay, so that counts stay true. */
    public void eraseContentsOf(UUID recipient) {
        jdbc.sql("update notification set title = :erased, body = '' where recipient_id = :recipient")
                .param("erased", ERASED_TITLE)
                .param("recipient", recipient)
                .update();
    }

    List<Notification> latest(UUID recipient, int limit) {
        return jdbc.sql("""
                select * from notification where recipient_id = :recipient
                order by created_at desc, id limit :limit""")
                .param("recipient", recipient)
                .param("limit", limit)
                .query(Notifications::map)
                .list();
    }

    int countUnread(UUID recipient) {
        return jdbc.sql("select count(*) from notification where recipient_id = :recipient and read_at is null")
                .param("recipient", recipient)
                .query(Integer.class)
                .single();
    }

    boolean markRead(UUID recipient, UUID id, Instant at) {
        return jdbc.sql("""
                update notification set read_at = coalesce(read_at, :at) where id = :id and recipient_id = :recipient""")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("recipient", recipient)
                .update() == 1;
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                Category.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("body"),
                rs.getObject("source_event_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
