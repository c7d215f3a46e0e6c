package org.exchange.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import reactor.core.publisher.Mono;

/**
 * An API call without a session cookie (an API client with its own bearer token, or anyone reading the public API)
 * never touches the session store: it is given a session for the request alone, never looked up, stored or sent back
 * as a cookie. Such a call is stateless by nature, yet Spring Security's request cache
 * ({@code ServerRequestCacheWebFilter}) asks for the session on every request, and Spring's in-memory store creates
 * one on two other threads (boundedElastic, then parallel) that a loaded machine makes the request wait for
 * (docs/performance.md); with Redis it would be a round trip. The portal's calls, which carry the session cookie, and
 * every request outside the API (signing in above all) are served by the session store as before.
 */
final class SessionlessApiCalls implements WebSessionManager {

    private final DefaultWebSessionManager sessions;

    SessionlessApiCalls(DefaultWebSessionManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<WebSession> getSession(ServerWebExchange exchange) {
        return Mono.defer(() -> stateless(exchange) ? Mono.just(new RequestOnlySession())
                : sessions.getSession(exchange));
    }

    private boolean stateless(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return isApi(request.getPath().pathWithinApplication().value())
                && sessions.getSessionIdResolver().resolveSessionIds(exchange).isEmpty();
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    /** A session that lives as long as the request: what is put in it is gone with the answer. */
    private static final class RequestOnlySession implements WebSession {

        private final Map<String, Object> attributes = new HashMap<>();
        private final Instant created = Instant.now();
        private Duration maxIdleTime = Duration.ofMinutes(30);

        @Override
        public String getId() {
            return "";
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            // never stored, so never started
        }

        @Override
        public boolean isStarted() {
            return false;
        }

        @Override
        public Mono<Void> changeSessionId() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> invalidate() {
            attributes.clear();
            return Mono.empty();
        }

        @Override
        public Mono<Void> save() {
            return Mono.empty();
        }

        @Override
        public boolean isExpired() {
            return false;
        }

        @Override
        public Instant getCreationTime() {
            return created;
        }

        @Override
        public Instant getLastAccessTime() {
            return created;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }

    /** The gateway's session manager, in memory or in Redis (SharedSessions), spares sessionless API calls. */
    @Configuration(proxyBeanMethods = false)
    static class Sparing {

        @Bean
        static BeanPostProcessor sessionlessApiCalls() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DefaultWebSessionManager sessions
                            && WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME.equals(beanName)
                            ? new SessionlessApiCalls(sessions) : bean;
                }
            };
        }
    }
}
