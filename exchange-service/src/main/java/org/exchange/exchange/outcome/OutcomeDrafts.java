package org.exchange.exchange.outcome;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups' outcome drafts: the quotations their facilitators carried in from the discussion. */
@Repository
class OutcomeDrafts {

    private final JdbcClient jdbc;

    OutcomeDrafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the item; false when the group's draft quotes the post already. */
    boolean add(UUID groupId, OutcomeService.DraftItem item, UUID quotedPersonId, UUID addedBy) {
        return jdbc.sql("""
                insert into outcome_draft_item (id, group_id, post_id, quote, attribution, quoted_person_id, added_by,
                                                added_at)
                values (:id, :group, :post, :quote, :attribution, :person, :by, :at)
                on conflict (group_id, post_id) do nothing""")
                .param("id", item.id()).param("group", groupId).param("post", item.postId())
                .param("quote", item.quote()).param("attribution", item.attribution()).param("person", quotedPersonId)
                .param("by", addedBy).param("at", Timestamp.from(item.addedAt())).update() == 1;
    }

    /** The group's draft, in the order its items were added. */
    List<OutcomeService.DraftItem> items(UUID groupId) {
        return jdbc.sql("""
                select id, post_id, quote, attribution, added_at from outcome_draft_item
                 where group_id = :group order by added_at, id""")
                .param("group", groupId)
                .query((rs, row) -> new OutcomeService.DraftItem(rs.getObject("id", UUID.class),
                        rs.getObject("post_id", UUID.class), rs.getString("quote"), rs.getString("attribution"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** Takes the item out of the group's draft; false when there was none. */
    boolean remove(UUID groupId, UUID itemId) {
        return jdbc.sql("delete from outcome_draft_item where group_id = :group and id = :id")
                .param("group", groupId).param("id", itemId).update() == 1;
    }

    /** Erasure: quotations of the person's words go. */
    void forget(UUID personId) {
        jdbc.sql("delete from outcome_draft_item where quoted_person_id = :person").param("person", personId)
                .update();
    }
}
