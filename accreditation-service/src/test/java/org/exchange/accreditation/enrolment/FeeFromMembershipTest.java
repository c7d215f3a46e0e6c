package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.today;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.accreditation.support.Events;
import org.exchange.contracts.Topics;
import org.junit.jupiter.api.Test;

/** The fee's invoice and payment, as membership-service tells them, show on the enrolment (docs/adr/0006). */
class FeeFromMembershipTest extends AccreditationIntegrationTest {

    @Test
    void theFeesInvoiceAndItsPaymentShowOnTheEnrolment() throws Exception {
        Person candidate = practitioner("Fen", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID invoice = UUID.randomUUID();

        Events.send(Topics.MEMBERSHIP, "membership.InvoiceIssued.v1", invoice.toString(), """
                {"invoiceId":"%s","invoiceNumber":"EXM-2026-0500","practitionerId":"%s","purpose":"AWARD",
                 "membershipYear":2026,"amount":995.00,"currency":"GBP","issuedOn":"%s","dueOn":"%s",
                 "issuedAt":"%s","enrolmentId":"%s","programmeTitle":"ILM Development Award"}"""
                .formatted(invoice, candidate.id(), today(), today().plusDays(30), Instant.now(), enrolment));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.enrolment(enrolment, candidate).contains("EXM-2026-0500"));
        assertThat(JsonPath.<Map<String, Object>>read(api.enrolment(enrolment, candidate), "$.fee"))
                .containsEntry("currency", "GBP").doesNotContainKey("paidOn");

        Events.send(Topics.MEMBERSHIP, "membership.PaymentRecorded.v1", invoice.toString(), """
                {"invoiceId":"%s","invoiceNumber":"EXM-2026-0500","practitionerId":"%s","amount":995.00,
                 "currency":"GBP","method":"BANK_TRANSFER","paidOn":"%s","recordedBy":"%s","recordedAt":"%s"}"""
                .formatted(invoice, candidate.id(), today(), UUID.randomUUID(), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> today().toString().equals(
                JsonPath.read(api.enrolment(enrolment, candidate), "$.fee.paidOn")));
    }
}
