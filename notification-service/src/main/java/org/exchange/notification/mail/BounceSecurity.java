package org.exchange.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.exchange.platform.problem.ProblemResponses;
import org.exchange.platform.security.Callers;
import org.exchange.platform.security.SecretTokens;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The bounce endpoint is for the mail system, not for people: it signs in with HTTP Basic as
 * {@code exchange.mail.bounces.username} with the shared secret {@code exchange.mail.bounces.password} (no secret set:
 * nobody can report). A person's access token is recognised and refused (403), so that the endpoint answers like every
 * other one a role may not call. Matches that path only.
 */
@Configuration(proxyBeanMethods = false)
class BounceSecurity {

    /** The OpenAPI security scheme of the bounce endpoint. */
    static final String SCHEME = "bounce-reporter";
    private static final String ROLE = "bounce-reporter";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain bounceReportsFromTheMailSystem(HttpSecurity http, ProblemResponses problems,
            @Value("${exchange.mail.bounces.username:bounces}") String username,
            @Value("${exchange.mail.bounces.password:}") String password) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"bounces\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "The mail system's credentials are needed to report bounces");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(request, response,
                HttpStatus.FORBIDDEN, "Only the mail system reports bounces");
        http.securityMatcher(BounceController.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
                .authenticationProvider(sharedSecret(username, password))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new Callers()))
                        .authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie or session is involved, so there is nothing for a forged request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The mail system's sign-in: its name and the shared secret, compared in constant time. */
    private static AuthenticationProvider sharedSecret(String username, String password) {
        byte[] expected = digest(username + ":" + password);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication given) {
                byte[] presented = digest(given.getName() + ":" + given.getCredentials());
                if (password.isBlank() || !MessageDigest.isEqual(expected, presented)) {
                    throw new BadCredentialsException("Not the mail system's credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(username, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static byte[] digest(String value) {
        return SecretTokens.sha256Hex(value.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The endpoint's scheme in the OpenAPI document, in place of the bearer token the other operations take. */
    @Bean
    OpenApiCustomizer bounceReporterScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new io.swagger.v3.oas.models.Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("The mail system's name and shared secret "
                            + "(exchange.mail.bounces.username and .password)"));
            var item = openApi.getPaths() == null ? null : openApi.getPaths().get(BounceController.PATH);
            if (item != null && item.getPost() != null) {
                item.getPost().security(List.of(new SecurityRequirement().addList(SCHEME)));
            }
        };
    }
}
