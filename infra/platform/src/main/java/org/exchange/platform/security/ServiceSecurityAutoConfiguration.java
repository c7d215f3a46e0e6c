package org.exchange.platform.security;

import java.util.List;

import org.exchange.platform.problem.ProblemResponses;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A service is an OAuth2 resource server: every API call carries a Keycloak access token issued for the platform's
 * API (its audience, {@code exchange.security.audience}), realm roles become {@code ROLE_<role>} authorities, and
 * refusals are problem details. Sessions and CSRF are the gateway's business.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/error");

    /**
     * Spring Security does not observe itself (its filter chain, authentication and authorisation as observations and
     * spans): the profile of issue 15 found it the larger part of each request's observation cost. The server's own
     * observation (the {@code http.server.requests} metrics, the trace and its W3C propagation) stays.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
            if (!properties.publicPaths().isEmpty()) {
                requests.requestMatchers(HttpMethod.GET, properties.publicPaths().toArray(String[]::new)).permitAll();
            }
            if (!properties.openPaths().isEmpty()) {
                requests.requestMatchers(properties.openPaths().toArray(String[]::new)).permitAll();
            }
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new Callers()))
                .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                        HttpStatus.UNAUTHORIZED, "A valid access token is needed for this request" + reason(e)))
                .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                        HttpStatus.FORBIDDEN, "You are not allowed to do this")));
        http.exceptionHandling(handling -> handling
                .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                        HttpStatus.UNAUTHORIZED, "A valid access token is needed for this request"))
                .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                        HttpStatus.FORBIDDEN, "You are not allowed to do this")));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // Services take bearer tokens only; the gateway protects the portal's browser session against CSRF.
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** A token verified once is not verified again until it expires ({@link RememberedTokens}). */
    @Bean
    static BeanPostProcessor rememberedBearerTokens() {
        return RememberedTokens.rememberingDecoders();
    }

    /** Why a presented token was refused (expired, not for this audience), as the token validators say it. */
    private static String reason(AuthenticationException refusal) {
        return refusal instanceof OAuth2AuthenticationException invalid && invalid.getError().getDescription() != null
                ? ": " + invalid.getError().getDescription() : "";
    }

    /**
     * Spring Boot adds this to the issuer and expiry checks of the service's token decoder: a token the realm issued
     * to another of its clients (its account console, {@code admin-cli}, a partner's integration) does not name the
     * platform's API as its audience and is refused with 401, although the realm signed it.
     */
    @Bean
    OAuth2TokenValidator<Jwt> platformAudience(SecurityProperties properties) {
        String audience = properties.audience();
        OAuth2Error notForUs = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The access token was not issued for the audience " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(notForUs);
    }

    /**
     * A request the firewall refuses (a path with {@code ..}, an encoded slash or period, a semicolon) gets a 400
     * problem detail that says why, not a bare 400.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "This address is not allowed: " + rejected.getMessage());
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
