package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.exchange.contracts.exchange.InterestConfirmationRequested;
import org.exchange.contracts.exchange.InterestMatched;
import org.exchange.notification.preference.Suppressions;
import org.exchange.platform.security.SecretTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class InterestNoticesTest extends NotificationIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Suppressions suppressions;

    @Test
    void anAddressGetsOneConfirmationWithItsOneTimeLinkAndNothingMoreWhenTheEventIsRedelivered() throws Exception {
        String email = "learner-" + UUID.randomUUID() + "@example.org";
        UUID interest = UUID.randomUUID();
        String token = SecretTokens.issue();
        var requested = publish(event(new InterestConfirmationRequested(interest, email, token, "ESOL",
                "West Midlands", Instant.parse("2026-12-03T16:00:00Z"), Instant.now()), interest));

        String subject = "Please confirm: groups in ESOL in West Midlands";
        String text = awaitOneMail(email, subject).text();
        assertThat(text).contains("http://localhost:8080/interest.html#confirm=" + token,
                "http://localhost:8080/interest.html#withdraw=" + token, "Thursday 3 December 2026 at 16:00",
                "we will send you nothing else");

        redeliver(requested);
        assertThat(queuedFor(requested)).isEqualTo(1);
        // once sent, the stored copy no longer holds the link's token
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                select count(*) from outgoing_mail where source_event_id = :event and status = 'SENT'
                  and body not like '%' || :token || '%'""")
                .param("event", eventId(requested)).param("token", token).query(Integer.class).single() == 1);
    }

    @Test
    void theNoticeOfAGroupReachesAnAddressExactlyOnceAcrossRedeliveryAndTwoConsumersAtOnce() throws Exception {
        String email = "waiting-" + UUID.randomUUID() + "@example.org";
        UUID interest = UUID.randomUUID();
        String withdrawal = SecretTokens.issue();
        ProducerRecord<String, byte[]> matched = event(new InterestMatched(interest, null, email, withdrawal,
                "ESOL", "West Midlands", UUID.randomUUID(), "ESOL: speaking with confidence", UUID.randomUUID(),
                "Birmingham Professional Exchange", LocalDate.of(2027, 1, 11), Instant.now()), interest);

        // two instances of the service receive the same record at the same moment (a rebalance handed it over)
        assertThat(duplicatesWhenTwoConsumersTakeItAtOnce(matched)).as("one of the two ignored it").isEqualTo(1.0);
        // and Kafka delivers it again later
        redeliver(matched);

        String subject = "A group in ESOL is forming in West Midlands: ESOL: speaking with confidence";
        String text = awaitOneMail(email, subject).text();
        assertThat(text).contains("in the Birmingham Professional Exchange network",
                "11 January 2027", "/groups/group.html?id=",
                "http://localhost:8080/interest.html#withdraw=" + withdrawal, "We tell you this once");
        assertThat(queuedFor(matched)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient = :email").param("email", email)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSignedInPersonIsToldOnceInTheirFeedAndByMailWithTheOneClickUnsubscribeLink() throws Exception {
        Person person = registeredPractitioner("Noor");
        UUID interest = UUID.randomUUID();
        var matched = publish(event(new InterestMatched(interest, person.id(), null, null, "digital skills",
                "North West", UUID.randomUUID(), "Digital skills in the workplace", UUID.randomUUID(),
                "Manchester Exchange", LocalDate.of(2027, 2, 1), Instant.now()), interest));

        String subject = "A group in digital skills is forming in North West: Digital skills in the workplace";
        String text = awaitOneMail(person.email(), subject).text();
        assertThat(text).contains("Hello Noor", "http://localhost:8080/interest.html",
                "/api/notifications/unsubscribe/", "groups forming in a subject and region you registered interest in");
        oneFeedEntry(person.id(), subject, "INTEREST");

        redeliver(matched);
        assertThat(mailsQueuedFor(matched)).isEqualTo(1);
        assertThat(feedEntries(person.id(), subject)).hasSize(1);
    }

    @Test
    void anAddressThatBouncedHardIsNotWrittenToButASignedInPersonStillFindsTheNoticeInTheirFeed() throws Exception {
        String email = "gone-" + UUID.randomUUID() + "@example.org";
        suppressions.suppress(email, null, "5.1.1", "no such user", null, Instant.now());
        UUID interest = UUID.randomUUID();
        var requested = publishAndAwait(new InterestConfirmationRequested(interest, email, SecretTokens.issue(),
                "maths", "London", Instant.now().plus(2, ChronoUnit.DAYS), Instant.now()), interest);
        assertThat(queuedFor(requested)).isZero();

        Person person = registeredPractitioner("Bounced");
        suppressions.suppress(person.email(), person.id(), "5.1.1", "no such user", null, Instant.now());
        UUID theirs = UUID.randomUUID();
        var matched = publishAndAwait(new InterestMatched(theirs, person.id(), null, null, "maths", "London",
                UUID.randomUUID(), "Maths: fractions", UUID.randomUUID(), "London Exchange", LocalDate.of(2027, 1, 4),
                Instant.now()), theirs);
        oneFeedEntry(person.id(), "A group in maths is forming in London: Maths: fractions", "INTEREST");
        assertThat(mailsQueuedFor(matched)).isZero();
    }

    /**
     * Hands the record to the service's exchange listener on two threads at once, as two instances of the service
     * would after a rebalance, and answers how many of them ignored it as a duplicate.
     */
    private double duplicatesWhenTwoConsumersTakeItAtOnce(ProducerRecord<String, byte[]> produced) throws Exception {
        // the listener is package-private in the events package: reached as the listener container reaches it
        Object listener = context.getBean("exchangeEvents");
        Method receive = listener.getClass().getDeclaredMethod("receive", ConsumerRecord.class);
        receive.setAccessible(true);
        double before = duplicateCount();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                long offset = instance;
                Callable<Object> consumer = () -> {
                    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, offset,
                            System.currentTimeMillis(), TimestampType.CREATE_TIME, 0, 0, produced.key(),
                            produced.value(), produced.headers(), java.util.Optional.empty());
                    together.await();
                    return receive.invoke(listener, record);
                };
                results.add(two.submit(consumer));
            }
            for (Future<Object> result : results) {
                result.get();
            }
            return duplicateCount() - before;
        } finally {
            two.shutdownNow();
        }
    }

    private double duplicateCount() {
        var counter = meters.find("exchange.inbox.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private int queuedFor(ProducerRecord<String, byte[]> record) {
        return jdbc.sql("select count(*) from outgoing_mail where source_event_id = :event")
                .param("event", eventId(record)).query(Integer.class).single();
    }
}
