package org.exchange.notification.recipient;

import java.util.UUID;

/**
 * Someone notifications can reach: the local read model of a practitioner, fed by membership events.
 *
 * @param email where to write to them, or null when not known (they still get feed entries)
 * @param erased whether they asked for their personal data to be erased; nothing reaches them any more
 */
public record Recipient(UUID id, String email, String givenName, String familyName, boolean erased) {

    /** A person known only by their subject id. */
    public static Recipient unknown(UUID id) {
        return new Recipient(id, null, null, null, false);
    }

    /** How to greet them. */
    public String greetingName() {
        return givenName == null || givenName.isBlank() ? "there" : givenName;
    }

    /** Whether an e-mail can reach them. */
    public boolean hasEmail() {
        return !erased && email != null && !email.isBlank();
    }
}
