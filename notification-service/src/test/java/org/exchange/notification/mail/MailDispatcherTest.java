package org.exchange.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class MailDispatcherTest {

    private static final String FROM = "Exchange <no-reply@exchange.test>";

    @Test
    void aMailWithAnUnsubscribeLinkCarriesTheOneClickHeadersOfRfc8058() throws Exception {
        String url = "https://exchange.test/api/notifications/unsubscribe/abcdefghijklmnopqrstuvwxyz";

        MimeMessage message = MailDispatcher.compose(mail(url), new MimeMessage((Session) null), FROM);

        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + url + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(message.getSubject()).isEqualTo("Cancelled: Maths group");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@college.test");
    }

    @Test
    void aTransactionalMailCarriesNoUnsubscribeHeaders() throws Exception {
        MimeMessage message = MailDispatcher.compose(mail(null), new MimeMessage((Session) null), FROM);

        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    }

    private static OutgoingMail mail(String unsubscribeUrl) {
        return new OutgoingMail(UUID.randomUUID(), UUID.randomUUID(), "ada@college.test", "Cancelled: Maths group",
                "Hello Ada", unsubscribeUrl, OutgoingMail.Status.PENDING, 0, Instant.now(), null);
    }
}
