package org.exchange.accreditation.directory;

import java.util.UUID;

/** What this context knows of a person: their name and organisation, whether they assess, whether they are erased. */
public record Person(UUID id, String givenName, String familyName, String email, String organisationId,
        boolean assessor, boolean erased) {

    /** The name to show, or a neutral label when it is unknown or erased. */
    public String displayName() {
        if (erased) {
            return "Former participant";
        }
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return name.isEmpty() ? "Practitioner" : name;
    }
}
