package org.exchange.exchange.discussion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files uploaded into discussion spaces, with their content, and the posts they are attached to. */
@Repository
class Attachments {

    /** A stored file and where it belongs. */
    record Stored(UUID id, UUID spaceId, UUID postId, UUID uploadedBy, String fileName, String mediaType,
            byte[] content) {
    }

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(DiscussionService.Attachment file, UUID spaceId, UUID uploadedBy, Instant at, byte[] content) {
        jdbc.sql("""
                insert into discussion_attachment (id, space_id, uploaded_by, uploaded_at, file_name, media_type,
                                                   size_bytes, sha256, content)
                values (:id, :space, :by, :at, :name, :type, :size, :sha256, :content)""")
                .param("id", file.id()).param("space", spaceId).param("by", uploadedBy)
                .param("at", Timestamp.from(at)).param("name", file.name()).param("type", file.mediaType())
                .param("size", file.size()).param("sha256", file.sha256()).param("content", content).update();
    }

    /**
     * Attaches the person's file, uploaded into the space and not attached yet, to the post; false when there is no
     * such file.
     */
    boolean attach(UUID fileId, UUID postId, int position, UUID spaceId, UUID uploadedBy) {
        return jdbc.sql("""
                update discussion_attachment set post_id = :post, position = :position
                 where id = :id and space_id = :space and uploaded_by = :by and post_id is null""")
                .param("id", fileId).param("post", postId).param("position", position).param("space", spaceId)
                .param("by", uploadedBy).update() == 1;
    }

    /** The files of each post, in the order they were attached; no content. */
    Map<UUID, List<DiscussionService.Attachment>> of(Collection<UUID> postIds) {
        Map<UUID, List<DiscussionService.Attachment>> files = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("""
                    select post_id, id, file_name, media_type, size_bytes, sha256 from discussion_attachment
                     where post_id in (:posts) order by position""")
                    .param("posts", postIds).query((rs, row) -> files.computeIfAbsent(
                            rs.getObject("post_id", UUID.class), id -> new ArrayList<>())
                            .add(new DiscussionService.Attachment(rs.getObject("id", UUID.class),
                                    rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"),
                                    rs.getString("sha256")))).list();
        }
        return files;
    }

    Optional<Stored> file(UUID id) {
        return jdbc.sql("""
                select id, space_id, post_id, uploaded_by, file_name, media_type, content from discussion_attachment
                 where id = :id""").param("id", id)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("space_id", UUID.class),
                        rs.getObject("post_id", UUID.class), rs.getObject("uploaded_by", UUID.class),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional();
    }

    /**
     * The person's files not attached to any post yet, after those uploaded before {@code abandonedBefore} were
     * deleted (a post never written).
     */
    int waiting(UUID uploadedBy, Instant abandonedBefore) {
        jdbc.sql("""
                delete from discussion_attachment
                 where uploaded_by = :by and post_id is null and uploaded_at < :before""")
                .param("by", uploadedBy).param("before", Timestamp.from(abandonedBefore)).update();
        return jdbc.sql("select count(*) from discussion_attachment where uploaded_by = :by and post_id is null")
                .param("by", uploadedBy).query(Integer.class).single();
    }

    /** Erasure: the files the person uploaded go, attached or not. */
    void forget(UUID person) {
        jdbc.sql("delete from discussion_attachment where uploaded_by = :person").param("person", person).update();
    }
}
