package org.exchange.membership.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.membership.organisation.MemorandumOfUnderstanding.Status;
import org.exchange.membership.organisation.MemorandumOfUnderstanding.Terms;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class MemorandumOfUnderstandingTest {

    static final Terms TERMS = new Terms("Host meetings", "Train facilitators", LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 8, 31));

    @Test
    void aDraftIsSignedThenExpires() {
        MemorandumOfUnderstanding signed = draft().sign("Jo Principal", "Principal", LocalDate.of(2026, 9, 2));

        assertThat(signed.status()).isEqualTo(Status.SIGNED);
        assertThat(signed.hasEndedBy(LocalDate.of(2027, 8, 31))).isFalse();
        assertThat(signed.hasEndedBy(LocalDate.of(2027, 9, 1))).isTrue();
        assertThat(signed.expire().status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void onlyADraftIsRevisedOrSignedAndOnlyASignedOneExpires() {
        MemorandumOfUnderstanding signed = draft().sign("Jo", null, LocalDate.of(2026, 9, 2));

        assertThatThrownBy(() -> signed.revise(TERMS)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> signed.sign("Jo", null, LocalDate.of(2026, 9, 3))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> draft().expire()).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMemorandumEndsAfterItStarts() {
        Terms backwards = new Terms("a", "b", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1));

        assertThatThrownBy(() -> MemorandumOfUnderstanding.draft(UUID.randomUUID(), "org-x", backwards, Instant.now()))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static MemorandumOfUnderstanding draft() {
        return MemorandumOfUnderstanding.draft(UUID.randomUUID(), "org-westmid-college", TERMS, Instant.now());
    }
}
