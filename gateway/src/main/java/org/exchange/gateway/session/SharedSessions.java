package org.exchange.gateway.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * Signed-in sessions (the person's tokens, the request they wanted before signing in) kept in Redis, so that every
 * gateway replica behind a load balancer knows them: {@code exchange.gateway.session.store=redis}, with Redis at
 * {@code spring.data.redis.*}. One gateway on one machine keeps them in memory (the default), needing nothing else.
 * Sessions end after 30 minutes without a request, as in memory; the tokens they hold are refreshed from Keycloak.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "exchange.gateway.session.store", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = "exchange:gateway:session", maxInactiveIntervalInSeconds = 1800)
public class SharedSessions {
}
