package org.exchange.membership.onboarding;

/**
 * What a partner's provider publishes (an OpenID Connect discovery document, SAML 2.0 metadata) cannot be fetched, or
 * does not describe a provider Keycloak can broker: 422, naming the request's field it concerns.
 */
final class Unusable extends RuntimeException {

    private final String field;

    Unusable(String field, String what) {
        super(what);
        this.field = field;
    }

    /** The request's field, such as {@code discoveryUrl} or {@code metadataXml}. */
    String field() {
        return field;
    }
}
