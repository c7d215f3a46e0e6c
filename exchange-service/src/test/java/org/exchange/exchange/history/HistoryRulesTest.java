package org.exchange.exchange.history;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.security.Caller;
import org.junit.jupiter.api.Test;

class HistoryRulesTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    final HistoryRules rules = new HistoryRules(30);

    @Test
    void aProgrammeAdminRecordsHistoryOfAnyDate() {
        assertThatCode(() -> rules.requireMayRecord(caller(Caller.ROLE_PROGRAMME_ADMIN), false,
                Instant.parse("2018-05-01T15:00:00Z"), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aFacilitatorRecordsTheirOwnGroupsHistoryUpToTheSetNumberOfDaysAfterIt() {
        Caller facilitator = caller(Caller.ROLE_FACILITATOR);

        assertThatCode(() -> rules.requireMayRecord(facilitator, true, NOW.minus(Duration.ofDays(30)), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireMayRecord(facilitator, true, NOW.minus(Duration.ofDays(31)), NOW))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("30 days");
    }

    @Test
    void aFacilitatorRecordsNoHistoryOfAGroupTheyDoNotFacilitate() {
        assertThatThrownBy(() -> rules.requireMayRecord(caller(Caller.ROLE_FACILITATOR), false,
                NOW.minus(Duration.ofDays(1)), NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theWindowDefaultsToThirtyDays() {
        assertThatThrownBy(() -> HistoryRules.standard().requireMayRecord(caller(Caller.ROLE_FACILITATOR), true,
                NOW.minus(Duration.ofDays(31)), NOW)).isInstanceOf(ForbiddenException.class);
    }

    private static Caller caller(String role) {
        return new Caller(UUID.randomUUID(), "someone", null, null, null, null, Set.of(Caller.ROLE_PRACTITIONER, role));
    }
}
