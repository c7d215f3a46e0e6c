package org.exchange.notification.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} message that a
 * mail server sends back when it could not deliver a message it had accepted. Read with Jakarta Mail: the
 * {@code message/delivery-status} part's per-recipient fields, and the Message-ID of the returned message from its
 * {@code message/rfc822} or {@code text/rfc822-headers} part.
 *
 * @param originalMessageId the Message-ID of the message that was not delivered, or null when the report leaves it out
 * @param recipients what happened for each recipient the report is about
 */
record DeliveryStatusReport(String originalMessageId, List<RecipientStatus> recipients) {

    private static final Session PARSING = Session.getInstance(new Properties());

    /**
     * One recipient's fields of a report.
     *
     * @param address the recipient's address (Original-Recipient, else Final-Recipient), without its address type
     * @param action failed, delayed, delivered, relayed or expanded
     * @param status the status code, such as 5.1.1 (permanent) or 4.2.2 (persistent transient)
     * @param diagnostic the receiving server's own words (Diagnostic-Code), or null
     */
    record RecipientStatus(String address, String action, String status, String diagnostic) {

        /** The server gave up on delivering to this recipient. */
        boolean failed() {
            return "failed".equals(action);
        }

        /** A permanent failure: the address does not exist or will never accept mail (status 5.x.x). */
        boolean hard() {
            return status.startsWith("5.");
        }

        /** The status and the server's words, as kept with the mail. */
        String report() {
            return "bounced " + status + (diagnostic == null ? "" : ": " + diagnostic);
        }
    }

    /** Reads a report from the bytes of the message; refuses anything that is not a delivery status notification. */
    static DeliveryStatusReport parse(byte[] raw) throws NotAReport {
        try {
            MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
            if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof MimeMultipart report)) {
                throw new NotAReport("The message is not a multipart/report (RFC 3464) but " + message.getContentType());
            }
            List<RecipientStatus> recipients = null;
            String messageId = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    recipients = recipients(part.getInputStream());
                } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                    messageId = new InternetHeaders(part.getInputStream()).getHeader("Message-ID", null);
                }
            }
            if (recipients == null) {
                throw new NotAReport("The report has no message/delivery-status part");
            }
            return new DeliveryStatusReport(messageId == null ? null : messageId.strip(), recipients);
        } catch (MessagingException | IOException e) {
            throw new NotAReport("The report cannot be read: " + e.getMessage());
        }
    }

    /** The fields after the per-message block: one block of header fields per recipient, blank lines between. */
    private static List<RecipientStatus> recipients(InputStream content)
            throws IOException, MessagingException, NotAReport {
        String text = new String(content.readAllBytes(), StandardCharsets.US_ASCII);
        String[] blocks = text.strip().split("\\r?\\n\\s*\\r?\\n");
        List<RecipientStatus> recipients = new ArrayList<>();
        for (int i = 1; i < blocks.length; i++) {
            InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(
                    (blocks[i] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            String address = value(fields, "Original-Recipient");
            if (address == null) {
                address = value(fields, "Final-Recipient");
            }
            String action = value(fields, "Action");
            String status = value(fields, "Status");
            if (address == null || action == null || status == null) {
                throw new NotAReport("A recipient's fields need Final-Recipient, Action and Status");
            }
            recipients.add(new RecipientStatus(withoutType(address), action.toLowerCase(Locale.ROOT),
                    status.split("\\s")[0], value(fields, "Diagnostic-Code")));
        }
        if (recipients.isEmpty()) {
            throw new NotAReport("The delivery status names no recipient");
        }
        return recipients;
    }

    private static String value(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, " ");
        return value == null || value.isBlank() ? null : value.replaceAll("\\s+", " ").strip();
    }

    /** {@code rfc822; ada@college.test} is the address {@code ada@college.test}. */
    private static String withoutType(String address) {
        int semicolon = address.indexOf(';');
        return (semicolon < 0 ? address : address.substring(semicolon + 1)).strip();
    }

    /** The message is not a delivery status notification this service can read. */
    static final class NotAReport extends Exception {

        NotAReport(String why) {
            super(why);
        }
    }
}
