package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.exchange.contracts.membership.InvoiceIssued;
import org.exchange.contracts.membership.MembershipActivated;
import org.exchange.contracts.membership.MembershipLapsed;
import org.exchange.contracts.membership.MembershipRenewalDue;
import org.exchange.contracts.membership.MembershipRenewed;
import org.exchange.contracts.membership.PaymentRecorded;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.junit.jupiter.api.Test;

class MembershipNoticesTest extends NotificationIntegrationTest {

    @Test
    void aRenewalReminderGivesTheExpiryDateAndTheCpdEvidenceNeededOnceEvenWhenRedelivered() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "renewal-" + member + "@college.test";
        var due = publish(event(new MembershipRenewalDue(UUID.randomUUID(), member, email, "Ada",
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), new BigDecimal("30.0"), 1, Instant.now()),
                member));

        String subject = "Your Learning Exchange membership ends on 31 December 2026";
        String text = awaitOneMail(email, subject).text();
        assertThat(text).contains("Hello Ada", "ends on 31 December 2026", "at least 30 hours of CPD",
                "reflections", "lapse");
        assertThat(oneFeedEntry(member, subject, "RENEWAL")).contains("at least 30 hours of CPD");

        assertRedeliveryChangesNothing(due, member, email, subject);
    }

    @Test
    void aMemberWhoSwitchedRenewalRemindersOffGetsThemInTheFeedOnlyButStillHearsOfALapseByMail() throws Exception {
        Person member = registeredPractitioner("Rita");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/notifications/preferences").with(signedIn(member.id()))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"categories\":[{\"category\":\"RENEWAL\",\"email\":false}]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());

        var due = publishAndAwait(new MembershipRenewalDue(UUID.randomUUID(), member.id(), member.email(), "Rita",
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), new BigDecimal("30"), 1, Instant.now()),
                member.id());
        publish(event(new MembershipLapsed(UUID.randomUUID(), member.id(), member.email(), "Rita",
                LocalDate.of(2026, 12, 31), Instant.now()), member.id()));

        awaitOneMail(member.email(), "Your Learning Exchange membership has lapsed");
        oneFeedEntry(member.id(), "Your Learning Exchange membership ends on 31 December 2026", "RENEWAL");
        assertThat(mailsQueuedFor(due)).isZero();
    }

    @Test
    void aSecondRenewalReminderSaysItIsAReminder() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "second-reminder-" + member + "@college.test";
        publish(event(new MembershipRenewalDue(UUID.randomUUID(), member, email, "Ada", LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 31), new BigDecimal("30"), 2, Instant.now()), member));

        awaitOneMail(email, "Reminder: your Learning Exchange membership ends on 31 December 2026");
    }

    @Test
    void aLapsedMembershipIsToldByMailAndInTheFeedOnce() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "lapsed-" + member + "@college.test";
        var lapsed = publish(event(new MembershipLapsed(UUID.randomUUID(), member, email, "Alan",
                LocalDate.of(2026, 10, 31), Instant.now()), member));

        String subject = "Your Learning Exchange membership has lapsed";
        assertThat(awaitOneMail(email, subject).text()).contains("Hello Alan", "ended on 31 October 2026",
                "rejoin");
        oneFeedEntry(member, subject, "MEMBERSHIP");

        assertRedeliveryChangesNothing(lapsed, member, email, subject);
    }

    @Test
    void anInvoiceGivesItsNumberAmountDueDateAndHowToPayByBankTransfer() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "invoice-" + member + "@college.test";
        var issued = publish(event(new InvoiceIssued(UUID.randomUUID(), "EXM-2026-0042", UUID.randomUUID(), member,
                email, "Grace", "MEMBERSHIP", 2026, new BigDecimal("195.00"), "GBP", LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 12, 24), Instant.now()), member));

        String subject = "Invoice EXM-2026-0042 for your Learning Exchange membership";
        String text = awaitOneMail(email, subject).text();
        assertThat(text).contains("Hello Grace", "EXM-2026-0042", "£195.00", "24 December 2026",
                "How to pay by bank transfer", "Sort code:", "Account number:", "Reference:       EXM-2026-0042");
        oneFeedEntry(member, subject, "INVOICE");

        assertRedeliveryChangesNothing(issued, member, email, subject);
    }

    @Test
    void anActivatedMembershipWelcomesTheMemberWithTheMembershipYear() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "activated-" + member + "@college.test";
        var activated = publish(event(new MembershipActivated(UUID.randomUUID(), member, email, "Mary",
                LocalDate.of(2026, 11, 24), LocalDate.of(2027, 11, 23), UUID.randomUUID(), Instant.now()), member));

        String subject = "Welcome to the Learning Exchange";
        assertThat(awaitOneMail(email, subject).text()).contains("Hello Mary", "from 24 November 2026 to 23 November 2027");
        oneFeedEntry(member, subject, "MEMBERSHIP");

        assertRedeliveryChangesNothing(activated, member, email, subject);
    }

    @Test
    void aRenewedMembershipConfirmsTheNewMembershipYear() throws Exception {
        UUID member = UUID.randomUUID();
        String email = "renewed-" + member + "@college.test";
        var renewed = publish(event(new MembershipRenewed(UUID.randomUUID(), member, email, "Mary",
                LocalDate.of(2027, 11, 24), LocalDate.of(2028, 11, 23), UUID.randomUUID(), Instant.now()), member));

        String subject = "Your Learning Exchange membership is renewed";
        assertThat(awaitOneMail(email, subject).text()).contains("from 24 November 2027 to 23 November 2028");
        oneFeedEntry(member, subject, "MEMBERSHIP");

        assertRedeliveryChangesNothing(renewed, member, email, subject);
    }

    @Test
    void aRecordedPaymentSendsAReceiptToTheAddressOfTheLatestProfile() throws Exception {
        Person payer = registeredPractitioner("Katherine");
        String newEmail = "katherine-new-" + payer.id() + "@college.test";
        publishAndAwait(new PractitionerProfileUpdated(payer.id(), newEmail, "Kate", "Johnson", "Lecturer in maths",
                "org-westmid-college", "West Midlands", List.of("maths"), true, true, Instant.now()), payer.id());

        var paid = publish(event(new PaymentRecorded(UUID.randomUUID(), "EXM-2026-0043", UUID.randomUUID(),
                payer.id(), new BigDecimal("195.00"), "GBP", "BANK_TRANSFER", "JOHNSON EXM-2026-0043",
                LocalDate.of(2026, 11, 20), UUID.randomUUID(), Instant.now()), payer.id()));

        String subject = "Receipt for invoice EXM-2026-0043";
        assertThat(awaitOneMail(newEmail, subject).text()).contains("Hello Kate", "£195.00", "20 November 2026",
                "bank transfer", "JOHNSON EXM-2026-0043");
        assertThat(mails(payer.email(), subject)).isEmpty();
        oneFeedEntry(payer.id(), subject, "INVOICE");

        assertRedeliveryChangesNothing(paid, payer.id(), newEmail, subject);
    }

    @Test
    void consentInTheProfileSwitchesTheNewsletterOnAndWithdrawingItSwitchesItOff() throws Exception {
        Person person = registeredPractitioner("Dorothy");
        publishAndAwait(profile(person, true), person.id());
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person.id())))
                .andExpect(jsonPath("$.categories[?(@.category == 'NEWSLETTER')].email").value(true));

        publishAndAwait(profile(person, false), person.id());
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person.id())))
                .andExpect(jsonPath("$.categories[?(@.category == 'NEWSLETTER')].email").value(false));
    }

    private static PractitionerProfileUpdated profile(Person person, boolean newsletterConsent) {
        return new PractitionerProfileUpdated(person.id(), person.email(), person.givenName(), "Hodgkin",
                "Lecturer in science", null, "West Midlands", List.of("science"), newsletterConsent, false,
                Instant.now());
    }

    private void assertRedeliveryChangesNothing(ProducerRecord<String, byte[]> record, UUID person, String email,
            String subject) throws Exception {
        redeliver(record);
        assertThat(mailsQueued(email, subject)).as("mails queued after redelivery").isEqualTo(1);
        assertThat(mails(email, subject)).as("mails received after redelivery").hasSize(1);
        assertThat(feedEntries(person, subject)).as("feed entries after redelivery").hasSize(1);
    }
}
