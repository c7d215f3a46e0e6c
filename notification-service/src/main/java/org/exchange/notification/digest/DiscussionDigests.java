package org.exchange.notification.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.exchange.notification.mail.MailLayout;
import org.exchange.notification.mail.MailQueue;
import org.exchange.notification.preference.Category;
import org.exchange.notification.preference.DigestFrequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discussion digest: once a day or once a week (each person's choice, weekly unless they said otherwise), one
 * e-mail with the posts that arrived in the discussion spaces they belong to since their last digest, grouped by space
 * and thread, each thread linked in the portal. Not their own posts, not a space they have left, nothing to an erased
 * person or one with no address, and no mail at all when there is nothing new.
 *
 * <p>Each digest goes once: the job runs on one instance at a time (a ShedLock lock in the service's database), and
 * whoever runs it, the digest of a person and period is a row with a unique key written in the transaction that
 * queues its mail, and each post goes into at most one digest per person (another unique key). The mail then goes out
 * as every mail does (docs/adr/0014), with its one-click unsubscribe link, which switches the digest off.
 */
@Service
public class DiscussionDigests {

    private static final Logger log = LoggerFactory.getLogger(DiscussionDigests.class);
    private static final int BATCH = 200;
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    /**
     * Who reads which spaces, keyed as {@link #SPACE_OF_POST} keys a post: each group's members (its space, and its
     * network's), and the Learning Exchange's current members (an active membership, as the newsletter's read model
     * knows it) its own space. Joined by equality, so that the planner can hash the readers rather than try every
     * reader against every post.
     */
    private static final String READERS = """
            (select person_id, 'GROUP' as space_kind, group_id as space_key, member from discussion_member
             union all
             select person_id, 'NETWORK', network_id, member from discussion_member
             union all
             select practitioner_id, 'LEARNING_EXCHANGE', cast('00000000-0000-0000-0000-000000000000' as uuid), active
             from membership)""";

    /** The readers' key of a post's space: its group, its network, or the one Learning Exchange. */
    private static final String SPACE_OF_POST = """
            m.space_kind = p.space_kind
            and m.space_key = coalesce(case p.space_kind when 'GROUP' then p.group_id when 'NETWORK' then p.network_id end,
                                       cast('00000000-0000-0000-0000-000000000000' as uuid))""";

    /** The posts a digest of a person may take: arrived in the period's window, not theirs, in a space of theirs. */
    private static final String CANDIDATE = """
            p.received_at >= :from and p.received_at < :until and p.author_id <> m.person_id and m.member
            and not exists (select 1 from discussion_digest_post i
                            where i.recipient_id = m.person_id and i.post_id = p.post_id)""";

    private final JdbcClient jdbc;
    private final MailQueue mail;
    private final MailLayout layout;
    private final TransactionTemplate transaction;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime sendAt;
    private final DayOfWeek weeklyOn;
    private final Duration retention;
    private final String portal;

    DiscussionDigests(JdbcClient jdbc, MailQueue mail, MailLayout layout, TransactionTemplate transaction,
            LockingTaskExecutor locks, Clock clock,
            @Value("${exchange.digest.zone:Europe/London}") ZoneId zone,
            @Value("${exchange.digest.send-at:07:00}") LocalTime sendAt,
            @Value("${exchange.digest.weekly-on:MONDAY}") DayOfWeek weeklyOn,
            @Value("${exchange.digest.retention:P35D}") Duration retention,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String portal) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.layout = layout;
        this.transaction = transaction;
        this.locks = locks;
        this.clock = clock;
        this.zone = zone;
        this.sendAt = sendAt;
        this.weeklyOn = weeklyOn;
        this.retention = retention;
        this.portal = portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal;
    }

    /** Sends the digests due now, on one instance at a time. */
    @Scheduled(fixedDelayString = "${exchange.digest.poll-interval:PT5M}")
    void sendDue() {
        Instant now = clock.instant();
        locks.executeWithLock((Runnable) () -> send(now),
                new LockConfiguration(now, "discussion-digest", Duration.ofMinutes(30), Duration.ZERO));
    }

    /**
     * Sends every digest due at {@code now}, daily and weekly, and forgets posts older than the retention; answers how
     * many digests were queued. Safe to run on several instances at once and again: nothing goes twice.
     */
    public int send(Instant now) {
        int queued = 0;
        for (DigestFrequency frequency : List.of(DigestFrequency.DAILY, DigestFrequency.WEEKLY)) {
            DigestPeriod period = DigestPeriod.at(now, frequency, zone, sendAt, weeklyOn);
            Set<UUID> tried = new HashSet<>();
            List<UUID> due;
            do {
                due = peopleDue(period).stream().filter(tried::add).toList();
                for (UUID person : due) {
                    try {
                        if (Boolean.TRUE.equals(transaction.execute(status -> sendOne(person, period, now)))) {
                            queued++;
                        }
                    } catch (RuntimeException e) {
                        log.warn("The {} digest of {} could not be written; it is tried again at the next run: {}",
                                period.key(), person, e.toString());
                    }
                }
            } while (!due.isEmpty());
        }
        jdbc.sql("delete from discussion_post where received_at < :cut")
                .param("cut", Timestamp.from(now.minus(retention))).update();
        return queued;
    }

    /** People with new posts for this period's digest who have not had it, and want it at this frequency. */
    private List<UUID> peopleDue(DigestPeriod period) {
        return jdbc.sql("""
                select distinct m.person_id
                from discussion_post p
                join %s m on %s
                join recipient r on r.id = m.person_id
                left join mail_preference e on e.recipient_id = m.person_id and e.category = 'DIGEST'
                left join digest_preference f on f.recipient_id = m.person_id
                where %s
                  and r.erased_at is null and coalesce(trim(r.email), '') <> ''
                  and coalesce(e.email, :onByDefault) and coalesce(f.frequency, :defaultFrequency) = :frequency
                  and not exists (select 1 from discussion_digest d
                                  where d.recipient_id = m.person_id and d.period = :period)
                limit :batch""".formatted(READERS, SPACE_OF_POST, CANDIDATE))
                .param("from", Timestamp.from(period.lookBackFrom()))
                .param("until", Timestamp.from(period.startsAt()))
                .param("onByDefault", Category.DIGEST.emailByDefault())
                .param("defaultFrequency", DigestFrequency.DEFAULT.name())
                .param("frequency", period.frequency().name())
                .param("period", period.key())
                .param("batch", BATCH)
                .query(UUID.class)
                .list();
    }

    /**
     * Writes one person's digest for the period, all or nothing: the digest's row (unless another instance has just
     * written it), the posts it takes, and its mail. Answers whether a mail was queued.
     */
    private boolean sendOne(UUID person, DigestPeriod period, Instant now) {
        Optional<Reader> reader = jdbc.sql("""
                select email, given_name from recipient
                where id = :person and erased_at is null and coalesce(trim(email), '') <> ''""")
                .param("person", person)
                .query((rs, row) -> new Reader(rs.getString("email"), rs.getString("given_name")))
                .optional();
        if (reader.isEmpty()) {
            return false;
        }
        UUID digest = UUID.randomUUID();
        boolean first = jdbc.sql("""
                insert into discussion_digest (id, recipient_id, period, covers_until, posts, created_at)
                values (:id, :person, :period, :until, 0, :now)
                on conflict (recipient_id, period) do nothing""")
                .param("id", digest).param("person", person).param("period", period.key())
                .param("until", Timestamp.from(period.startsAt())).param("now", Timestamp.from(now))
                .update() == 1;
        if (!first) {
            return false;
        }
        List<Post> posts = jdbc.sql("""
                with taken as (
                  insert into discussion_digest_post (recipient_id, post_id, digest_id)
                  select distinct m.person_id, p.post_id, cast(:digest as uuid)
                  from discussion_post p join %s m on m.person_id = :person and %s
                  where %s
                  on conflict do nothing
                  returning post_id)
                select p.post_id, p.thread_id, p.thread_title, p.opens_thread, p.space_id, p.space_kind, p.posted_at,
                       g.name as group_name, n.name as network_name,
                       a.given_name, a.family_name, a.erased_at is not null as author_erased
                from taken t join discussion_post p on p.post_id = t.post_id
                left join discussion_group g on g.group_id = p.group_id
                left join network n on n.id = p.network_id
                left join recipient a on a.id = p.author_id
                order by p.space_kind, coalesce(g.name, n.name), p.space_id,
                         min(p.posted_at) over (partition by p.thread_id), p.thread_id, p.posted_at"""
                .formatted(READERS, SPACE_OF_POST, CANDIDATE))
                .param("digest", digest).param("person", person)
                .param("from", Timestamp.from(period.lookBackFrom()))
                .param("until", Timestamp.from(period.startsAt()))
                .query(DiscussionDigests::post)
                .list();
        if (posts.isEmpty()) {
            return false;
        }
        String frequency = period.frequency() == DigestFrequency.DAILY ? "daily" : "weekly";
        String subject = "Your %s discussion digest: %d new %s".formatted(frequency, posts.size(),
                posts.size() == 1 ? "post" : "posts");
        MailLayout.Parts parts = layout.write("digest", Map.of(
                "greeting", reader.get().givenName() == null || reader.get().givenName().isBlank()
                        ? "there" : reader.get().givenName(),
                "frequency", frequency,
                "spaces", spaces(posts),
                "preferencesUrl", portal + "/preferences.html"));
        UUID queued = mail.enqueueWritten(person, reader.get().email(), subject, parts.text(), parts.html(), null,
                Category.DIGEST);
        jdbc.sql("update discussion_digest set posts = :posts, mail_id = :mail where id = :id")
                .param("posts", posts.size()).param("mail", queued).param("id", digest).update();
        return true;
    }

    /** The posts grouped by space, then by thread, in the order given. */
    private List<Space> spaces(List<Post> posts) {
        Map<UUID, Space> spaces = new LinkedHashMap<>();
        Map<UUID, Discussion> threads = new LinkedHashMap<>();
        for (Post post : posts) {
            Space space = spaces.computeIfAbsent(post.spaceId(), id -> new Space(post.spaceName(), new ArrayList<>()));
            Discussion thread = threads.computeIfAbsent(post.threadId(), id -> {
                Discussion opened = new Discussion(post.threadTitle(), portal + "/groups/thread.html?id=" + id,
                        new ArrayList<>());
                space.threads().add(opened);
                return opened;
            });
            thread.posts().add(new Line(post.author(), POSTED.format(post.postedAt().atZone(zone)),
                    post.opensThread()));
        }
        return List.copyOf(spaces.values());
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        String space = switch (rs.getString("space_kind")) {
            case "GROUP" -> Optional.ofNullable(rs.getString("group_name")).orElse("Your group") + " (group)";
            case "LEARNING_EXCHANGE" -> "The Learning Exchange (members)";
            default -> Optional.ofNullable(rs.getString("network_name")).orElse("Your network") + " (network)";
        };
        String author;
        if (rs.getBoolean("author_erased")) {
            author = "A former member";
        } else {
            String name = String.join(" ", Optional.ofNullable(rs.getString("given_name")).orElse(""),
                    Optional.ofNullable(rs.getString("family_name")).orElse("")).strip();
            author = name.isEmpty() ? "A member" : name;
        }
        return new Post(rs.getObject("space_id", UUID.class), space, rs.getObject("thread_id", UUID.class),
                rs.getString("thread_title"), rs.getBoolean("opens_thread"), author,
                rs.getTimestamp("posted_at").toInstant());
    }

    private record Reader(String email, String givenName) {
    }

    private record Post(UUID spaceId, String spaceName, UUID threadId, String threadTitle, boolean opensThread,
            String author, Instant postedAt) {
    }

    /** A space in a digest, with its threads that have new posts. */
    public record Space(String name, List<Discussion> threads) {
    }

    /** A thread in a digest: its title, its page in the portal, its new posts. */
    public record Discussion(String title, String url, List<Line> posts) {
    }

    /** One new post: who wrote it and when, and whether it started the thread. */
    public record Line(String author, String postedAt, boolean opensThread) {
    }
}
