package org.exchange.membership.appointment;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * A person's realm roles in Keycloak, changed through its admin API with the platform's service account. Calls are
 * retried briefly and guarded by a circuit breaker, so a Keycloak that is down fails fast with a clear answer.
 */
class RealmRoles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RealmRoles.class);

    private final Keycloak keycloak;
    private final String realm;
    private final CircuitBreaker breaker = CircuitBreaker.of("keycloak-admin", CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
            .waitDurationInOpenState(java.time.Duration.ofSeconds(10))
            .ignoreExceptions(UnknownPerson.class)
            .build());
    private final Retry retry = Retry.of("keycloak-admin", RetryConfig.custom()
            .maxAttempts(3).waitDuration(java.time.Duration.ofMillis(200))
            .retryExceptions(ProcessingException.class)
            .build());

    RealmRoles(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    void grant(UUID person, String role) {
        guarded(() -> {
            user(person).roles().realmLevel().add(List.of(representation(role)));
            return null;
        });
    }

    void revoke(UUID person, String role) {
        guarded(() -> {
            user(person).roles().realmLevel().remove(List.of(representation(role)));
            return null;
        });
    }

    private org.keycloak.admin.client.resource.UserResource user(UUID person) {
        var user = keycloak.realm(realm).users().get(person.toString());
        try {
            user.toRepresentation();
        } catch (NotFoundException e) {
            throw new UnknownPerson(person);
        }
        return user;
    }

    private RoleRepresentation representation(String role) {
        return keycloak.realm(realm).roles().get(role).toRepresentation();
    }

    private void guarded(Supplier<Void> call) {
        try {
            CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(retry, call)).get();
        } catch (UnknownPerson e) {
            throw e;
        } catch (WebApplicationException e) {
            log.warn("Keycloak refused a change of realm roles: HTTP {} {}", e.getResponse().getStatus(),
                    e.getMessage());
            throw new IdentityProviderUnavailable(e);
        } catch (ProcessingException | io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            log.warn("Keycloak could not be reached to change realm roles: {}", e.toString());
            throw new IdentityProviderUnavailable(e);
        }
    }

    /** The identity provider has no such person. */
    static final class UnknownPerson extends RuntimeException {
        UnknownPerson(UUID person) {
            super("The identity provider has no person " + person);
        }
    }

    /** The identity provider could not be reached or refused the change. */
    static final class IdentityProviderUnavailable extends RuntimeException {
        IdentityProviderUnavailable(Throwable cause) {
            super("The identity provider did not take the change: " + cause.getMessage(), cause);
        }
    }
}
