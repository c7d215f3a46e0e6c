-- Files attached to discussion posts (issue 19): uploaded into a space first, then attached to the post its uploader
-- writes. The content is kept here, with its SHA-256; the allowed types and the size limit are AttachmentPolicy's.
CREATE TABLE discussion_attachment (
    id          uuid PRIMARY KEY,
    space_id    uuid        NOT NULL REFERENCES discussion_space (id),
    post_id     uuid        REFERENCES discussion_post (id),
    position    integer,
    uploaded_by uuid        NOT NULL,
    uploaded_at timestamptz NOT NULL,
    file_name   text        NOT NULL,
    media_type  text        NOT NULL,
    size_bytes  integer     NOT NULL CHECK (size_bytes > 0),
    sha256      text        NOT NULL,
    content     bytea       NOT NULL
);

-- A post's files, in order; erasure finds the files a person uploaded.
CREATE INDEX discussion_attachment_post_idx ON discussion_attachment (post_id, position);
CREATE INDEX discussion_attachment_uploader_idx ON discussion_attachment (uploaded_by);
