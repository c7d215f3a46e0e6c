package org.exchange.engines;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Starts every engine once and uses it as a real client would. */
class EnginesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PostgresEngine postgres;
    private static KafkaEngine kafka;
    private static MailEngine mail;
    private static KeycloakEngine keycloak;

    @BeforeAll
    static void startEngines() {
        postgres = timed("PostgreSQL", () -> PostgresEngine.start(null, 0));
        kafka = timed("Kafka", () -> KafkaEngine.start(null, 0));
        mail = timed("Mail", () -> MailEngine.start(0, 0));
        keycloak = timed("Keycloak", () -> KeycloakEngine.start(KeycloakEngine.Settings.defaults()
                .withDatabase(postgres, "keycloak")
                .withRealmFile(RepositoryRoot.find().resolve("infra/keycloak/realm-exchange.json"))));
    }

    @AfterAll
    static void stopEngines() {
        for (AutoCloseable engine : new AutoCloseable[] {keycloak, mail, kafka, postgres}) {
            if (engine != null) {
                timed("closing " + engine, () -> {
                    close(engine);
                    close(engine); // a second close does nothing
                    return engine;
                });
            }
        }
    }

    @Test
    void postgresAnswersAndCreatesDatabasesOnce() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        postgres.createDatabaseIfMissing("engines_test");
        postgres.createDatabaseIfMissing("engines_test");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("engines_test"), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("engines_test");
        }
        assertThat(postgres.jdbcUrl("x")).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/");
    }

    @Test
    void postgresDropsADatabaseWithItsTablesEvenWhileSomeoneIsConnectedAndThenCreatesItEmpty() throws Exception {
        postgres.createDatabaseIfMissing("engines_dropped");
        Connection held = DriverManager.getConnection(postgres.jdbcUrl("engines_dropped"), postgres.username(),
                postgres.password());
        try (Statement statement = held.createStatement()) {
            statement.execute("create table kept (id int)");
        }
        postgres.dropDatabaseIfExists("engines_dropped");
        postgres.dropDatabaseIfExists("engines_dropped");
        assertThat(held.isValid(2)).as("the open connection was closed by the drop").isFalse();
        held.close();

        postgres.createDatabaseIfMissing("engines_dropped");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("engines_dropped"),
                postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_tables where tablename = 'kept'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void kafkaDeliversAProducedRecord() throws Exception {
        String topic = "engines-test";
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "engines-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.stream().noneMatch(r -> key.equals(r.key())) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(key);
                assertThat(r.value()).isEqualTo("hello");
            });
        }
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
    }

    @Test
    void mailIsReceivedAndReadableOverHttp() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@exchange.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("priya@demo.exchange.test"));
        message.setRecipient(Message.RecipientType.CC, new InternetAddress("femi@demo.exchange.test"));
        message.setSubject("Meeting scheduled");
        message.setText("Your group meets on Tuesday.\n\"Bring a case study.\"", "UTF-8");
        Transport.send(message);

        assertThat(mail.receivedMails()).extracting(MailEngine.ReceivedMail::to)
                .contains("priya@demo.exchange.test", "femi@demo.exchange.test");
        assertThat(mail.mailsTo("Priya@demo.exchange.test")).singleElement().satisfies(received -> {
            assertThat(received.from()).isEqualTo("noreply@exchange.test");
            assertThat(received.subject()).isEqualTo("Meeting scheduled");
            assertThat(received.text()).contains("Your group meets on Tuesday.");
            assertThat(received.received()).isNotNull();
        });

        JsonNode all = JSON.readTree(get(mail.apiUrl() + "/mails"));
        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        JsonNode toPriya = JSON.readTree(get(mail.apiUrl() + "/mails?to="
                + URLEncoder.encode("priya@demo.exchange.test", StandardCharsets.UTF_8)));
        assertThat(toPriya.size()).isEqualTo(1);
        assertThat(toPriya.get(0).get("subject").asString()).isEqualTo("Meeting scheduled");
        assertThat(toPriya.get(0).get("from").asString()).isEqualTo("noreply@exchange.test");
        assertThat(toPriya.get(0).get("to").asString()).isEqualTo("priya@demo.exchange.test");
        assertThat(toPriya.get(0).get("text").asString()).contains("\"Bring a case study.\"");
        assertThat(toPriya.get(0).get("received").asString()).isNotBlank();
    }

    @Test
    void keycloakIssuesTokensForTheDemoPractitioner() throws Exception {
        assertThat(keycloak.baseUrl()).isEqualTo("http://localhost:" + keycloak.httpPort());
        assertThat(keycloak.pid()).isPositive();

        // whichever host the caller uses, the issuer is the configured public address
        JsonNode discovery = JSON.readTree(get("http://127.0.0.1:" + keycloak.httpPort() + "/realms/exchange/.well-known/openid-configuration"));
        assertThat(discovery.get("issuer").asString()).isEqualTo(keycloak.issuer("exchange"));

        String form = Map.of("grant_type", "password", "client_id", "exchange-cli", "username", "practitioner", "password", "demo")
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer("exchange") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String accessToken = JSON.readTree(response.body()).get("access_token").asString();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer("exchange"));
        assertThat(claims.get("realm_access").get("roles").valueStream().map(JsonNode::asString)).contains("practitioner");
        assertThat(claims.get("organisation").asString()).isEqualTo("org-westmid-college");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("practitioner");
        assertThat(claims.get("email").asString()).isEqualTo("practitioner@demo.exchange.test");
        assertThat(claims.get("given_name").asString()).isNotBlank();
        assertThat(claims.get("family_name").asString()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static <T> T timed(String what, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        System.out.printf("[engines] %s: %d ms%n", what, Duration.ofNanos(System.nanoTime() - start).toMillis());
        return result;
    }

    private static void close(AutoCloseable engine) {
        try {
            engine.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
