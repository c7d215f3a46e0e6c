package org.exchange.exchange.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The discussion spaces, their threads and posts, and what people did with them (reactions, reads, reports). */
@Repository
class Discussions {

    private static final String SPACE_COLUMNS = "id, kind, network_id, group_id, opened_to_network_at";
    private static final String THREAD_COLUMNS = "t.id, t.space_id, t.title, t.started_at, t.last_post_at, t.pinned_at";
    private static final String POST_COLUMNS = """
            p.id, p.thread_id, p.opens_thread, p.author_id, p.author_erased, p.body_markdown, p.body_html, p.posted_at,
            p.what_works_at, p.hidden_at, p.hidden_reason""";
    /** Posts of thread t someone has not seen: others' visible posts after what they last read. */
    private static final String UNREAD = """
            (select count(*) from discussion_post u
              where u.thread_id = t.id and u.hidden_at is null and u.author_id is distinct from :me
                and u.posted_at > coalesce((select r.read_up_to from discussion_read r
                                             where r.thread_id = t.id and r.person_id = :me), '-infinity'))""";
    private static final String VISIBLE_POSTS = """
            (select count(*) from discussion_post v where v.thread_id = t.id and v.hidden_at is null)""";

    private final JdbcClient jdbc;

    Discussions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The group's space, made the first time it is asked for. */
    Space groupSpace(UUID groupId, UUID networkId, Instant now) {
        jdbc.sql("""
                insert into discussion_space (id, kind, network_id, group_id, created_at)
                values (:id, 'GROUP', :network, :group, :at) on conflict (group_id) do nothing""")
                .param("id", UUID.randomUUID()).param("network", networkId).param("group", groupId)
                .param("at", Timestamp.from(now)).update();
        return jdbc.sql("select " + SPACE_COLUMNS + " from discussion_space where group_id = :group")
                .param("group", groupId).query((rs, row) -> space(rs)).single();
    }

    /** The network's space, made the first time it is asked for. */
    Space networkSpace(UUID networkId, Instant now) {
        jdbc.sql("""
                insert into discussion_space (id, kind, network_id, created_at)
                values (:id, 'NETWORK', :network, :at) on conflict (network_id) where kind = 'NETWORK' do nothing""")
                .param("id", UUID.randomUUID()).param("network", networkId).param("at", Timestamp.from(now))
                .update();
        return jdbc.sql("select " + SPACE_COLUMNS + " from discussion_space where network_id = :network"
                + " and kind = 'NETWORK'").param("network", networkId).query((rs, row) -> space(rs)).single();
    }

    /** The Learning Exchange's space, made the first time it is asked for. */
    Space learningExchangeSpace(Instant now) {
        jdbc.sql("""
                insert into discussion_space (id, kind, created_at) values (:id, 'LEARNING_EXCHANGE', :at)
                on conflict (kind) where kind = 'LEARNING_EXCHANGE' do nothing""")
                .param("id", UUID.randomUUID()).param("at", Timestamp.from(now)).update();
        return jdbc.sql("select " + SPACE_COLUMNS + " from discussion_space where kind = 'LEARNING_EXCHANGE'")
                .query((rs, row) -> space(rs)).single();
    }

    Optional<Space> space(UUID id) {
        return jdbc.sql("select " + SPACE_COLUMNS + " from discussion_space where id = :id").param("id", id)
                .query((rs, row) -> space(rs)).optional();
    }

