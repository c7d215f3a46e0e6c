package org.exchange.membership.appointment;

import java.util.concurrent.TimeUnit;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keycloak's admin API, reached with the platform's service account (client credentials). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProviderConfiguration.KeycloakAdmin.class)
class IdentityProviderConfiguration {

    /**
     * Where Keycloak's admin API is and the service account that may manage the realm's users.
     *
     * @param serverUrl Keycloak's base address, such as {@code http://localhost:8180}
     */
    @ConfigurationProperties("exchange.identity.keycloak")
    record KeycloakAdmin(String serverUrl, String realm, String clientId, String clientSecret) {
    }

    /**
     * No connection is made until the first call. Every call has a deadline, waiting for a pooled connection included:
     * a Keycloak that does not answer must not hold an identity-sync worker, and the row lock it holds, for ever.
     */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakAdmin settings) {
        return KeycloakBuilder.builder()
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectionPoolSize(10)
                        .register(JacksonProvider.class, 100)
                        .connectionCheckoutTimeout(5, TimeUnit.SECONDS)
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS)
                        .build())
                .serverUrl(settings.serverUrl())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .build();
    }

    @Bean
    KeycloakAccounts keycloakAccounts(Keycloak keycloak, KeycloakAdmin settings) {
        return new KeycloakAccounts(keycloak, settings.realm());
    }
}
