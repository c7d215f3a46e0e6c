package org.exchange.notification.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every issue of the newsletter, and how far each one's sending has got. */
@Repository
class NewsletterIssues {

    private final JdbcClient jdbc;

    NewsletterIssues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(NewsletterIssue issue) {
        jdbc.sql("""
                insert into newsletter_issue (id, title, markdown, audience, audience_ref, status, created_by,
                                              created_at, updated_at)
                values (:id, :title, :markdown, :audience, :ref, :status, :by, :at, :at)""")
                .param("id", issue.id()).param("title", issue.title()).param("markdown", issue.markdown())
                .param("audience", issue.audience().segment().name()).param("ref", issue.audience().ref())
                .param("status", issue.status().name()).param("by", issue.createdBy())
                .param("at", Timestamp.from(issue.createdAt()))
                .update();
    }

    /** Saves a change made while the issue was in {@code expected}; answers false when it moved on meanwhile. */
    boolean update(NewsletterIssue issue, NewsletterIssue.Status expected) {
        return jdbc.sql("""
                update newsletter_issue set title = :title, markdown = :markdown, audience = :audience,
                                            audience_ref = :ref, status = :status, send_at = :sendAt,
                                            updated_at = :at
                where id = :id and status = :expected""")
                .param("id", issue.id()).param("title", issue.title()).param("markdown", issue.markdown())
                .param("audience", issue.audience().segment().name()).param("ref", issue.audience().ref())
                .param("status", issue.status().name())
                .param("sendAt", issue.sendAt() == null ? null : Timestamp.from(issue.sendAt()))
                .param("at", Timestamp.from(issue.updatedAt())).param("expected", expected.name())
                .update() == 1;
    }

    Optional<NewsletterIssue> find(UUID id) {
        return jdbc.sql("select * from newsletter_issue where id = :id").param("id", id)
                .query(NewsletterIssues::map).optional();
    }

    List<NewsletterIssue> all() {
        return jdbc.sql("select * from newsletter_issue order by created_at desc").query(NewsletterIssues::map).list();
    }

    /** Sent issues, newest first, for the archive. */
    List<NewsletterIssue> sent() {
        return jdbc.sql("select * from newsletter_issue where status = 'SENT' order by started_at desc")
                .query(NewsletterIssues::map).list();
    }

    /** The frozen HTML of an issue that has started sending. */
    Optional<String> html(UUID id) {
        return jdbc.sql("select html from newsletter_issue where id = :id and html is not null").param("id", id)
                .query(String.class).optional();
    }

    /**
     * Locks one issue due to start, skipping any another instance is starting right now. Needs a transaction, in
     * which the issue is then started.
     */
    Optional<NewsletterIssue> lockDue(Instant now) {
        return jdbc.sql("""
                select * from newsletter_issue where status = 'SCHEDULED' and send_at <= :now
                order by send_at limit 1 for update skip locked""")
                .param("now", Timestamp.from(now)).query(NewsletterIssues::map).optional();
    }

    /** Records that an issue started sending: its HTML frozen and its copies counted. */
    void started(UUID id, String html, int recipients, Instant at) {
        jdbc.sql("""
                update newsletter_issue set status = 'SENDING', html = :html, recipients = :recipients,
                                            started_at = :at, updated_at = :at
                where id = :id""")
                .param("id", id).param("html", html).param("recipients", recipients).param("at", Timestamp.from(at))
                .update();
    }

    /** Issues whose every copy is sent or given up on are SENT; answers how many finished. */
    int finishSent(Instant at) {
        return jdbc.sql("""
                update newsletter_issue i set status = 'SENT', finished_at = :at, updated_at = :at
                where status = 'SENDING'
                  and not exists (select 1 from outgoing_mail m
                                  where m.newsletter_issue_id = i.id and m.status in ('PENDING', 'SENDING'))""")
                .param("at", Timestamp.from(at)).update();
    }

    /** An issue some of whose copies were queued again is sending again. */
    void reopen(UUID id, Instant at) {
        jdbc.sql("update newsletter_issue set status = 'SENDING', finished_at = null, updated_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Copies of an issue per delivery status. */
    Map<String, Integer> copiesByStatus(UUID id) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select status, count(*) as n from outgoing_mail where newsletter_issue_id = :id group by status")
                .param("id", id)
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Copies of an issue given up on (FAILED, with the SMTP server's reply) or returned later (BOUNCED, with the
     * bounce report's status).
     */
    List<Failure> failures(UUID id, int max) {
        return jdbc.sql("""
                select id, recipient, status, attempts, last_error, permanent_failure from outgoing_mail
                where newsletter_issue_id = :id and status in ('FAILED', 'BOUNCED') order by recipient limit :max""")
                .param("id", id).param("max", max)
                .query((rs, row) -> new Failure(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getBoolean("permanent_failure")))
                .list();
    }

    /**
     * One copy given up on or bounced.
     *
     * @param status FAILED (refused when sent; can be sent again) or BOUNCED (accepted, then returned)
     * @param permanent a 5xx reply, or a hard bounce
     */
    record Failure(UUID mailId, String recipient, String status, int attempts, String smtpReply, boolean permanent) {
    }

    private static NewsletterIssue map(ResultSet rs, int row) throws SQLException {
        return new NewsletterIssue(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("markdown"),
                new Audience(Audience.Segment.valueOf(rs.getString("audience")), rs.getString("audience_ref")),
                NewsletterIssue.Status.valueOf(rs.getString("status")), instant(rs, "send_at"),
                (Integer) rs.getObject("recipients"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
