package org.exchange.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * The person behind a request, as the identity provider vouches for them in the access token.
 *
 * @param subjectId the identity provider's subject id, which identifies the person in every context
 * @param organisationId the partner organisation the token says they belong to, or null
 * @param roles the realm roles, such as {@code practitioner} or {@code org-admin}
 */
public record Caller(
        UUID subjectId,
        String username,
        String email,
        String givenName,
        String familyName,
        String organisationId,
        Set<String> roles) {

    public static final String ROLE_PRACTITIONER = "practitioner";
    public static final String ROLE_FACILITATOR = "facilitator";
    public static final String ROLE_ASSESSOR = "assessor";
    public static final String ROLE_ORG_ADMIN = "org-admin";
    public static final String ROLE_PROGRAMME_ADMIN = "programme-admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Whether the token grants the given realm role. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller belongs to the given organisation. */
    public boolean belongsTo(String organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }
}
