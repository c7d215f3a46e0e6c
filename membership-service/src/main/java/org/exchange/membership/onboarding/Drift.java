package org.exchange.membership.onboarding;

/**
 * One difference between what membership-service onboarded and what Keycloak holds.
 *
 * @param alias the identity provider it concerns
 * @param organisationId the organisation the platform has for it, or the one a mapper names
 * @param kind what is different
 * @param detail the difference in words
 */
public record Drift(String alias, String organisationId, Kind kind, String detail) {

    /** What kind of difference. */
    public enum Kind {
        /** Keycloak lacks an onboarded provider. */
        PROVIDER_MISSING,
        /** The provider's endpoints, client id or enabled flag are not as onboarded. */
        PROVIDER_WRONG,
        /** One of an onboarded provider's mappers is gone. */
        MAPPER_MISSING,
        /** One of an onboarded provider's mappers does something else. */
        MAPPER_WRONG,
        /** A mapper sets an organisation membership-service does not know: its users would belong nowhere. */
        UNKNOWN_ORGANISATION
    }
}
