package org.exchange.membership.onboarding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.IdentityProvidersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The platform realm's identity providers and their mappers, and the accounts of partners' staff (ADR 0023), read and
 * changed through Keycloak's admin API with the platform's service account. Calls are retried briefly and guarded by a
 * circuit breaker, so that a Keycloak that is down fails fast; {@link PartnerSignInSync} tries again later. Nothing here ever logs a client secret: Keycloak's
 * refusals are logged by status only.
 */
@Component
class KeycloakProviders {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProviders.class);

    private final Keycloak keycloak;
    private final String realm;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CircuitBreaker breaker = CircuitBreaker.of("keycloak-admin-providers", CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .build());
    private final Retry retry = Retry.of("keycloak-admin-providers", RetryConfig.custom()
            .maxAttempts(3).waitDuration(Duration.ofMillis(200))
            .retryExceptions(ProcessingException.class)
            .build());

    KeycloakProviders(Keycloak keycloak, @Value("${exchange.identity.keycloak.realm}") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /**
     * Makes Keycloak hold the provider and its mappers as given: created when missing, updated when different.
     * Idempotent, so it may be repeated until it succeeds.
     *
     * @return what had to change, in words (empty when Keycloak already agreed on the mappers and only the provider's
     *         settings were written again)
     */
    List<String> apply(IdentityProviderRepresentation provider, List<IdentityProviderMapperRepresentation> mappers) {
        return guarded(() -> {
            List<String> changed = new ArrayList<>();
            IdentityProvidersResource providers = keycloak.realm(realm).identityProviders();
            IdentityProviderResource existing = providers.get(provider.getAlias());
            if (representation(existing) == null) {
                try (Response created = providers.create(provider)) {
                    refuseUnlessSuccessful(created, "create identity provider " + provider.getAlias());
                }
                changed.add("created identity provider " + provider.getAlias());
            } else {
                existing.update(provider); // the secret cannot be compared (Keycloak masks it), so it is always set
            }
            IdentityProviderResource applied = providers.get(provider.getAlias());
            List<IdentityProviderMapperRepresentation> have = applied.getMappers();
            for (IdentityProviderMapperRepresentation want : mappers) {
                IdentityProviderMapperRepresentation current = ProviderInKeycloak.named(have, want.getName());
                if (current == null) {
                    try (Response created = applied.addMapper(want)) {
                        refuseUnlessSuccessful(created, "add mapper " + want.getName());
                    }
                    changed.add("added mapper \"" + want.getName() + "\"");
                } else if (!ProviderInKeycloak.agrees(want, current)) {
                    want.setId(current.getId());
                    applied.update(current.getId(), want);
                    changed.add("corrected mapper \"" + want.getName() + "\"");
                }
            }
            return changed;
        });
    }

    /** The provider Keycloak has under the alias, or null when it has none. */
    IdentityProviderRepresentation provider(String alias) {
        return guarded(() -> representation(keycloak.realm(realm).identityProviders().get(alias)));
    }

    /** The provider's mappers; empty when there is no such provider. */
    List<IdentityProviderMapperRepresentation> mappers(String alias) {
        return guarded(() -> {
            try {
                return keycloak.realm(realm).identityProviders().get(alias).getMappers();
            } catch (NotFoundException e) {
                e.getResponse().close();
                return List.of();
            }
        });
    }

    /** The aliases of every identity provider of the realm, onboarded here or not. */
    List<String> aliases() {
        return guarded(() -> keycloak.realm(realm).identityProviders().findAll().stream()
                .map(IdentityProviderRepresentation::getAlias).toList());
    }

    /**
     * Keycloak's successful sign-in events ({@code LOGIN}) from the given time on (Keycloak's clock, epoch
     * milliseconds), oldest first, at most {@code max}. The realm must store login events ({@code eventsEnabled}) and
     * the service account may read them ({@code view-events}).
     */
    List<EventRepresentation> signInsSince(long from, int max) {
        return guarded(() -> keycloak.realm(realm).getEvents(List.of("LOGIN"), null, null, from,
                System.currentTimeMillis() + Duration.ofDays(1).toMillis(), null, 0, max, "asc"));
    }

    /**
     * The person's link to the partner's identity provider under {@code alias}, as the broker made it at their first
     * sign-in through it, with their username in the platform realm; null when Keycloak has no such person or they
     * have no such link.
     */
    StaffLink linkOf(UUID person, String alias) {
        return guarded(() -> {
            UserResource user = keycloak.realm(realm).users().get(person.toString());
            UserRepresentation account;
            try {
                account = user.toRepresentation();
            } catch (NotFoundException e) {
                e.getResponse().close();
                return null;
            }
            return user.getFederatedIdentity().stream()
                    .filter(link -> alias.equals(link.getIdentityProvider()))
                    .findFirst()
                    .map(link -> new StaffLink(alias, link.getUserId(), link.getUserName(), account.getUsername()))
                    .orElse(null);
        });
    }

    /**
     * Gives the realm back the accounts it lacks, each with its id (the person's subject id), its link to the
     * partner's provider and its realm roles, in one partial import that adds every account or none and leaves an
     * account whose username or e-mail address the realm already has as it is. The realm's default roles are added to
     * each account's roles, as Keycloak gives them to an account it makes itself. Idempotent.
     *
     * @return how many accounts were added
     */
    int restore(List<UserRepresentation> accounts) {
        return guarded(() -> {
            RealmResource platform = keycloak.realm(realm);
            String defaultRoles = platform.toRepresentation().getDefaultRole().getName();
            accounts.forEach(account -> {
                List<String> roles = new ArrayList<>(account.getRealmRoles());
                roles.add(defaultRoles);
                account.setRealmRoles(roles);
            });
            PartialImportRepresentation restoring = new PartialImportRepresentation();
            restoring.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
            restoring.setUsers(accounts);
            try (Response answer = platform.partialImport(restoring)) {
                String said = answer.hasEntity() ? answer.readEntity(String.class) : "";
                if (answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                    log.warn("Keycloak refused to give back the accounts of partner staff: HTTP {} {}",
                            answer.getStatus(), said.length() > 300 ? said.substring(0, 300) + "..." : said);
                    throw new Unavailable("Keycloak refused to give back the accounts of partner staff: HTTP "
                            + answer.getStatus(), null);
                }
                return json.readTree(said).path("added").asInt();
            }
        });
    }

    /** A partner staff member's link to the partner's identity provider, and their username in the platform realm. */
    record StaffLink(String alias, String providerUserId, String providerUsername, String username) {
    }

    private static IdentityProviderRepresentation representation(IdentityProviderResource provider) {
        try {
            return provider.toRepresentation();
        } catch (NotFoundException e) {
            e.getResponse().close(); // gives the pooled connection back
            return null;
        }
    }

    private static void refuseUnlessSuccessful(Response answer, String what) {
        if (answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw new Unavailable("Keycloak refused to " + what + ": HTTP " + answer.getStatus(), null);
        }
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(retry, call)).get();
        } catch (NotAuthorizedException e) {
            // a Keycloak started afresh (new realm keys) refuses the token taken before: take a new one, try again
            e.getResponse().close();
            try {
                keycloak.tokenManager().grantToken();
                return CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(retry, call)).get();
            } catch (RuntimeException again) {
                return failed(again);
            }
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private static <T> T failed(RuntimeException failure) {
        if (failure instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            refused.getResponse().close();
            log.warn("Keycloak refused a change of the realm's identity providers: HTTP {}", status);
            throw new Unavailable("Keycloak refused: HTTP " + status, refused);
        }
        if (failure instanceof ProcessingException || failure instanceof CallNotPermittedException) {
            log.warn("Keycloak could not be reached to manage identity providers: {}", failure.toString());
            throw new Unavailable("Keycloak could not be reached (" + failure.getClass().getSimpleName() + ")",
                    failure);
        }
        throw failure;
    }

    /** Keycloak could not be reached, or refused. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String why, Throwable cause) {
            super(why, cause);
        }
    }
}
