package org.exchange.membership.access;

import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.security.Caller;

/** Who may do what beyond their own data: programme admins everything, an org-admin their own organisation only. */
public final class Access {

    private Access() {
    }

    /** Refuses with 403 unless the caller manages the organisation. */
    public static void requireManages(Caller caller, String organisationId) {
        if (caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            return;
        }
        if (caller.hasRole(Caller.ROLE_ORG_ADMIN) && caller.belongsTo(organisationId)) {
            return;
        }
        throw new ForbiddenException("Only a programme admin or an org-admin of " + organisationId
                + " may see or change its data");
    }

    /** Refuses with 403 unless the caller is a programme admin. */
    public static void requireProgrammeAdmin(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Only a programme admin may do this");
        }
    }
}
