package org.exchange.gateway.ratelimit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The rate limit's buckets: in memory unless {@code exchange.gateway.rate-limit.store=redis}. */
@Configuration(proxyBeanMethods = false)
class RateLimitStores {

    @Bean
    @ConditionalOnProperty(name = "exchange.gateway.rate-limit.store", havingValue = "redis")
    RateLimitStore redisBuckets(ReactiveRedisConnectionFactory redis) {
        return new RedisTokenBuckets(new ReactiveStringRedisTemplate(redis), "exchange:rate-limit:");
    }

    @Bean
    @ConditionalOnProperty(name = "exchange.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    RateLimitStore memoryBuckets() {
        return new TokenBuckets(Clock.systemUTC());
    }
}
