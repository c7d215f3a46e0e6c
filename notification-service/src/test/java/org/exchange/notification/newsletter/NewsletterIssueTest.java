package org.exchange.notification.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.exchange.notification.mail.MailLayout;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class NewsletterIssueTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void onlyADraftCanBeEditedOrScheduledAndOnlyAScheduledIssueCanBeTakenBack() {
        NewsletterIssue draft = draft();
        NewsletterIssue scheduled = draft.scheduled(NOW.plusSeconds(3600), NOW);

        assertThat(scheduled.status()).isEqualTo(NewsletterIssue.Status.SCHEDULED);
        assertThatThrownBy(() -> scheduled.edited("New", "Text", draft.audience(), NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> draft.unscheduled(NOW)).isInstanceOf(ConflictException.class);
        NewsletterIssue back = scheduled.unscheduled(NOW);
        assertThat(back.status()).isEqualTo(NewsletterIssue.Status.DRAFT);
        assertThat(back.sendAt()).isNull();
    }

    @Test
    void aNetworkOrOrganisationAudienceMustSayWhichOne() {
        assertThatThrownBy(() -> new Audience(Audience.Segment.NETWORK, " ")).isInstanceOf(InvalidRequestException.class);
        assertThat(new Audience(Audience.Segment.MEMBERS, "ignored").ref()).isNull();
    }

    @Test
    void htmlWrittenIntoTheMarkdownIsShownAsTextNeverRun() {
        NewsletterRendering rendering = new NewsletterRendering(new MailLayout("https://exchange.test"),
                "https://exchange.test/");

        String html = rendering.html("Hello <script>alert(1)</script> and [a link](javascript:alert(1))");

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
        assertThat(rendering.webUrl(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("https://exchange.test/newsletters.html?issue=00000000-0000-0000-0000-000000000001");
    }

    private static NewsletterIssue draft() {
        return new NewsletterIssue(UUID.randomUUID(), "Winter", "Text", new Audience(Audience.Segment.CONSENTED, null),
                NewsletterIssue.Status.DRAFT, null, null, UUID.randomUUID(), NOW, NOW, null, null);
    }
}
