package org.exchange.bench;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Instants as microseconds since the epoch: the resolution PostgreSQL keeps. The services, PostgreSQL and the
 * benchmark run on one machine and read one wall clock, so their instants compare directly.
 */
final class Micros {

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static long of(OffsetDateTime time) {
        return of(time.toInstant());
    }
}
