package org.exchange.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica: one Lua script refills and takes atomically, on Redis's own
 * clock. If Redis does not answer, requests go ahead (the limit protects the services; it must not take the platform
 * down with it) and the failure is logged.
 */
final class RedisTokenBuckets implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

    /** Returns 0 when a token was taken, else the milliseconds until one is available. */
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local rate = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1]) or capacity
            local at = tonumber(bucket[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) / rate * 1000)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
            return wait
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;

    RedisTokenBuckets(ReactiveStringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Mono<Duration> take(String key, int replenishPerSecond, int capacity) {
        return redis.execute(TAKE, List.of(prefix + key), List.of(String.valueOf(replenishPerSecond),
                        String.valueOf(capacity)))
                .next()
                .map(Duration::ofMillis)
                .timeout(Duration.ofSeconds(1))
                .onErrorResume(e -> {
                    log.warn("Rate limit store (Redis) not answering, letting the request through: {}", e.toString());
                    return Mono.just(Duration.ZERO);
                })
                .defaultIfEmpty(Duration.ZERO);
    }
}
