package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.WaitlistPromoted;
import org.exchange.contracts.membership.InvoiceIssued;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class UnsubscribeTest extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile(
            "http://localhost:8080(/api/notifications/unsubscribe/[A-Za-z0-9_-]+)");

    @Test
    void aOneClickPostWithoutSigningInSwitchesOffThatMailsCategoryOnly() throws Exception {
        Person person = registeredPractitioner("Ada");
        UUID meeting = UUID.randomUUID();
        var confirmed = publish(event(new RegistrationConfirmed(meeting, person.id(), "Maths group meeting",
                "GROUP_MEETING", Instant.now(), Instant.now().plusSeconds(3600), "Europe/London", Instant.now()),
                meeting));

        String text = awaitOneMail(person.email(), "Your place is confirmed: Maths group meeting").text();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("an unsubscribe link in the mail's text").isTrue();
        String path = link.group(1);
        // only the token's SHA-256 is kept: neither the token table nor the mail's row holds the link itself
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("""
                select count(*) from unsubscribe_token
                where token_hash = encode(sha256(convert_to(:token, 'UTF8')), 'hex') and recipient_id = :person""")
                .param("token", token).param("person", person.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from outgoing_mail m join notification n on n.id = m.notification_id
                where n.source_event_id = :event and m.unsubscribe_url is null
                  and m.body not like '%' || :token || '%'""")
                .param("event", eventId(confirmed)).param("token", token).query(Integer.class).single()).isEqualTo(1);

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Stop these e-mails")));
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person.id())))
                .andExpect(jsonPath("$.categories[?(@.category == 'REGISTRATION')].email").value(true));

        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/notifications/preferences").with(signedIn(person.id())))
                .andExpect(jsonPath("$.categories[?(@.category == 'REGISTRATION')].email").value(false))
                .andExpect(jsonPath("$.categories[?(@.category == 'MEETING')].email").value(true));

        var promoted = publishAndAwait(new WaitlistPromoted(meeting, person.id(), "Another maths meeting",
                "GROUP_MEETING", Instant.now(), Instant.now().plusSeconds(3600), "Europe/London", Instant.now()),
                meeting);
        oneFeedEntry(person.id(), "A place has opened up for you: Another maths meeting", "REGISTRATION");
        assertThat(mailsQueuedFor(promoted)).isZero();
    }

    @Test
    void anUnknownUnsubscribeLinkAnswersNotFound() throws Exception {
        mvc.perform(post("/api/notifications/unsubscribe/" + "x".repeat(43)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMalformedUnsubscribeLinkIsRefusedAsBadRequest() throws Exception {
        mvc.perform(post("/api/notifications/unsubscribe/short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTransactionalMailCarriesNoUnsubscribeLink() throws Exception {
        Person person = registeredPractitioner("Grace");
        UUID invoice = UUID.randomUUID();
        var issued = publish(event(new InvoiceIssued(invoice, "EXM-2026-0099", UUID.randomUUID(), person.id(),
                person.email(), "Grace", "MEMBERSHIP", 2026, new BigDecimal("195.00"), "GBP",
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), Instant.now()), invoice));

        String text = awaitOneMail(person.email(), "Invoice EXM-2026-0099 for your Learning Exchange membership").text();
        assertThat(text).doesNotContain("/api/notifications/unsubscribe/");
        assertThat(jdbc.sql("""
                select count(*) from outgoing_mail m join notification n on n.id = m.notification_id
                where n.source_event_id = :event and m.unsubscribe_category is null""")
                .param("event", eventId(issued)).query(Integer.class).single()).isEqualTo(1);
    }
}
