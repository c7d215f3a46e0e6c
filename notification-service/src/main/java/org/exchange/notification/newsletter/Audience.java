package org.exchange.notification.newsletter;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * Whom an issue of the newsletter goes to: always only people who agreed to the newsletter (their NEWSLETTER e-mail
 * is switched on), whose address is known and who were not erased; within them, a segment.
 *
 * @param ref the network's id for NETWORK, the organisation's id for ORGANISATION, otherwise null
 */
public record Audience(Segment segment, String ref) {

    /** The segments an admin chooses from. */
    public enum Segment {
        /** Everyone who agreed to the newsletter. */
        CONSENTED,
        /** Members of the Learning Exchange with an active membership. */
        MEMBERS,
        /** The members and facilitators of one network's groups. */
        NETWORK,
        /** One organisation's staff. */
        ORGANISATION
    }

    public Audience {
        if (segment == null) {
            throw new InvalidRequestException("An audience needs a segment");
        }
        boolean needsRef = segment == Segment.NETWORK || segment == Segment.ORGANISATION;
        if (needsRef && (ref == null || ref.isBlank())) {
            throw new InvalidRequestException("The " + segment + " audience names which one (ref)");
        }
        ref = needsRef ? ref.strip() : null;
    }
}
