package org.exchange.exchange.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.UUID;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * Where a page of the report's group lines ends: the last line's place in the report's order (network name, group
 * name, group id), so that the next page starts after it whatever was added, renamed or removed meanwhile. Clients see
 * it as an opaque string (base64url of a versioned binary form).
 */
record GroupCursor(String network, String group, UUID groupId) {

    /** The request parameter that carries it. */
    static final String PARAMETER = "after";

    private static final int VERSION = 1;

    static GroupCursor after(ProgrammeReport.GroupLine line) {
        return new GroupCursor(line.network(), line.group(), line.groupId());
    }

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(network);
            out.writeUTF(group);
            out.writeLong(groupId.getMostSignificantBits());
            out.writeLong(groupId.getLeastSignificantBits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The cursor a page gave as its {@code next}; anything else is the client's mistake (400). */
    static GroupCursor decode(String cursor) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder()
                .decode(cursor)))) {
            if (in.readUnsignedByte() != VERSION) {
                throw notACursor();
            }
            GroupCursor decoded = new GroupCursor(in.readUTF(), in.readUTF(), new UUID(in.readLong(), in.readLong()));
            // PostgreSQL text holds no NUL: a name with one was never a name, and would fail the query
            if (in.available() > 0 || (decoded.network() + decoded.group()).indexOf('\0') >= 0) {
                throw notACursor();
            }
            return decoded;
        } catch (IOException | IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static InvalidRequestException notACursor() {
        return new InvalidRequestException(PARAMETER, "Not a cursor this report gave: pass the previous page's next "
                + "as it is, or leave it out for the first page");
    }
}
