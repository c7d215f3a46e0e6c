package org.exchange.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aRatePerSecondMakesTheNextMessageWaitForTheSecondToPass() {
        Throttle throttle = new Throttle(2, 0, clock);
        throttle.sent();
        now = now.plusMillis(100);
        throttle.sent();

        assertThat(throttle.waitBeforeNext()).isEqualTo(Duration.ofMillis(900));
        now = now.plusMillis(900);
        assertThat(throttle.waitBeforeNext()).isZero();
    }

    @Test
    void aRatePerMinuteHoldsMessagesUntilTheOldestIsAMinuteOld() {
        Throttle throttle = new Throttle(0, 3, clock);
        for (int i = 0; i < 3; i++) {
            throttle.sent();
            now = now.plusSeconds(10);
        }

        assertThat(throttle.waitBeforeNext()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noRateMeansNoWait() {
        Throttle throttle = new Throttle(0, 0, clock);
        for (int i = 0; i < 1000; i++) {
            throttle.sent();
        }

        assertThat(throttle.waitBeforeNext()).isZero();
    }
}
