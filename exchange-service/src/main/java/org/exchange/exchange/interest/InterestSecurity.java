package org.exchange.exchange.interest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Opens registering interest by e-mail, and its confirmation and withdrawal links, to anyone, POST included: the
 * platform's public paths cover GET only. The address's confirmation (and the token in each link) is the credential;
 * the rate limits are {@link InterestRules}. Matches nothing else.
 */
@Configuration(proxyBeanMethods = false)
class InterestSecurity {

    static final String[] OPEN = { "/api/exchange/interests/by-email", "/api/exchange/interests/confirmation",
            "/api/exchange/interests/withdrawal" };

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain interestByEmailOpenToAnyone(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder post = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(java.util.Arrays.stream(OPEN)
                        .map(path -> (org.springframework.security.web.util.matcher.RequestMatcher)
                                post.matcher(HttpMethod.POST, path)).toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie or session is involved here; the gateway checks the portal's CSRF token
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
