package org.exchange.exchange.directory;

import java.util.UUID;

/** What this context knows about a person: their name to show to those who work with them, and their organisation. */
public record Person(UUID id, String givenName, String familyName, String organisationId, boolean erased) {

    /** Given and family name as recorded, or empty when not known (or erased). */
    public String fullName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }

    /** The name to show, or a neutral label when the person asked to be erased or is not known yet. */
    public String displayName() {
        if (erased) {
            return "Former participant";
        }
        return fullName().isEmpty() ? "Participant" : fullName();
    }
}
