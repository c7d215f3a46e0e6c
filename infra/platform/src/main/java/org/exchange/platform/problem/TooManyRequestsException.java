package org.exchange.platform.problem;

import java.time.Duration;

/** The caller did this too often in too short a time (a rate limit of the domain): answered 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