    void openToNetwork(UUID spaceId, UUID by, Instant at) {
        jdbc.sql("""
                update discussion_space set opened_to_network_at = :at, opened_to_network_by = :by
                 where id = :id and opened_to_network_at is null""")
                .param("id", spaceId).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /**
     * Whether the person takes part in the network now: a confirmed member or a facilitator of one of its groups (as
     * notification-service counts a network's participants from the same facts).
     */
    boolean takesPartIn(UUID networkId, UUID personId) {
        return jdbc.sql("select exists (" + PARTICIPANTS + " and x.person_id = :person)")
                .param("network", networkId).param("person", personId).query(Boolean.class).single();
    }

    /** Everyone who takes part in the network now. */
    List<UUID> participants(UUID networkId) {
        return jdbc.sql("select distinct x.person_id from (" + PARTICIPANTS + ") x")
                .param("network", networkId).query(UUID.class).list();
    }

    private static final String PARTICIPANTS = """
            select x.person_id from (
              select m.practitioner_id as person_id, g.network_id from group_member m
                join exchange_group g on g.id = m.group_id where m.status = 'CONFIRMED'
              union
              select f.practitioner_id, g.network_id from group_facilitator f
                join exchange_group g on g.id = f.group_id) x
             where x.network_id = :network""";

    void add(DiscussionThread thread) {
        jdbc.sql("""
                insert into discussion_thread (id, space_id, title, started_at, last_post_at)
                values (:id, :space, :title, :at, :at)""")
                .param("id", thread.id()).param("space", thread.spaceId()).param("title", thread.title())
                .param("at", Timestamp.from(thread.startedAt())).update();
    }

    Optional<DiscussionThread> thread(UUID id) {
        return jdbc.sql("select " + THREAD_COLUMNS + " from discussion_thread t where t.id = :id").param("id", id)
                .query((rs, row) -> thread(rs)).optional();
    }

    /** Locks the thread's row, so that its posts are added one after another. */
    Optional<DiscussionThread> lockThread(UUID id) {
        return jdbc.sql("select " + THREAD_COLUMNS + " from discussion_thread t where t.id = :id for update")
                .param("id", id).query((rs, row) -> thread(rs)).optional();
    }

    /** The space's threads for one reader, pinned first, then the latest conversation first. */
    List<DiscussionService.ThreadSummary> threads(UUID spaceId, UUID reader) {
        return jdbc.sql("select " + THREAD_COLUMNS + ", " + VISIBLE_POSTS + " as posts, " + UNREAD + " as unread"
                + " from discussion_thread t where t.space_id = :space"
                + " order by t.pinned_at is null, t.pinned_at desc, t.last_post_at desc, t.id")
                .param("space", spaceId).param("me", reader)
                .query((rs, row) -> summary(rs)).list();
    }

    /**
     * The space's threads whose title or a visible post matches the query (PostgreSQL full-text search, English
     * stemming, as the outcomes library), best match first.
     */
    List<DiscussionService.ThreadSummary> search(UUID spaceId, String query, UUID reader, int limit) {
        return jdbc.sql("select " + THREAD_COLUMNS + ", " + VISIBLE_POSTS + " as posts, " + UNREAD + " as unread"
                + """
                 , greatest(ts_rank(t.search, q.query),
                            coalesce((select max(ts_rank(p.search, q.query)) from discussion_post p
                                       where p.thread_id = t.id and p.hidden_at is null
                                         and p.search @@ q.query), 0)) as rank
                 from discussion_thread t cross join websearch_to_tsquery('english', :query) as q(query)
                 where t.space_id = :space
                   and (t.search @@ q.query or exists (select 1 from discussion_post p
                         where p.thread_id = t.id and p.hidden_at is null and p.search @@ q.query))
                 order by rank desc, t.last_post_at desc, t.id limit :limit""")
                .param("space", spaceId).param("me", reader).param("query", query).param("limit", limit)
                .query((rs, row) -> summary(rs)).list();
    }

    /** How many posts of the space the reader has not seen. */
    int unread(UUID spaceId, UUID reader) {
        return jdbc.sql("select coalesce(sum(" + UNREAD + "), 0) from discussion_thread t where t.space_id = :space")
                .param("space", spaceId).param("me", reader).query(Integer.class).single();
    }

    void add(Post post) {
        jdbc.sql("""
                insert into discussion_post (id, thread_id, opens_thread, author_id, body_markdown, body_html,
                                             posted_at)
                values (:id, :thread, :opens, :author, :markdown, :html, :at)""")
                .param("id", post.id()).param("thread", post.threadId()).param("opens", post.opensThread())
                .param("author", post.authorId()).param("markdown", post.markdown()).param("html", post.html())
                .param("at", Timestamp.from(post.postedAt())).update();
        jdbc.sql("update discussion_thread set last_post_at = greatest(last_post_at, :at) where id = :thread")
                .param("thread", post.threadId()).param("at", Timestamp.from(post.postedAt())).update();
    }

    Optional<Post> post(UUID id) {
        return jdbc.sql("select " + POST_COLUMNS + " from discussion_post p where p.id = :id").param("id", id)
                .query((rs, row) -> post(rs)).optional();
    }

    List<Post> posts(UUID threadId) {
        return jdbc.sql("select " + POST_COLUMNS + " from discussion_post p where p.thread_id = :thread"
                + " order by p.posted_at, p.id").param("thread", threadId).query((rs, row) -> post(rs)).list();
    }

    /** How many posts the person added since the given time (the rate limit). */
    int postsSince(UUID authorId, Instant since) {
        return jdbc.sql("select count(*) from discussion_post where author_id = :author and posted_at > :since")
                .param("author", authorId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    void pin(UUID threadId, UUID by, Instant at) {
        jdbc.sql("update discussion_thread set pinned_at = :at, pinned_by = :by where id = :id")
                .param("id", threadId).param("by", by).param("at", at == null ? null : Timestamp.from(at)).update();
    }

    void markWhatWorks(UUID postId, UUID by, Instant at) {
        jdbc.sql("update discussion_post set what_works_at = :at, what_works_by = :by where id = :id")
                .param("id", postId).param("by", by).param("at", at == null ? null : Timestamp.from(at)).update();
    }

    void hide(UUID postId, UUID by, Instant at, String reason) {
        jdbc.sql("""
                update discussion_post set hidden_at = :at, hidden_by = :by, hidden_reason = :reason
                 where id = :id""")
                .param("id", postId).param("by", by).param("at", Timestamp.from(at)).param("reason", reason)
                .update();
        jdbc.sql("""
                update discussion_report set resolved_at = :at, resolved_by = :by
                 where post_id = :id and resolved_at is null""")
                .param("id", postId).param("by", by).param("at", Timestamp.from(at)).update();
    }

    void addLinks(UUID postId, List<DiscussionService.Link> links) {
        for (int position = 0; position < links.size(); position++) {
            jdbc.sql("insert into discussion_link (post_id, position, url, title) values (:post, :position, :url, "
                    + ":title)").param("post", postId).param("position", position)
                    .param("url", links.get(position).url()).param("title", links.get(position).title()).update();
        }
    }

    Map<UUID, List<DiscussionService.Link>> links(Collection<UUID> postIds) {
        Map<UUID, List<DiscussionService.Link>> links = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("select post_id, url, title from discussion_link where post_id in (:posts) order by position")
                    .param("posts", postIds).query((rs, row) -> {
                        links.computeIfAbsent(rs.getObject("post_id", UUID.class), id -> new java.util.ArrayList<>())
                                .add(new DiscussionService.Link(rs.getString("url"), rs.getString("title")));
                        return null;
                    }).list();
        }
        return links;
    }

    void addMentions(UUID postId, Collection<UUID> people) {
        people.forEach(person -> jdbc.sql("insert into discussion_mention (post_id, person_id) values (:post, :person)")
                .param("post", postId).param("person", person).update());
    }

    Map<UUID, List<UUID>> mentions(Collection<UUID> postIds) {
        Map<UUID, List<UUID>> mentions = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("select post_id, person_id from discussion_mention where post_id in (:posts) order by person_id")
                    .param("posts", postIds).query((rs, row) -> mentions.computeIfAbsent(
                            rs.getObject("post_id", UUID.class), id -> new java.util.ArrayList<>())
                            .add(rs.getObject("person_id", UUID.class))).list();
        }
        return mentions;
    }

    /** Marks the post helpful for the person, once; whether it was not marked before. */
    boolean markHelpful(UUID postId, UUID person, Instant at) {
        return jdbc.sql("""
                insert into discussion_reaction (post_id, person_id, kind, reacted_at)
                values (:post, :person, 'HELPFUL', :at) on conflict do nothing""")
                .param("post", postId).param("person", person).param("at", Timestamp.from(at)).update() == 1;
    }

    void unmarkHelpful(UUID postId, UUID person) {
        jdbc.sql("delete from discussion_reaction where post_id = :post and person_id = :person and kind = 'HELPFUL'")
                .param("post", postId).param("person", person).update();
    }

    /** How many found each post helpful. */
    Map<UUID, Integer> helpfulCounts(Collection<UUID> postIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("""
                    select post_id, count(*) as people from discussion_reaction
                     where post_id in (:posts) and kind = 'HELPFUL' group by post_id""")
                    .param("posts", postIds).query((rs, row) -> counts.put(rs.getObject("post_id", UUID.class),
                            rs.getInt("people"))).list();
        }
        return counts;
    }

