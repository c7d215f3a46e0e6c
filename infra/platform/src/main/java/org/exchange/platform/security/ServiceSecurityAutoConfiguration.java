package org.exchange.platform.security;

import java.util.List;

import org.exchange.platform.problem.ProblemResponses;
import org.springdoc.core.utils.SpringDocUtils;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A service is an OAuth2 resource server: every API call carries a Keycloak access token, realm roles become
 * {@code ROLE_<role>} authorities, and refusals are problem details. Sessions and CSRF are the gateway's business.
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

    static {
        // The signed-in Caller comes from the access token, not from the client: keep it out of every service's
        // OpenAPI document, where it would otherwise show as a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
            if (!properties.publicPaths().isEmpty()) {
                requests.requestMatchers(HttpMethod.GET, properties.publicPaths().toArray(String[]::new)).permitAll();
            }
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new Callers()))
                .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                        HttpStatus.UNAUTHORIZED, "A valid access token is needed for this request"))
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
