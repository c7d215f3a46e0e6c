package org.exchange.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@MembershipIntegrationTest
class MembershipLifecycleTest {

    static final LocalDate PAID_ON = LocalDate.of(2027, 3, 10);

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    RenewalJob renewalJob;

    Api api;
    EventsOnTopic events;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clock.setDay(PAID_ON);
        events = new EventsOnTopic(Topics.MEMBERSHIP);
    }

    @AfterEach
    void tearDown() {
        events.close();
        clock.reset();
    }

    @Test
    void aMemberIsInvoicedActivatedRemindedAndRenewedForAnotherYearOnCpdEvidence() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.apply(practitioner);
        api.get("/api/membership/me/membership", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.basis").value("EQUIVALENT_EVIDENCE"));
        api.get("/api/membership/admin/memberships?status=APPLIED", Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.id == '" + membership + "')].member.email")
                        .value("p-" + practitioner + "@college.test"))
                .andExpect(jsonPath("$[?(@.id == '" + membership + "')].evidence")
                        .value("Ten years of running action learning sets in adult education"));

        UUID invoice = api.approveEligibility(membership);
        api.get("/api/membership/me/membership", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.invoice.number").value(org.hamcrest.Matchers.matchesPattern("EXM-2027-\\d{4}")))
                .andExpect(jsonPath("$.invoice.amount").value(195.00))
                .andExpect(jsonPath("$.invoice.currency").value("GBP"))
                .andExpect(jsonPath("$.invoice.purpose").value("MEMBERSHIP"));

        api.pay(invoice, PAID_ON).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startedOn").value("2027-03-10"))
                .andExpect(jsonPath("$.expiresOn").value("2028-03-09"));

        clock.setDay(LocalDate.of(2028, 2, 7));
        renewalJob.run();
        assertStatus(practitioner, "ACTIVE");

        clock.setDay(LocalDate.of(2028, 2, 8));
        renewalJob.run();
        assertStatus(practitioner, "RENEWAL_DUE");

        api.logCpd(practitioner, LocalDate.of(2027, 6, 1), "8.5", "Learned to hold silence in a set")
                .andExpect(status().isCreated());
        api.logCpd(practitioner, LocalDate.of(2027, 9, 1), "4", null).andExpect(status().isCreated());
        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner),
                "{\"statement\":\"A year of sets\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RENEWAL_SUBMITTED"));

        String reviewed = api.post("/api/membership/admin/memberships/" + membership + "/renewal-review",
                Tokens.programmeAdmin(), "{\"approved\":true,\"reason\":\"12.5 hours with reflection\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RENEWAL_PAYMENT"))
                .andExpect(jsonPath("$.invoice.purpose").value("RENEWAL"))
                .andExpect(jsonPath("$.invoice.membershipYear").value(2028))
                .andReturn().getResponse().getContentAsString();
        UUID renewalInvoice = UUID.fromString(JsonPath.read(reviewed, "$.invoice.id"));

        api.pay(renewalInvoice, LocalDate.of(2028, 2, 8)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startedOn").value("2028-03-10"))
                .andExpect(jsonPath("$.expiresOn").value("2029-03-09"));

        api.get("/api/membership/admin/memberships/" + membership, Tokens.programmeAdmin())
                .andExpect(jsonPath("$.history[*].to").value(org.hamcrest.Matchers.contains("APPLIED",
                        "AWAITING_PAYMENT", "ACTIVE", "RENEWAL_DUE", "RENEWAL_SUBMITTED", "RENEWAL_PAYMENT", "ACTIVE")))
                .andExpect(jsonPath("$.history[1].actor").value(Tokens.PROGRAMME_ADMIN.toString()))
                .andExpect(jsonPath("$.history[1].reason").value("Equivalent training and experience evidenced"))
                .andExpect(jsonPath("$.history[3].actor").value("system"));

        String key = membership.toString();
        events.awaitOne("membership.MembershipRenewed.v1", key);
        assertThat(events.typesFor(key)).containsSubsequence("membership.MembershipApplied.v1",
                "membership.MembershipActivated.v1", "membership.MembershipRenewalDue.v1",
                "membership.MembershipRenewed.v1");
        assertThat(events.await("membership.MembershipStatusChanged.v1", key, 7)).hasSize(7);
        assertThat(events.awaitOne("membership.MembershipRenewalDue.v1", key).payload())
                .contains("\"email\":\"p-" + practitioner + "@college.test\"")
                .contains("\"givenName\":\"Grace\"")
                .contains("\"expiresOn\":\"2028-03-09\"")
                .contains("\"lapsesAfter\":\"2028-04-08\"");
        assertThat(events.awaitOne("membership.InvoiceIssued.v1", renewalInvoice.toString()).payload())
                .contains("\"amount\":195.00").contains("\"currency\":\"GBP\"").contains("\"givenName\":\"Grace\"");
        assertThat(events.awaitOne("membership.PaymentRecorded.v1", renewalInvoice.toString()).payload())
                .contains("\"method\":\"BANK_TRANSFER\"").contains("\"reference\":\"BACS 4471\"");
    }

    @Test
    void aMemberWhoHasNotRenewedIsRemindedAgainAWeekBeforeExpiryAndNoMore() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.activeMember(practitioner, PAID_ON);

        clock.setDay(LocalDate.of(2028, 2, 8));
        renewalJob.run();
        clock.setDay(LocalDate.of(2028, 3, 1));
        renewalJob.run();
        clock.setDay(LocalDate.of(2028, 3, 2));
        renewalJob.run();
        renewalJob.run();
        clock.setDay(LocalDate.of(2028, 3, 9));
        renewalJob.run();

        var reminders = events.await("membership.MembershipRenewalDue.v1", membership.toString(), 2);
        assertThat(reminders.getFirst().payload()).contains("\"reminder\":1");
        assertThat(reminders.getLast().payload()).contains("\"reminder\":2");
        // two reminders, each one event: the topic is at least once (the test's clock jumping years ahead can have
        // the outbox take an event still on its way for lost and send it again, under the same id)
        assertThat(events.eventsFor(membership.toString()).stream()
                .filter(event -> event.type().equals("membership.MembershipRenewalDue.v1"))
                .map(EventsOnTopic.Event::id).distinct()).hasSize(2);
        assertStatus(practitioner, "RENEWAL_DUE");
    }

    @Test
    void renewalIsRefusedWithoutEnoughCpdEvidence() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.activeMember(practitioner, PAID_ON);
        clock.setDay(LocalDate.of(2028, 3, 1));
        renewalJob.run();

        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("renewal needs at least 12")));

        api.logCpd(practitioner, LocalDate.of(2027, 5, 1), "20", null).andExpect(status().isCreated());
        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reflection")));
        assertStatus(practitioner, "RENEWAL_DUE");
    }

    @Test
    void cpdFromBeforeTheMembershipYearDoesNotCountTowardsRenewal() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.logCpd(practitioner, LocalDate.of(2026, 12, 1), "30", "Before I was a member").andExpect(status().isCreated());
        api.activeMember(practitioner, PAID_ON);
        clock.setDay(LocalDate.of(2028, 3, 1));
        renewalJob.run();

        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isConflict());
    }

    @Test
    void anUnrenewedMembershipLapsesOnlyAfterTheGracePeriodAndItsInvoiceIsCancelled() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.activeMember(practitioner, PAID_ON);
        UUID renewalInvoice = renewalApprovedOn(LocalDate.of(2028, 3, 1), practitioner, membership);

        clock.setDay(LocalDate.of(2028, 4, 8)); // expired on 2028-03-09, the 30th day of grace
        renewalJob.run();
        assertStatus(practitioner, "RENEWAL_PAYMENT");

        clock.setDay(LocalDate.of(2028, 4, 9));
        renewalJob.run();
        assertStatus(practitioner, "LAPSED");
        renewalJob.run();

        api.pay(renewalInvoice, LocalDate.of(2028, 4, 9))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CANCELLED")));
        assertThat(events.await("membership.MembershipLapsed.v1", membership.toString(), 1)).hasSize(1);
        assertThat(events.awaitOne("membership.MembershipLapsed.v1", membership.toString()).payload())
                .contains("\"expiredOn\":\"2028-03-09\"").contains("\"email\":\"p-" + practitioner);

        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner),
                "{\"evidence\":\"Back again\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"));
    }

    @Test
    void aPaymentDuringTheGracePeriodStartsTheNewYearFromPayment() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.activeMember(practitioner, PAID_ON);
        UUID renewalInvoice = renewalApprovedOn(LocalDate.of(2028, 3, 20), practitioner, membership);

        api.pay(renewalInvoice, LocalDate.of(2028, 3, 20))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startedOn").value("2028-03-20"))
                .andExpect(jsonPath("$.expiresOn").value("2029-03-19"));
    }

    @Test
    void illegalTransitionsAreRefusedAsConflicts() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.apply(practitioner);

        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner),
                "{\"evidence\":\"again\"}").andExpect(status().isConflict());
        api.post("/api/membership/admin/memberships/" + membership + "/renewal-review", Tokens.programmeAdmin(),
                "{\"approved\":true,\"reason\":\"too early\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));

        UUID invoice = api.approveEligibility(membership);
        api.post("/api/membership/admin/memberships/" + membership + "/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":false,\"reason\":\"changed my mind\"}").andExpect(status().isConflict());
        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isConflict());

        api.pay(invoice, PAID_ON).andExpect(status().isOk());
        api.pay(invoice, PAID_ON).andExpect(status().isConflict());
        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isConflict());
        assertStatus(practitioner, "ACTIVE");
    }

    @Test
    void aRejectedApplicationKeepsItsReasonAndMayBeMadeAgain() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.apply(practitioner);

        api.post("/api/membership/admin/memberships/" + membership + "/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":false,\"reason\":\"No facilitation practice described\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.history[1].reason").value("No facilitation practice described"));

        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner),
                "{\"evidence\":\"Two years facilitating sets at Westmid\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"));
    }

    @Test
    void onlyAProgrammeAdminReviewsApplicationsAndRecordsPayments() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID membership = api.apply(practitioner);

        api.post("/api/membership/admin/memberships/" + membership + "/eligibility", Tokens.practitioner(practitioner),
                "{\"approved\":true,\"reason\":\"self-approved\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.get("/api/membership/admin/memberships", Tokens.orgAdmin("org-westmid-college"))
                .andExpect(status().isForbidden());
        assertStatus(practitioner, "APPLIED");
    }

    @Test
    void badInputIsAProblemNeverAServerError() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(practitioner)).andExpect(status().isOk());

        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner), "{not json")
                .andExpect(status().isBadRequest());
        UUID membership = api.apply(practitioner);
        api.post("/api/membership/admin/memberships/" + membership + "/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":true}").andExpect(status().isBadRequest());
        api.post("/api/membership/admin/memberships/not-a-uuid/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":true,\"reason\":\"x\"}").andExpect(status().isBadRequest());
        api.post("/api/membership/admin/memberships/" + UUID.randomUUID() + "/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":true,\"reason\":\"x\"}").andExpect(status().isNotFound());
        UUID invoice = api.approveEligibility(membership);
        api.post("/api/membership/admin/invoices/" + invoice + "/payment", Tokens.programmeAdmin(),
                "{\"method\":\"CARD\",\"paidOn\":\"2027-03-10\"}").andExpect(status().isBadRequest());
        api.pay(invoice, PAID_ON.plusDays(1)).andExpect(status().isBadRequest());
        // someone who has not applied is told so, not answered with an error
        api.get("/api/membership/me/membership", Tokens.practitioner(UUID.randomUUID()))
                .andExpect(status().isNoContent());
    }

    /** On that day the member logs enough CPD, is reminded, submits it and has it approved; the renewal invoice. */
    private UUID renewalApprovedOn(LocalDate day, UUID practitioner, UUID membership) throws Exception {
        clock.setDay(day);
        api.logCpd(practitioner, LocalDate.of(2027, 5, 1), "15", "Worth it").andExpect(status().isCreated());
        renewalJob.run();
        api.post("/api/membership/me/membership/renewal", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isOk());
        String reviewed = api.post("/api/membership/admin/memberships/" + membership + "/renewal-review",
                Tokens.programmeAdmin(), "{\"approved\":true,\"reason\":\"Enough\"}")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(reviewed, "$.invoice.id"));
    }

    private void assertStatus(UUID practitioner, String expected) throws Exception {
        api.get("/api/membership/me/membership", Tokens.practitioner(practitioner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(expected));
    }
}
