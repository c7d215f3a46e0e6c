package org.exchange.membership.appointment;

import java.util.Arrays;

import org.exchange.platform.problem.InvalidRequestException;

/** The roles a programme admin appoints people to; each is a realm role in the identity provider. */
public enum AppointableRole {
    FACILITATOR("facilitator"),
    ASSESSOR("assessor");

    private final String realmRole;

    AppointableRole(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role it grants, such as {@code facilitator}. */
    public String realmRole() {
        return realmRole;
    }

    /** The role named in a request: {@code FACILITATOR} or {@code facilitator}. */
    static AppointableRole named(String name) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(name) || role.realmRole.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("A programme admin appoints facilitators and assessors; "
                        + "'" + name + "' is not a role one can be appointed to"));
    }
}
