package org.exchange.gateway.security;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;


/**
 * When the management endpoints have a port of their own ({@code management.server.port}: the Helm chart's, which
 * only the in-cluster {@code gateway-management} Service names), requests on that port reach {@code /actuator} with
 * no token: Prometheus scrapes the metrics there and the kubelet probes health. The public port, which the ingress
 * routes to, keeps refusing {@code /actuator/**} to anyone without the realm role ops (GatewaySecurity), and serves
 * none of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ManagementPort {

    /** The port the management server listens on, once it does. */
    private final AtomicInteger port = new AtomicInteger(-1);

    /** The management server's start, published by its own context to this one, says which port it took. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> managementServerPort() {
        return event -> {
            if ("management".equals(event.getApplicationContext().getServerNamespace())) {
                port.set(event.getWebServer().getPort());
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPortSecurity(ServerHttpSecurity http) {
        ServerWebExchangeMatcher onTheManagementPort = exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            return local != null && local.getPort() == port.get()
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return http.securityMatcher(onTheManagementPort)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }
}
