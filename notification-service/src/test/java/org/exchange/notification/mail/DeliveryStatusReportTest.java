package org.exchange.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DeliveryStatusReportTest {

    @Test
    void eachRecipientOfAReportIsReadWithItsActionStatusAndTheServersWordsAndTheReturnedMessageId() throws Exception {
        DeliveryStatusReport report = DeliveryStatusReport.parse(report("""
                Final-Recipient: rfc822; ada@college.test
                Action: failed
                Status: 5.1.1 (bad destination mailbox address)
                Diagnostic-Code: smtp; 550 5.1.1 <ada@college.test>:
                 Recipient address rejected

                Final-Recipient: RFC822; bob@college.test
                Original-Recipient: rfc822;Bob@College.test
                Action: delayed
                Status: 4.4.1
                """, "Content-Type: message/rfc822", "Message-ID: <abc@exchange.test>"));

        assertThat(report.originalMessageId()).isEqualTo("<abc@exchange.test>");
        assertThat(report.recipients()).containsExactly(
                new DeliveryStatusReport.RecipientStatus("ada@college.test", "failed", "5.1.1",
                        "smtp; 550 5.1.1 <ada@college.test>: Recipient address rejected"),
                new DeliveryStatusReport.RecipientStatus("Bob@College.test", "delayed", "4.4.1", null));
        assertThat(report.recipients().get(0).failed()).isTrue();
        assertThat(report.recipients().get(0).hard()).isTrue();
        assertThat(report.recipients().get(1).failed()).isFalse();
        assertThat(report.recipients().get(1).hard()).isFalse();
    }

    @Test
    void aReportThatLeavesOutTheReturnedMessageHasNoMessageId() throws Exception {
        DeliveryStatusReport report = DeliveryStatusReport.parse(report("""
                Final-Recipient: rfc822; ada@college.test
                Action: failed
                Status: 4.2.2
                """, null, null));

        assertThat(report.originalMessageId()).isNull();
        assertThat(report.recipients().getFirst().hard()).isFalse();
    }

    @Test
    void aMessageThatIsNotADeliveryStatusReportIsRefused() {
        assertThatThrownBy(() -> DeliveryStatusReport.parse("Subject: out of office\r\n\r\nBack on Monday.\r\n"
                .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(DeliveryStatusReport.NotAReport.class)
                .hasMessageContaining("not a multipart/report");
        assertThatThrownBy(() -> DeliveryStatusReport.parse(report("Action: failed\n", null, null)))
                .isInstanceOf(DeliveryStatusReport.NotAReport.class);
    }

    private static byte[] report(String recipientFields, String returnedType, String returnedHeaders) {
        String returned = returnedType == null ? "" : """
                --r
                %s

                %s
                Subject: The newsletter

                Hello
                """.formatted(returnedType, returnedHeaders);
        return ("""
                From: MAILER-DAEMON@mx.college.test
                Subject: Delivery Status Notification
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Not delivered.

                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.college.test

                """ + recipientFields + "\n" + returned + "--r--\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
