package org.exchange.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.EventTypes;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.exchange.testing.ServiceIntegrationTest;
import org.exchange.testing.TestEngines;
import org.exchange.testing.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests share: events published to Kafka as the other contexts publish them (CloudEvents in
 * binary mode), the mails that reach the SMTP server, and each person's feed as the API shows it.
 */
@ServiceIntegrationTest
abstract class NotificationIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    MeterRegistry meters;

    /** A record of the payload's type on its context's topic, keyed and with a fresh event id. */
    protected ProducerRecord<String, byte[]> event(Object payload, UUID key) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.topic(payload.getClass()),
                key.toString(), json.writeValueAsBytes(payload));
        record.headers()
                .add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, EventTypes.typeName(payload.getClass()).getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/test".getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, key.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        return record;
    }

    /** Publishes a record (again, when it was published before: a redelivery). */
    protected ProducerRecord<String, byte[]> publish(ProducerRecord<String, byte[]> record) throws Exception {
        producer().send(record).get();
        return record;
    }

    /** Publishes a fresh event and waits until the service has handled it. */
    protected ProducerRecord<String, byte[]> publishAndAwait(Object payload, UUID key) throws Exception {
        ProducerRecord<String, byte[]> record = publish(event(payload, key));
        awaitHandled(record);
        return record;
    }

    protected void awaitHandled(ProducerRecord<String, byte[]> record) {
        UUID id = eventId(record);
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from processed_event where event_id = :id")
                .param("id", id).query(Integer.class).single() == 1);
    }

    /** Publishes the same record again and waits until the service has seen it and ignored it. */
    protected void redeliver(ProducerRecord<String, byte[]> record) throws Exception {
        double before = duplicates();
        publish(record);
        await().atMost(PATIENCE).until(() -> duplicates() > before);
    }

    protected static UUID eventId(ProducerRecord<String, byte[]> record) {
        return UUID.fromString(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), UTF_8));
    }

    /** A person membership-service announced, with a fresh address; waits until notification-service knows them. */
    protected Person registeredPractitioner(String givenName) throws Exception {
        UUID id = UUID.randomUUID();
        String email = givenName.toLowerCase() + "-" + id + "@college.test";
        publishAndAwait(new PractitionerRegistered(id, email, givenName, "Tester", "org-westmid-college",
                Instant.now()), id);
        return new Person(id, email, givenName);
    }

    /** Someone notification-service can write to. */
    protected record Person(UUID id, String email, String givenName) {
    }

    /** Waits for exactly one mail with this subject to reach the address, and answers it. */
    protected ReceivedMail awaitOneMail(String email, String subject) {
        await().atMost(PATIENCE).until(() -> mails(email, subject).size() == 1);
        return mails(email, subject).getFirst();
    }

    protected List<ReceivedMail> mails(String email, String subject) {
        return mailsTo(email).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    /**
     * The mails that reached an address. MailEngine walks GreenMail's mailboxes while other tests' mails may be
     * creating new ones, which can fail the walk; walking again is safe.
     */
    private static List<ReceivedMail> mailsTo(String email) {
        ConcurrentModificationException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return TestMail.shared().mailsTo(email);
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Mails queued for the address with this subject, sent or not. */
    protected int mailsQueued(String email, String subject) {
        return jdbc.sql("select count(*) from outgoing_mail where recipient = :email and subject = :subject")
                .param("email", email).param("subject", subject).query(Integer.class).single();
    }

    /** Mails queued for anyone because of one event. */
    protected int mailsQueuedFor(ProducerRecord<String, byte[]> record) {
        return jdbc.sql("""
                select count(*) from outgoing_mail m join notification n on n.id = m.notification_id
                where n.source_event_id = :event""")
                .param("event", eventId(record)).query(Integer.class).single();
    }

    /** Feed entries anyone got because of one event. */
    protected int feedEntriesFor(ProducerRecord<String, byte[]> record) {
        return jdbc.sql("select count(*) from notification where source_event_id = :event")
                .param("event", eventId(record)).query(Integer.class).single();
    }

    /** The person's feed as the portal gets it. */
    protected JsonNode feed(UUID person) throws Exception {
        String body = mvc.perform(get("/api/notifications/feed").param("limit", "100").with(signedIn(person)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(UTF_8);
        return json.readTree(body);
    }

    /** The entries in the person's feed with this title. */
    protected List<JsonNode> feedEntries(UUID person, String title) throws Exception {
        return feed(person).get("items").valueStream().filter(item -> item.get("title").asString().equals(title))
                .toList();
    }

    /** Asserts the person has exactly one feed entry with this title, in this category, and answers its body. */
    protected String oneFeedEntry(UUID person, String title, String category) throws Exception {
        List<JsonNode> entries = feedEntries(person, title);
        assertThat(entries).as("feed entries titled %s", title).hasSize(1);
        assertThat(entries.getFirst().get("category").asString()).isEqualTo(category);
        return entries.getFirst().get("body").asString();
    }

    protected static RequestPostProcessor signedIn(UUID subject) {
        return jwt().jwt(token -> token.subject(subject.toString())
                .claim("realm_access", Map.of("roles", List.of("practitioner"))));
    }

    protected static RequestPostProcessor anyProgrammeAdmin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("practitioner", "programme-admin"))));
    }

    private double duplicates() {
        var counter = meters.find("exchange.inbox.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "notification-test-producer-close"));
        }
        return producer;
    }
}
