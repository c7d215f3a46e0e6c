package org.exchange.notification.preference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Opens the unsubscribe links to anyone, POST included: the platform's public paths cover GET only, and a mail
 * client's one-click POST carries no token. The secret in the path is the credential. Matches nothing else.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain unsubscribeLinksOpenToAnyone(HttpSecurity http) throws Exception {
        http.securityMatcher(UnsubscribeLinks.PATH + "*")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie or session is involved, so there is nothing for a forged request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
