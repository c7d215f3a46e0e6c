package org.exchange.notification.recipient;

import java.util.UUID;

/** Someone notifications can reach: the local read model of a practitioner, fed by membership events. */
public record Recipient(UUID id, String email, String givenName, String familyName) {

    /** How to greet them. */
    public String greetingName() {
        return givenName == null || givenName.isBlank() ? "there" : givenName;
    }
}
