package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.exchange.MeetingCancelled;
import org.exchange.contracts.membership.InvoiceIssued;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PreferencesTest extends NotificationIntegrationTest {

    @Test
    void everyCategoryIsEmailedByDefaultExceptTheNewsletterAndTransactionalOnesSaySo() throws Exception {
        mvc.perform(get("/api/notifications/preferences").with(signedIn(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories[?(@.category == 'MEETING')].email").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'MEETING')].canSwitchOffEmail").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'NEWSLETTER')].email").value(false))
                .andExpect(jsonPath("$.categories[?(@.category == 'INVOICE')].email").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'INVOICE')].transactional").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'INVOICE')].canSwitchOffEmail").value(false))
                .andExpect(jsonPath("$.categories[?(@.category == 'MEMBERSHIP')].canSwitchOffEmail").value(false))
                .andExpect(jsonPath("$.categories[?(@.category == 'INVOICE')].feed").value(true));
    }

    @Test
    void withMeetingEmailSwitchedOffACancellationReachesTheFeedButNotTheInbox() throws Exception {
        Person person = registeredPractitioner("Ada");
        mvc.perform(put("/api/notifications/preferences").with(signedIn(person.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categories":[{"category":"MEETING","email":false}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories[?(@.category == 'MEETING')].email").value(false))
                .andExpect(jsonPath("$.categories[?(@.category == 'REGISTRATION')].email").value(true));

        UUID meeting = UUID.randomUUID();
        var cancelled = publishAndAwait(new MeetingCancelled(meeting, UUID.randomUUID(), UUID.randomUUID(),
                "GROUP_MEETING", "Quiet cancellation", Instant.now(), "Europe/London", null,
                List.of(person.id()), Instant.now()), meeting);

        oneFeedEntry(person.id(), "Cancelled: Quiet cancellation", "MEETING");
        assertThat(mailsQueuedFor(cancelled)).isZero();
    }

    @Test
    void aChangeOfChoicesIsOnTheAuditTrailUntilThePersonIsErased() throws Exception {
        Person person = registeredPractitioner("Mary");
        mvc.perform(put("/api/notifications/preferences").with(signedIn(person.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categories\":[{\"category\":\"NEWSLETTER\",\"email\":true}]}"))
                .andExpect(status().isOk());

        String audit = "/api/notifications/audit?subjectType=preferences&subjectId=" + person.id();
        mvc.perform(get(audit).with(anyProgrammeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].action").value("preferences.changed"))
                .andExpect(jsonPath("$.entries[0].actorId").value(person.id().toString()))
                .andExpect(jsonPath("$.entries[0].changed").value(contains("NEWSLETTER")))
                .andExpect(jsonPath("$.entries[0].before.NEWSLETTER").value(false))
                .andExpect(jsonPath("$.entries[0].after.NEWSLETTER").value(true));

        publishAndAwait(new PractitionerErasureRequested(person.id(), Instant.now()), person.id());

        mvc.perform(get(audit).with(anyProgrammeAdmin()))
                .andExpect(jsonPath("$.entries[0].action").value("preferences.changed"))
                .andExpect(jsonPath("$.entries[0].before").doesNotExist())
                .andExpect(jsonPath("$.entries[0].after").doesNotExist())
                .andExpect(jsonPath("$.entries[0].changed").isEmpty());
        mvc.perform(get(audit).with(signedIn(person.id()))).andExpect(status().isForbidden());
    }

    @Test
    void invoicesCannotBeSwitchedOffAndStillArriveByEmail() throws Exception {
        Person person = registeredPractitioner("Grace");
        mvc.perform(put("/api/notifications/preferences").with(signedIn(person.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categories":[{"category":"OUTCOME","email":false},
                                               {"category":"INVOICE","email":false}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot be switched off")));

        // all or nothing: the allowed change in the same request was not applied either
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person.id())))
                .andExpect(jsonPath("$.categories[?(@.category == 'INVOICE')].email").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'OUTCOME')].email").value(true));

        UUID invoice = UUID.randomUUID();
        publish(event(new InvoiceIssued(invoice, "EXM-2026-0077", UUID.randomUUID(), person.id(), person.email(),
                "Grace", "RENEWAL", 2027, new BigDecimal("195.00"), "GBP", LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 12, 24), Instant.now()), invoice));
        awaitOneMail(person.email(), "Invoice EXM-2026-0077 for your Learning Exchange membership");
    }

    @Test
    void anUnknownCategoryIsRefusedAsBadRequest() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(signedIn(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categories":[{"category":"HOROSCOPES","email":false}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aChangeNamingNoCategoryIsRefusedAsBadRequest() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(signedIn(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categories":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void preferencesNeedSigningIn() throws Exception {
        mvc.perform(get("/api/notifications/preferences"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
