package org.exchange.membership.appointment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A person's account in Keycloak, changed through its admin API with the platform's service account: its realm roles,
 * and its end when the person is erased. The account's id is the person's subject id, the practitioner id. Calls are
 * retried briefly and guarded by a circuit breaker, so a Keycloak that is down fails fast; {@link IdentitySync} tries
 * again later.
 */
class KeycloakAccounts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeycloakAccounts.class);

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

    KeycloakAccounts(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /**
     * Makes the person hold the realm role, or not: idempotent, so it may be repeated until it succeeds.
     *
     * @return whether Keycloak had to change (false when it already agreed)
     */
    boolean setRole(UUID person, String role, boolean held) {
        return guarded(() -> {
            var roles = user(person).roles().realmLevel();
            boolean holds = roles.listAll().stream().anyMatch(mapped -> role.equals(mapped.getName()));
            if (holds == held) {
                return false;
            }
            if (held) {
                roles.add(List.of(representation(role)));
            } else {
                roles.remove(List.of(representation(role)));
            }
            return true;
        });
    }

    /** Everyone the realm role is mapped to directly. */
    Set<UUID> members(String role) {
        return guarded(() -> {
            Set<UUID> members = new HashSet<>();
            int page = 100;
            for (int first = 0;; first += page) {
                List<UserRepresentation> users = keycloak.realm(realm).roles().get(role).getUserMembers(first, page);
                users.forEach(user -> members.add(UUID.fromString(user.getId())));
                if (users.size() < page) {
                    return members;
                }
            }
        });
    }

    /**
     * Ends the account of an erased person by deleting it, and with it everything Keycloak holds about them: username,
     * e-mail address, names, attributes, credentials, links to partner identity providers, realm roles and sessions
     * (a refresh token of it is refused from then on). ADR 0015 says why it is deleted rather than disabled.
     * Idempotent, so it may be repeated until it succeeds.
     *
     * @return whether there was an account to end (false when it is gone already)
     */
    boolean end(UUID person) {
        return guarded(() -> {
            Response answer = keycloak.realm(realm).users().delete(person.toString());
            if (answer.getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                answer.close();
                return false;
            }
            if (answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new WebApplicationException(answer); // read and closed where it is caught
            }
            answer.close();
            return true;
        });
    }

    /** Whether Keycloak has an account for the person. */
    boolean exists(UUID person) {
        try {
            guarded(() -> user(person));
            return true;
        } catch (UnknownPerson e) {
            return false;
        }
    }

    private UserResource user(UUID person) {
        var user = keycloak.realm(realm).users().get(person.toString());
        try {
            user.toRepresentation();
        } catch (NotFoundException e) {
            e.getResponse().close(); // gives the pooled connection back; a leaked one per miss exhausts the pool
            throw new UnknownPerson(person);
        }
        return user;
    }

    private RoleRepresentation representation(String role) {
        return keycloak.realm(realm).roles().get(role).toRepresentation();
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(retry, call)).get();
        } catch (UnknownPerson e) {
            throw e;
        } catch (WebApplicationException e) {
            String refusal = "HTTP " + e.getResponse().getStatus() + " " + answerOf(e.getResponse());
            log.warn("Keycloak refused a change of an account: {}", refusal);
            throw new IdentityProviderUnavailable(refusal, e);
        } catch (ProcessingException | io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            log.warn("Keycloak could not be reached to change an account: {}", e.toString());
            throw new IdentityProviderUnavailable(e);
        }
    }

    /** What Keycloak said when it refused, shortened; reading it gives the pooled connection back. */
    private static String answerOf(Response response) {
        try (response) {
            String answer = response.hasEntity() ? response.readEntity(String.class) : "";
            return answer.length() > 300 ? answer.substring(0, 300) + "..." : answer;
        } catch (RuntimeException e) {
            return "(unreadable answer)";
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
            this(cause.getMessage(), cause);
        }

        IdentityProviderUnavailable(String why, Throwable cause) {
            super("The identity provider did not take the change: " + why, cause);
        }
    }
}
