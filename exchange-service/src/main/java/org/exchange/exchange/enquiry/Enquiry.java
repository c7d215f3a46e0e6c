package org.exchange.exchange.enquiry;

import java.time.Instant;
import java.util.UUID;

/**
 * A question a signed-in person sent through a contact form, to a network or to the Learning Exchange, answered by
 * programme admins from their shared inbox.
 *
 * @param networkId the network written to, or null for the Learning Exchange
 * @param answeredAt when the latest reply was sent, or null
 * @param closedAt when a programme admin closed it, or null
 */
record Enquiry(UUID id, UUID practitionerId, UUID networkId, String subject, String message, Status status,
        Instant sentAt, Instant answeredAt, Instant closedAt) {

    /** Where an enquiry stands in the inbox. */
    enum Status {
        /** Nobody has answered it yet. */
        NEW,
        /** A programme admin replied; it may be answered again. */
        ANSWERED,
        /** Closed by a programme admin: nothing more is written to it. */
        CLOSED
    }

    boolean closed() {
        return status == Status.CLOSED;
    }

    /** A programme admin's reply, e-mailed to the person and shown to them in the portal. */
    record Reply(UUID id, UUID enquiryId, UUID authorId, String text, Instant sentAt) {
    }
}
