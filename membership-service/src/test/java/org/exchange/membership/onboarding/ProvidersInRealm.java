package org.exchange.membership.onboarding;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import org.exchange.membership.support.RealKeycloak;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/** The platform realm's identity providers and their mappers as Keycloak's administrator sees them. */
final class ProvidersInRealm {

    private ProvidersInRealm() {
    }

    /** The provider, or null when Keycloak has none under the alias. */
    static IdentityProviderRepresentation provider(RealKeycloak keycloak, String alias) {
        return keycloak.asAdministrator(realm -> {
            try {
                return realm.identityProviders().get(alias).toRepresentation();
            } catch (NotFoundException e) {
                return null;
            }
        });
    }

    /** Its mappers; none when there is no such provider. */
    static List<IdentityProviderMapperRepresentation> mappers(RealKeycloak keycloak, String alias) {
        return keycloak.asAdministrator(realm -> {
            try {
                return realm.identityProviders().get(alias).getMappers();
            } catch (NotFoundException e) {
                return List.of();
            }
        });
    }

    static IdentityProviderMapperRepresentation mapper(RealKeycloak keycloak, String alias, String name) {
        return mappers(keycloak, alias).stream().filter(mapper -> name.equals(mapper.getName())).findFirst()
                .orElseThrow();
    }
}
