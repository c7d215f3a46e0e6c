package org.exchange.membership.organisation;

import java.time.Instant;
import java.util.List;

import org.exchange.membership.versioning.Versioned;

/**
 * A partner organisation: a college, a work-based learning provider, a third-sector body ...
 *
 * @param id the id the platform knows it by, such as {@code org-westmid-college}; tokens carry it
 * @param identityProviderAlias the alias of its identity provider in the Keycloak realm, or null when its staff use
 *        platform accounts; unique, so that a brokered sign-in resolves to one organisation
 * @param contacts the people to talk to there
 * @param version the version of its details (name, type, region, identity provider), raised by each change
 * @param contactsVersion the version of its list of contacts, raised each time the list is replaced
 */
public record Organisation(
        String id,
        String name,
        OrganisationType type,
        String region,
        String identityProviderAlias,
        List<Contact> contacts,
        Instant registeredAt,
        long version,
        long contactsVersion) implements Versioned {

    public Organisation {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Someone to talk to at a partner organisation. */
    public record Contact(String name, String role, String email, String phone) {
    }
}
