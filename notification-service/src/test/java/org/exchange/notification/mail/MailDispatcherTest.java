package org.exchange.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.exchange.notification.preference.Category;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailDispatcherTest {

    private static final String LINK = "https://exchange.test/api/notifications/unsubscribe/abcdefghijklmnopqrstuvwxyz";

    private final JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    private final MailDispatcher dispatcher = new MailDispatcher(null, smtp, new MailLayout("https://exchange.test"),
            null, null, Clock.systemUTC(), new SimpleMeterRegistry(),
            new MailSettings("Exchange <no-reply@exchange.test>", 5, java.time.Duration.ofSeconds(10), 50,
                    java.time.Duration.ofMinutes(5), 0, 0));

    @Test
    void aMailWithAnUnsubscribeLinkCarriesTheOneClickHeadersOfRfc8058AndTheLinkInBothParts() throws Exception {
        MimeMessage message = composed(mail(Category.MEETING), LINK);

        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + LINK + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(message.getSubject()).isEqualTo("Cancelled: Maths group");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@college.test");
        assertThat(part(message, "text/plain")).contains("Hello Ada").contains("To stop them, open " + LINK);
        assertThat(part(message, "text/html")).contains("<h1").contains("href=\"" + LINK + "\"")
                .contains("lang=\"en-GB\"");
    }

    @Test
    void aTransactionalMailCarriesNoUnsubscribeHeaders() throws Exception {
        MimeMessage message = composed(mail(null), null);

        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(part(message, "text/plain")).doesNotContain("unsubscribe");
    }

    @Test
    void everyAttemptAtOneMailCarriesTheSameMessageId() throws Exception {
        OutgoingMail mail = mail(null);

        MimeMessage first = composed(mail, null);
        MimeMessage second = composed(mail, null);

        assertThat(first.getMessageID()).isEqualTo("<" + mail.id() + "@exchange.test>")
                .isEqualTo(second.getMessageID());
    }

    @Test
    void anSmtpReplyOf5xxIsPermanentAndAnythingElseIsRetried() {
        var unknownUser = new MailSendException("failed", new SMTPAddressFailedException(
                address("nobody@college.test"), "RCPT TO", 550, "550 5.1.1 no such user"));
        var busy = new MailSendException("failed", new SMTPAddressFailedException(
                address("ada@college.test"), "RCPT TO", 451, "451 4.3.0 try again later"));
        var noConnection = new org.springframework.mail.MailSendException("Mail server connection failed");

        assertThat(SmtpFailure.of(unknownUser)).isEqualTo(new SmtpFailure("550 5.1.1 no such user", true));
        assertThat(SmtpFailure.of(busy).permanent()).isFalse();
        assertThat(SmtpFailure.of(noConnection).permanent()).isFalse();
    }

    private MimeMessage composed(OutgoingMail mail, String link) throws Exception {
        MimeMessage message = dispatcher.compose(new MailDispatcher.Claimed(mail, link), smtp.createMimeMessage());
        message.saveChanges();
        message.setHeader("Message-ID", dispatcher.messageId(mail));
        return message;
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static InternetAddress address(String email) {
        try {
            return new InternetAddress(email);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static OutgoingMail mail(Category unsubscribeCategory) {
        return new OutgoingMail(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ada@college.test",
                "Cancelled: Maths group", "Hello Ada,\n\nThe meeting is cancelled.", null, unsubscribeCategory, null,
                null, null, OutgoingMail.Status.SENDING, 1, Instant.now(), null, UUID.randomUUID());
    }
}
