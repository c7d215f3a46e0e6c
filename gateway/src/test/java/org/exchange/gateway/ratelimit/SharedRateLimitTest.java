package org.exchange.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.exchange.gateway.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code exchange.gateway.rate-limit.store=redis} the buckets live in a real Redis, shared by every replica: two
 * gateway replicas counting against one Redis give a person one budget between them.
 */
@SpringBootTest(properties = "exchange.gateway.rate-limit.store=redis")
class SharedRateLimitTest {

    @Autowired
    RateLimitStore configured;

    @Autowired
    ReactiveRedisConnectionFactory redis;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> TestRedis.shared().host);
        registry.add("spring.data.redis.port", () -> TestRedis.shared().port);
    }

    @Test
    void theGatewayKeepsItsBucketsInRedisWhenToldTo() {
        assertThat(configured).isInstanceOf(RedisTokenBuckets.class);
    }

    @Test
    void aBurstIsSharedByEveryReplicaAndTellsHowLongToWait() {
        RateLimitStore replicaA = replica();
        RateLimitStore replicaB = replica();
        String person = "route|user:" + UUID.randomUUID();

        List<Duration> waits = List.of(take(replicaA, person), take(replicaB, person), take(replicaA, person),
                take(replicaB, person));

        assertThat(waits.subList(0, 3)).allMatch(Duration::isZero);
        assertThat(waits.get(3)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(take(replicaB, "route|user:" + UUID.randomUUID())).as("someone else's budget").isZero();
    }

    @Test
    void aBucketExpiresInRedisOnceItWouldBeFullAgain() {
        String person = "route|user:" + UUID.randomUUID();
        take(replica(), person);

        Duration ttl = new ReactiveStringRedisTemplate(redis).getExpire("exchange:rate-limit:" + person).block();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    private RateLimitStore replica() {
        return new RedisTokenBuckets(new ReactiveStringRedisTemplate(redis), "exchange:rate-limit:");
    }

    /** One request at one a second, three at once. */
    private static Duration take(RateLimitStore store, String key) {
        return store.take(key, 1, 3).block(Duration.ofSeconds(5));
    }
}
