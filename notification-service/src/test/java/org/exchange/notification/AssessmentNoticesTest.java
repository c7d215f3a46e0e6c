package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.assessment.BaselineDue;
import org.exchange.contracts.assessment.ReviewDue;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AssessmentNoticesTest extends NotificationIntegrationTest {

    @Test
    void aBaselineDueReachesTheFeedAndTheInboxOnceEvenWhenRedelivered() throws Exception {
        Person person = registeredPractitioner("Ada");

        var due = publish(event(new BaselineDue(person.id(), UUID.randomUUID(), "Maths: fractions that stick",
                Instant.now()), person.id()));

        String subject = "Your baseline self-assessment against the Professional Standards";
        assertThat(awaitOneMail(person.email(), subject).text()).contains("Hello Ada", "Maths: fractions that stick",
                "1 (not yet started) to 6 (could lead others)");
        oneFeedEntry(person.id(), subject, "ASSESSMENT");

        redeliver(due);
        assertThat(mailsQueuedFor(due)).isEqualTo(1);
    }

    @Test
    void aReviewDueReachesTheFeedButNotTheInboxWhenAssessmentEmailIsSwitchedOff() throws Exception {
        Person person = registeredPractitioner("Grace");
        mvc.perform(put("/api/notifications/preferences").with(signedIn(person.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categories":[{"category":"ASSESSMENT","email":false}]}"""))
                .andExpect(status().isOk());

        var due = publishAndAwait(new ReviewDue(person.id(), UUID.randomUUID(), "ESOL speaking", "REPORTING",
                Instant.now()), person.id());

        assertThat(oneFeedEntry(person.id(), "Time to review your progress", "ASSESSMENT"))
                .contains("ESOL speaking is writing up its outcome");
        assertThat(mailsQueuedFor(due)).isZero();
    }
}
