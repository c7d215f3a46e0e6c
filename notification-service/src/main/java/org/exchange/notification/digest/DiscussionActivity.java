package org.exchange.notification.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.exchange.contracts.exchange.DiscussionPostAdded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the discussion digest is made from, kept as exchange's events arrive: the posts (thread, space, author, time;
 * the events carry no text), the groups' names, and who belongs to each group's space now. Membership is the latest
 * fact known per person and group, as of its time, whatever order the events arrive in: a group's events and a
 * thread's posts travel on different partitions, so a post naming someone as a member may arrive after the event of
 * their leaving, and must not bring them back.
 */
@Repository
public class DiscussionActivity {

    private final JdbcClient jdbc;

    DiscussionActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a post; a group space's post also says who belonged to the space when it was posted (its author and
     * the members it lists), which is the latest word on the group's membership at that time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postAdded(DiscussionPostAdded post, Instant postedAt, Instant receivedAt) {
        jdbc.sql("""
                insert into discussion_post (post_id, thread_id, thread_title, opens_thread, space_id, space_kind,
                                             network_id, group_id, author_id, posted_at, received_at)
                values (:post, :thread, :title, :opens, :space, :kind, :network, :group, :author, :posted, :received)
                on conflict (post_id) do nothing""")
                .param("post", post.postId()).param("thread", post.threadId())
                .param("title", post.threadTitle() == null ? "" : post.threadTitle())
                .param("opens", post.opensThread()).param("space", post.spaceId())
                .param("kind", post.spaceKind()).param("network", post.networkId()).param("group", post.groupId())
                .param("author", post.authorId()).param("posted", Timestamp.from(postedAt))
                .param("received", Timestamp.from(receivedAt))
                .update();
        if (!"GROUP".equals(post.spaceKind()) || post.groupId() == null) {
            return;
        }
        group(post.groupId(), post.networkId(), null);
        Set<UUID> members = new LinkedHashSet<>(post.groupMemberIds() == null ? List.of() : post.groupMemberIds());
        members.add(post.authorId());
        members.removeIf(Objects::isNull);
        members.forEach(person -> member(post.groupId(), post.networkId(), person, true, postedAt));
        jdbc.sql("""
                update discussion_member set member = false, as_of = :at
                where group_id = :group and member and as_of < :at and person_id not in (:members)""")
                .param("group", post.groupId()).param("at", Timestamp.from(postedAt))
                .param("members", List.copyOf(members))
                .update();
    }

    /** Keeps a group's name and network; a name not given keeps the one known. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void group(UUID groupId, UUID networkId, String name) {
        jdbc.sql("""
                insert into discussion_group (group_id, network_id, name) values (:group, :network, :name)
                on conflict (group_id) do update
                set network_id = coalesce(excluded.network_id, discussion_group.network_id),
                    name = coalesce(excluded.name, discussion_group.name)""")
                .param("group", groupId).param("network", networkId).param("name", name).update();
    }

    /** People who belong to a group's space (members or facilitators) as of a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void members(UUID groupId, UUID networkId, String name, Collection<UUID> people, Instant asOf) {
        group(groupId, networkId, name);
        if (people != null) {
            people.stream().filter(Objects::nonNull).distinct()
                    .forEach(person -> member(groupId, networkId, person, true, asOf));
        }
    }

    /** A post was hidden by a moderator: no digest not yet sent carries it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postHidden(UUID postId) {
        jdbc.sql("delete from discussion_post where post_id = :post").param("post", postId).update();
    }

    /** A person left a group (and its space) at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void left(UUID groupId, UUID networkId, String name, UUID person, Instant at) {
        group(groupId, networkId, name);
        member(groupId, networkId, person, false, at);
    }

    /** Forgets whose spaces an erased person belonged to, and their digests. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID person) {
        jdbc.sql("delete from discussion_member where person_id = :person").param("person", person).update();
        jdbc.sql("delete from discussion_digest where recipient_id = :person").param("person", person).update();
    }

    /** Records the latest fact about a person in a group; an erased person is not brought back by a late event. */
    private void member(UUID groupId, UUID networkId, UUID person, boolean member, Instant asOf) {
        jdbc.sql("""
                insert into discussion_member (group_id, network_id, person_id, member, as_of)
                select :group, :network, :person, :member, :at
                where not exists (select 1 from recipient where id = :person and erased_at is not null)
                on conflict (group_id, person_id) do update
                set member = excluded.member, as_of = excluded.as_of,
                    network_id = coalesce(excluded.network_id, discussion_member.network_id)
                where discussion_member.as_of <= excluded.as_of""")
                .param("group", groupId).param("network", networkId).param("person", person)
                .param("member", member).param("at", Timestamp.from(asOf))
                .update();
    }
}
