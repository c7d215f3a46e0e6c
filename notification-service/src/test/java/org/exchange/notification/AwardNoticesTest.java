package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.accreditation.ObservationRecorded;
import org.exchange.contracts.accreditation.PanelAssigned;
import org.exchange.contracts.accreditation.PanelRecommended;
import org.exchange.contracts.accreditation.ReadyForAssessment;
import org.exchange.contracts.membership.InvoiceIssued;
import org.junit.jupiter.api.Test;

class AwardNoticesTest extends NotificationIntegrationTest {

    static final String DEVELOPMENT = "ILM Development Award in Practitioner-Led Learning Exchange";

    @Test
    void theCandidateHearsOfAnObservationOfBeingReadyAndOfTheirAwardOnceEach() throws Exception {
        Person candidate = registeredPractitioner("Cara");
        UUID enrolment = UUID.randomUUID();

        var observed = publishAndAwait(new ObservationRecorded(UUID.randomUUID(), enrolment, candidate.id(),
                UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 20), true, Instant.now()), enrolment);
        publishAndAwait(new ReadyForAssessment(enrolment, candidate.id(), "ILM-DEVELOPMENT-PLLE", DEVELOPMENT,
                Instant.now()), enrolment);
        publishAndAwait(new AwardCompleted(enrolment, candidate.id(), "ILM-DEVELOPMENT-PLLE", DEVELOPMENT,
                LocalDate.of(2026, 11, 30)), enrolment);

        assertThat(awaitOneMail(candidate.email(), "A peer assessor observed your workshop").text())
                .contains("Hello Cara", "20 November 2026", "it counts towards your award");
        awaitOneMail(candidate.email(), "You are ready for assessment: " + DEVELOPMENT);
        publishAndAwait(new PanelRecommended(enrolment, candidate.id(), "ILM-DEVELOPMENT-PLLE", DEVELOPMENT,
                Instant.now()), enrolment);
        assertThat(awaitOneMail(candidate.email(), "Your panel recommends you for the " + DEVELOPMENT).text())
                .contains("Both assessors");
        assertThat(awaitOneMail(candidate.email(), "Congratulations: " + DEVELOPMENT).text())
                .contains("30 November 2026", "certificate", "Open Badges credential");
        oneFeedEntry(candidate.id(), "Congratulations: " + DEVELOPMENT, "AWARD");

        redeliver(observed);
        assertThat(mailsQueuedFor(observed)).isEqualTo(1);
    }

    @Test
    void bothAssessorsHearOfThePanelTheySitOn() throws Exception {
        Person academy = registeredPractitioner("Ada");
        Person own = registeredPractitioner("Owen");
        UUID enrolment = UUID.randomUUID();

        publishAndAwait(new PanelAssigned(enrolment, UUID.randomUUID(), "Cara Candidate", DEVELOPMENT, academy.id(),
                own.id(), Instant.now()), enrolment);

        String subject = "You are on an assessment panel: Cara Candidate";
        assertThat(awaitOneMail(academy.email(), subject).text()).contains("Hello Ada", DEVELOPMENT);
        awaitOneMail(own.email(), subject);
        oneFeedEntry(own.id(), subject, "AWARD");
    }

    @Test
    void anAwardInvoiceNamesTheProgrammeNotAMembership() throws Exception {
        Person candidate = registeredPractitioner("Ian");
        UUID invoice = UUID.randomUUID();

        publishAndAwait(new InvoiceIssued(invoice, "EXM-2026-0123", null, candidate.id(), candidate.email(), "Ian",
                "AWARD", 2026, new BigDecimal("995.00"), "GBP", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 30), Instant.now(), UUID.randomUUID(), DEVELOPMENT), invoice);

        assertThat(awaitOneMail(candidate.email(), "Invoice EXM-2026-0123 for the " + DEVELOPMENT).text())
                .contains("£995.00", "Reference:       EXM-2026-0123").doesNotContain("membership year");
    }
}
