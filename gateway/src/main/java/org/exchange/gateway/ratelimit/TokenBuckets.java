package org.exchange.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;

/**
 * Token buckets per key, kept in this gateway's memory: each key may burst up to its capacity, then gets
 * {@code replenishPerSecond} requests a second. With several gateway replicas each keeps its own buckets.
 */
final class TokenBuckets implements RateLimitStore {

    /** Buckets untouched this long are full again and can be forgotten. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private long lastSweep;

    TokenBuckets(Clock clock) {
        this.clock = clock;
        this.lastSweep = clock.millis();
    }

    @Override
    public Mono<Duration> take(String key, int replenishPerSecond, int capacity) {
        return Mono.just(takeNow(key, replenishPerSecond, capacity));
    }

    Duration takeNow(String key, int replenishPerSecond, int capacity) {
        long now = clock.millis();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            double refilled = (now - bucket.updatedAt) / 1000.0 * replenishPerSecond;
            bucket.tokens = Math.min(capacity, bucket.tokens + refilled);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            double seconds = (1 - bucket.tokens) / replenishPerSecond;
            return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < IDLE.toMillis()) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(entry -> now - entry.getValue().updatedAt > IDLE.toMillis());
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