    /** The posts the person found helpful. */
    Set<UUID> helpfulTo(UUID person, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select post_id from discussion_reaction
                 where person_id = :person and kind = 'HELPFUL' and post_id in (:posts)""")
                .param("person", person).param("posts", postIds).query(UUID.class).list());
    }

    /** The person has seen the thread up to the given post time (never moves back). */
    void markRead(UUID threadId, UUID person, Instant upTo) {
        jdbc.sql("""
                insert into discussion_read (thread_id, person_id, read_up_to) values (:thread, :person, :upTo)
                on conflict (thread_id, person_id)
                do update set read_up_to = greatest(discussion_read.read_up_to, excluded.read_up_to)""")
                .param("thread", threadId).param("person", person).param("upTo", Timestamp.from(upTo)).update();
    }

    Optional<Instant> readUpTo(UUID threadId, UUID person) {
        return jdbc.sql("select read_up_to from discussion_read where thread_id = :thread and person_id = :person")
                .param("thread", threadId).param("person", person)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** A report of a post; false when the person reported it already. */
    boolean addReport(UUID id, UUID postId, UUID reporter, String reason, Instant at) {
        return jdbc.sql("""
                insert into discussion_report (id, post_id, reported_by, reason, reported_at)
                values (:id, :post, :by, :reason, :at) on conflict (post_id, reported_by) do nothing""")
                .param("id", id).param("post", postId).param("by", reporter).param("reason", reason)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The reports nobody has acted on yet, oldest first. */
    List<DiscussionService.OpenReport> openReports(int limit) {
        return jdbc.sql("""
                select r.id, r.post_id, p.thread_id, t.space_id, s.kind, s.network_id, s.group_id, r.reason,
                       r.reported_by, r.reported_at
                  from discussion_report r join discussion_post p on p.id = r.post_id
                  join discussion_thread t on t.id = p.thread_id join discussion_space s on s.id = t.space_id
                 where r.resolved_at is null order by r.reported_at, r.id limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new DiscussionService.OpenReport(rs.getObject("id", UUID.class),
                        rs.getObject("post_id", UUID.class), rs.getObject("thread_id", UUID.class),
                        rs.getObject("space_id", UUID.class), Space.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("network_id", UUID.class), rs.getObject("group_id", UUID.class),
                        rs.getString("reason"), rs.getObject("reported_by", UUID.class),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    /** The posts that mention the person, with their Markdown, for erasure to take the name out. */
    List<Post> postsMentioning(UUID person) {
        return jdbc.sql("select " + POST_COLUMNS + " from discussion_post p join discussion_mention m"
                + " on m.post_id = p.id where m.person_id = :person and p.body_markdown is not null")
                .param("person", person).query((rs, row) -> post(rs)).list();
    }

    void rewrite(UUID postId, String markdown, String html) {
        jdbc.sql("update discussion_post set body_markdown = :markdown, body_html = :html where id = :id")
                .param("id", postId).param("markdown", markdown).param("html", html).update();
    }

    /**
     * Erasure: the person's posts stay as a former member's without their text, links or author; the titles of
     * threads they started go; their reactions, reads, reports and the mentions of them go.
     */
    void forget(UUID person) {
        jdbc.sql("""
                update discussion_thread set title = :title where id in (
                  select thread_id from discussion_post where author_id = :person and opens_thread)""")
                .param("person", person).param("title", DiscussionService.FORMER_MEMBERS_THREAD).update();
        jdbc.sql("delete from discussion_link where post_id in (select id from discussion_post where author_id = "
                + ":person)").param("person", person).update();
        jdbc.sql("""
                update discussion_post set author_id = null, author_erased = true, body_markdown = null,
                                           body_html = null where author_id = :person""")
                .param("person", person).update();
        for (String table : List.of("discussion_reaction", "discussion_read", "discussion_mention")) {
            jdbc.sql("delete from " + table + " where person_id = :person").param("person", person).update();
        }
        jdbc.sql("delete from discussion_report where reported_by = :person").param("person", person).update();
    }

    private static Space space(ResultSet rs) throws SQLException {
        Timestamp opened = rs.getTimestamp("opened_to_network_at");
        return new Space(rs.getObject("id", UUID.class), Space.Kind.valueOf(rs.getString("kind")),
                rs.getObject("network_id", UUID.class), rs.getObject("group_id", UUID.class),
                opened == null ? null : opened.toInstant());
    }

    private static DiscussionThread thread(ResultSet rs) throws SQLException {
        Timestamp pinned = rs.getTimestamp("pinned_at");
        return new DiscussionThread(rs.getObject("id", UUID.class), rs.getObject("space_id", UUID.class),
                rs.getString("title"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_post_at").toInstant(), pinned == null ? null : pinned.toInstant());
    }

    private static DiscussionService.ThreadSummary summary(ResultSet rs) throws SQLException {
        DiscussionThread thread = thread(rs);
        return new DiscussionService.ThreadSummary(thread.id(), thread.title(), thread.pinned(), thread.startedAt(),
                thread.lastPostAt(), rs.getInt("posts"), rs.getInt("unread"));
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getObject("id", UUID.class), rs.getObject("thread_id", UUID.class),
                rs.getBoolean("opens_thread"), rs.getObject("author_id", UUID.class), rs.getBoolean("author_erased"),
                rs.getString("body_markdown"), rs.getString("body_html"), rs.getTimestamp("posted_at").toInstant(),
                instant(rs, "what_works_at"), instant(rs, "hidden_at"), rs.getString("hidden_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
