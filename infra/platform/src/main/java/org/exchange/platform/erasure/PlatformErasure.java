package org.exchange.platform.erasure;

import java.util.UUID;

import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.deadletter.DeadLetters;

/**
 * The platform's part of a person's erasure, in every service: what its own tables hold about them. A service's
 * erasure calls {@link #forget} beside erasing its own tables, in the same transaction.
 */
public class PlatformErasure {

    private final AuditTrail audit;
    private final DeadLetters deadLetters;

    public PlatformErasure(AuditTrail audit, DeadLetters deadLetters) {
        this.audit = audit;
        this.deadLetters = deadLetters;
    }

    /**
     * The audit trail keeps what was done about the person, when and by whom, but no longer what their records held;
     * dead letters about them lose their payload (and one still parked is discarded).
     */
    public void forget(UUID person) {
        audit.forgetPerson(person);
        deadLetters.forgetPerson(person);
    }
}
