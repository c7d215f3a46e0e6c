package org.exchange.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Where the per-person token buckets are kept: this gateway's memory, or Redis shared by every replica. */
interface RateLimitStore {

    /**
     * Takes one token from the key's bucket.
     *
     * @return zero when the request may go ahead, otherwise how long until a token is available
     */
    Mono<Duration> take(String key, int replenishPerSecond, int capacity);
}
