package org.exchange.membership.appointment;

import java.util.Arrays;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * The roles people are appointed to; each is a realm role in the identity provider. A programme admin appoints
 * facilitators and assessors; an org-admin is named for one organisation, its own ({@link OrgAdminService}).
 */
public enum AppointableRole {
    FACILITATOR("facilitator"),
    ASSESSOR("assessor"),
    ORG_ADMIN("org-admin");

    private final String realmRole;

    AppointableRole(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role it grants, such as {@code facilitator}. */
    public String realmRole() {
        return realmRole;
    }

    /**
     * The role named in a request for a programme-wide appointment: {@code FACILITATOR} or {@code facilitator}. An
     * org-admin is named for an organisation, so not here.
     */
    static AppointableRole named(String name) {
        AppointableRole named = Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(name) || role.realmRole.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("A programme admin appoints facilitators and assessors; "
                        + "'" + name + "' is not a role one can be appointed to"));
        if (named == ORG_ADMIN) {
            throw new InvalidRequestException("An org-admin is named for their organisation: "
                    + "POST /api/membership/organisations/{organisationId}/admins");
        }
        return named;
    }
}
