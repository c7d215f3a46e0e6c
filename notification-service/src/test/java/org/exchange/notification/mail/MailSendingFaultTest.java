package org.exchange.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.exchange.notification.preference.UnsubscribeLinks;
import org.exchange.testing.EnginesConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults in the real engines while mail is sent, counting what was written to the queue and what reached a real SMTP
 * server (GreenMail): the SMTP server away for a while, the database refusing to record sends after they went, two
 * senders sharing one queue. Runs in a database of its own with the service's own sender idle, so that only the
 * senders this test starts touch the queue.
 */
@SpringBootTest(properties = {
        "spring.application.name=notification-mail-faults",
        "spring.kafka.listener.auto-startup=false",
        // the service's scheduled sender runs once at start, on an empty queue, and then not for a day
        "exchange.mail.poll-interval=PT24H" })
@Import(EnginesConfiguration.class)
class MailSendingFaultTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    @Autowired
    MailQueue queue;
    @Autowired
    MailLayout layout;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final int smtpPort = freePort();
    private GreenMail smtp;
    private final List<ScheduledExecutorService> senders = new ArrayList<>();

    @BeforeEach
    void startSmtpAndInstallTheFaultSwitch() {
        smtp = startSmtp();
        jdbc.sql("delete from outgoing_mail").update();
        jdbc.sql("create table if not exists mail_fault (reason text)").update();
        jdbc.sql("delete from mail_fault").update();
        // a real failure of the database, switched on by a row in mail_fault: recording a send is refused
        jdbc.sql("""
                create or replace function refuse_recording_sends() returns trigger language plpgsql as $$
                begin
                  if new.status = 'SENT' and exists (select 1 from mail_fault) then
                    raise exception 'injected fault: %', (select reason from mail_fault limit 1);
                  end if;
                  return new;
                end $$""").update();
        jdbc.sql("drop trigger if exists refuse_recording_sends on outgoing_mail").update();
        jdbc.sql("""
                create trigger refuse_recording_sends before update on outgoing_mail
                for each row execute function refuse_recording_sends()""").update();
    }

    @AfterEach
    void stopEverything() {
        senders.forEach(ScheduledExecutorService::shutdownNow);
        jdbc.sql("delete from mail_fault").update();
        smtp.stop();
    }

    @Test
    void theSmtpServerAwayForAWhileDelaysMailButLosesAndDuplicatesNone() throws Exception {
        List<String> written = write(200, "smtp-down");
        smtp.stop();
        startSender(Duration.ofMinutes(5));
        startSender(Duration.ofMinutes(5));

        // every mail has been tried and failed at least once while the server was away
        await().atMost(PATIENCE).until(() -> count("last_error is not null") == written.size());
        smtp = startSmtp();

        await().atMost(PATIENCE).until(() -> count("status = 'SENT'") == written.size());
        report("SMTP server down, then up; two senders", written);
    }

    @Test
    void aSendTheDatabaseRefusesToRecordIsRecordedLaterAndNeverSentAgain() throws Exception {
        jdbc.sql("insert into mail_fault (reason) values ('the database refuses to record a send')").update();
        List<String> written = write(100, "mark-fails");
        startSender(Duration.ofMinutes(5));
        startSender(Duration.ofMinutes(5));

        // each sender sent the batch it had claimed, could record none of it, and claims nothing more until it can
        await().atMost(PATIENCE).until(() -> deliveredTo(written).size() == 2 * BATCH
                && count("status = 'SENDING'") == 2 * BATCH);
        assertThat(count("status = 'SENT'")).isZero();

        jdbc.sql("delete from mail_fault").update();
        await().atMost(PATIENCE).until(() -> count("status = 'SENT'") == written.size());
        report("recording refused after sending, then allowed; two senders", written);
    }

    @Test
    void aSenderThatDiesBetweenSendingAndRecordingLeavesItsMailToAnotherWhichSendsItWithTheSameMessageId()
            throws Exception {
        jdbc.sql("insert into mail_fault (reason) values ('the sender dies before recording')").update();
        List<String> written = write(20, "sender-dies");
        ScheduledExecutorService doomed = startSender(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> deliveredTo(written).size() == written.size());
        doomed.shutdownNow();
        assertThat(doomed.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        jdbc.sql("delete from mail_fault").update();

        startSender(Duration.ofMinutes(5));
        await().atMost(PATIENCE).until(() -> count("status = 'SENT'") == written.size());

        Map<String, List<MimeMessage>> byMessageId = deliveredTo(written).stream()
                .collect(Collectors.groupingBy(MailSendingFaultTest::messageId));
        int copies = deliveredTo(written).size();
        assertThat(byMessageId).hasSize(written.size());
        assertThat(copies).isEqualTo(2 * written.size());
        System.out.printf("[fault] mail: written %d, delivered %d distinct Message-IDs (%d copies: the dead sender's"
                + " unknown outcomes sent again with the same Message-ID), lost 0 (sender killed between send and"
                + " record)%n", written.size(), byMessageId.size(), copies);
    }

    /** Queues one mail to each of {@code n} fresh addresses. */
    private List<String> write(int n, String run) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String address = run + "-" + i + "-" + UUID.randomUUID() + "@college.test";
            transaction.executeWithoutResult(status -> queue.enqueue(null, UUID.randomUUID(), address,
                    "Fault test " + run, "Hello,\n\nA mail that must arrive exactly once.", null));
            addresses.add(address);
        }
        return addresses;
    }

    /** Another instance of the sender, polling the queue as the service does. */
    private ScheduledExecutorService startSender(Duration lease) {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtpPort);
        mailSender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        mailSender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        mailSender.getJavaMailProperties().put("mail.smtp.writetimeout", "2000");
        MailSettings settings = new MailSettings("Exchange <no-reply@exchange.test>", 30, Duration.ofMillis(100), BATCH,
                lease, 0, 0);
        MailDispatcher dispatcher = new MailDispatcher(queue, mailSender, layout, links, transaction,
                Clock.systemUTC(), meters, settings);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(dispatcher::sendDue, 0, 50, TimeUnit.MILLISECONDS);
        senders.add(scheduler);
        return scheduler;
    }

    private void report(String fault, List<String> written) {
        List<MimeMessage> delivered = deliveredTo(written);
        Map<String, Long> perAddress = delivered.stream()
                .collect(Collectors.groupingBy(MailSendingFaultTest::recipient, Collectors.counting()));
        long duplicates = perAddress.values().stream().mapToLong(copies -> copies - 1).sum();
        long lost = written.stream().filter(address -> !perAddress.containsKey(address)).count();
        long distinctIds = delivered.stream().map(MailSendingFaultTest::messageId).distinct().count();
        System.out.printf("[fault] mail: written %d, delivered %d, duplicates %d, lost %d (%s; %d distinct Message-IDs)%n",
                written.size(), perAddress.size(), duplicates, lost, fault, distinctIds);
        assertThat(duplicates).as("mails delivered more than once").isZero();
        assertThat(lost).as("mails never delivered").isZero();
        assertThat(distinctIds).isEqualTo(written.size());
    }

    private List<MimeMessage> deliveredTo(List<String> addresses) {
        var wanted = new java.util.HashSet<>(addresses);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> wanted.contains(recipient(m))).toList();
    }

    private int count(String condition) {
        return jdbc.sql("select count(*) from outgoing_mail where " + condition).query(Integer.class).single();
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
