package org.exchange.exchange.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.platform.security.SecretTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

class InterestTest extends ExchangeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** An area of this test alone (tests share the database): ESOL and a tag. */
    String esol;
    UUID westMidlands;

    @BeforeEach
    void anAreaOfItsOwnAndAWestMidlandsNetwork() throws Exception {
        esol = "ESOL " + UUID.randomUUID().toString().substring(0, 8);
        westMidlands = api.westMidlands();
    }

    @Test
    void aPractitionerIsToldOnceWhenAGroupInTheirAreaOpensInTheirRegionAndNotAgainForTheNext() throws Exception {
        UUID ada = UUID.randomUUID();
        register(ada, esol, "west  midlands").andExpect(status().isCreated())
                .andExpect(jsonPath("$.region").value("West Midlands"))
                .andExpect(jsonPath("$.confirmed").value(true));
        register(ada, esol + " maths", "West Midlands").andExpect(status().isCreated());
        UUID elsewhere = api.network("North West " + UUID.randomUUID(), "North West", 53.4808, -2.2426);
        UUID grace = UUID.randomUUID();
        register(grace, esol, "North West").andExpect(status().isCreated());
        UUID adasEsol = interestOf(ada, esol);

        UUID first = openGroup(westMidlands, esol.toLowerCase());
        openGroup(elsewhere, "digital skills");

        assertThat(published(adasEsol)).as("one notice for the matching interest").hasSize(1);
        String notice = published(adasEsol).getFirst();
        assertThat(JsonPath.<String>read(notice, "$.practitionerId")).isEqualTo(ada.toString());
        assertThat(JsonPath.<String>read(notice, "$.groupId")).isEqualTo(first.toString());
        assertThat(JsonPath.<String>read(notice, "$.area")).isEqualTo(esol);
        assertThat(JsonPath.<java.util.Map<String, Object>>read(notice, "$"))
                .as("a signed-in person is named by subject id alone").doesNotContainKeys("email", "withdrawalToken");
        assertThat(published(interestOf(ada, esol + " maths"))).as("another area").isEmpty();
        assertThat(published(interestOf(grace, esol))).as("another region").isEmpty();

        // the next ESOL group in the region tells nobody again
        openGroup(api.westMidlands(), esol);
        assertThat(published(adasEsol)).hasSize(1);
        mvc.perform(get("/api/exchange/me/interests").with(practitioner(ada)))
                .andExpect(jsonPath("$[?(@.area == '%s')].toldOfGroupAt".formatted(esol)).isNotEmpty());
        assertThat(jdbc.sql("select notified_group_id from interest where id = :id").param("id", adasEsol)
                .query(UUID.class).single()).isEqualTo(first);
    }

    @Test
    void aPractitionerWithdrawsTheirInterestAndIsToldOfNothing() throws Exception {
        UUID ada = UUID.randomUUID();
        register(ada, esol, "West Midlands").andExpect(status().isCreated());
        UUID interest = interestOf(ada, esol);

        mvc.perform(delete("/api/exchange/me/interests").param("area", esol.toUpperCase())
                .param("region", "West Midlands").with(practitioner(ada))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/exchange/me/interests").param("area", esol)
                .param("region", "West Midlands").with(practitioner(ada))).andExpect(status().isNotFound());
        openGroup(westMidlands, esol);

        assertThat(published(interest)).isEmpty();
        mvc.perform(get("/api/exchange/me/interests").with(practitioner(ada))).andExpect(jsonPath("$.length()")
                .value(0));
    }

    @Test
    void anAddressCountsOnlyOnceConfirmedWithItsOneTimeLinkWhoseTokenIsKeptOnlyAsAHash() throws Exception {
        String email = "learner." + UUID.randomUUID() + "@example.org";
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            byEmail(email, esol, "West Midlands", true).andExpect(status().isAccepted());
            UUID interest = jdbc.sql("select id from interest where email = :email").param("email", email)
                    .query(UUID.class).single();

            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, interest.toString(), received);
                assertThat(ExchangeApi.types(received)).containsExactly("exchange.InterestConfirmationRequested.v1");
            });
            String requested = new String(received.getFirst().value(), StandardCharsets.UTF_8);
            String token = JsonPath.read(requested, "$.confirmationToken");
            assertThat(JsonPath.<String>read(requested, "$.email")).isEqualTo(email);
            assertThat(jdbc.sql("select token_hash from interest where id = :id").param("id", interest)
                    .query(String.class).single()).isEqualTo(SecretTokens.hash(token)).isNotEqualTo(token);
            assertThat(demandFor(esol)).as("not demand until confirmed").isEmpty();

            confirm(token).andExpect(status().isOk()).andExpect(jsonPath("$.confirmed").value(true))
                    .andExpect(jsonPath("$.area").value(esol)).andExpect(jsonPath("$.email").doesNotExist());
            assertThat(demandFor(esol)).hasSize(1);

            // the group opens: the notice carries the address and a new withdrawal token, kept hashed too
            openGroup(westMidlands, esol);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, interest.toString(), received);
                assertThat(ExchangeApi.types(received)).containsExactly("exchange.InterestConfirmationRequested.v1",
                        "exchange.InterestMatched.v1");
            });
            String matched = new String(received.get(1).value(), StandardCharsets.UTF_8);
            assertThat(JsonPath.<String>read(matched, "$.email")).isEqualTo(email);
            assertThat(JsonPath.<java.util.Map<String, Object>>read(matched, "$")).doesNotContainKey("practitionerId");
            String withdrawal = JsonPath.read(matched, "$.withdrawalToken");
            assertThat(jdbc.sql("select notice_token_hash from interest where id = :id").param("id", interest)
                    .query(String.class).single()).isEqualTo(SecretTokens.hash(withdrawal));

            // its withdrawal link deletes the interest and the address with it
            mvc.perform(post("/api/exchange/interests/withdrawal").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"token\":\"%s\"}".formatted(withdrawal))).andExpect(status().isOk());
            assertThat(jdbc.sql("select count(*) from interest where lower(email) = lower(:email)")
                    .param("email", email).query(Integer.class).single()).isZero();
            confirm(token).andExpect(status().isNotFound());
        }
    }

    @Test
    void anUnconfirmedAddressIsForgottenOnceItsLinkExpires() throws Exception {
        String email = "late." + UUID.randomUUID() + "@example.org";
        byEmail(email, esol, "West Midlands", true).andExpect(status().isAccepted());
        UUID interest = jdbc.sql("select id from interest where email = :email").param("email", email)
                .query(UUID.class).single();
        String token = tokenRequested(interest);

        api.letTimePass(Duration.ofHours(49));

        confirm(token).andExpect(status().isNotFound());
        mvc.perform(get("/api/exchange/interests/demand").with(programmeAdmin())).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from interest where id = :id").param("id", interest)
                .query(Integer.class).single()).as("deleted, address and all").isZero();
    }

    @Test
    void registeringByEmailNeedsConsentAKnownRegionAndAnAddress() throws Exception {
        String email = "someone." + UUID.randomUUID() + "@example.org";
        byEmail(email, esol, "West Midlands", false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consent"));
        byEmail(email, esol, "Atlantis", true).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        byEmail("not an address", esol, "West Midlands", true).andExpect(status().isBadRequest());
        byEmail(email, "<script>alert(1)</script>", "West Midlands", true).andExpect(status().isBadRequest());
        confirm("not-a-token").andExpect(status().isBadRequest());
        confirm(SecretTokens.issue()).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from interest where email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void oneAddressIsSentAFewConfirmationsAnHourAndARepeatSoonAfterSendsNothing() throws Exception {
        String email = "flood." + UUID.randomUUID() + "@example.org";
        for (int area = 1; area <= 3; area++) {
            byEmail(email, esol + " " + area, "West Midlands", true).andExpect(status().isAccepted());
        }
        // the same interest again at once: the same answer, and no second mail
        byEmail(email, esol + " 1", "West Midlands", true).andExpect(status().isAccepted());
        UUID first = jdbc.sql("select id from interest where email = :email and area = :area")
                .param("email", email).param("area", esol + " 1").query(UUID.class).single();
        assertThat(requestedEvents(first)).isEqualTo(1);

        byEmail(email, esol + " 4", "West Midlands", true).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void programmeAdminsSeeDemandByAreaAndRegionAsCountsOnly() throws Exception {
        register(UUID.randomUUID(), esol, "West Midlands").andExpect(status().isCreated());
        register(UUID.randomUUID(), esol.toUpperCase(), "west midlands").andExpect(status().isCreated());
        String email = "counted." + UUID.randomUUID() + "@example.org";
        byEmail(email, esol, "West Midlands", true).andExpect(status().isAccepted());
        confirm(tokenRequested(jdbc.sql("select id from interest where email = :email").param("email", email)
                .query(UUID.class).single())).andExpect(status().isOk());

        List<String> demand = demandFor(esol);
        assertThat(demand).hasSize(1);
        String row = demand.getFirst();
        assertThat(JsonPath.<Integer>read(row, "$.interested")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(row, "$.waiting")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(row, "$.groupsOpen")).isZero();
        assertThat(JsonPath.<java.util.Map<String, Object>>read(row, "$").keySet())
                .containsExactlyInAnyOrder("area", "region", "interested", "waiting", "groupsOpen");
        assertThat(ExchangeApi.body(mvc.perform(get("/api/exchange/interests/demand").with(programmeAdmin()))))
                .doesNotContain("@");

        mvc.perform(get("/api/exchange/interests/demand").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/interests/demand")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/exchange/interests/regions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@ == 'West Midlands')]").isNotEmpty());
    }

    private ResultActions register(UUID person, String area, String region) throws Exception {
        return mvc.perform(post("/api/exchange/me/interests").with(practitioner(person))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"area\":\"%s\",\"region\":\"%s\"}".formatted(area, region)));
    }

    private ResultActions byEmail(String email, String area, String region, boolean consent) throws Exception {
        return mvc.perform(post("/api/exchange/interests/by-email").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\",\"area\":\"%s\",\"region\":\"%s\",\"consent\":%s}"
                        .formatted(email, area, region, consent)));
    }

    private ResultActions confirm(String token) throws Exception {
        return mvc.perform(post("/api/exchange/interests/confirmation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"%s\"}".formatted(token)));
    }

    private UUID interestOf(UUID person, String area) {
        return jdbc.sql("select id from interest where practitioner_id = :person and area = :area")
                .param("person", person).param("area", area).query(UUID.class).single();
    }

    /** A group in the area proposed by a facilitator in the network and opened by a programme admin. */
    private UUID openGroup(UUID network, String area) throws Exception {
        UUID facilitator = UUID.randomUUID();
        UUID group = ExchangeApi.id(mvc.perform(post("/api/exchange/groups").with(facilitator(facilitator))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"networkId":"%s","name":"%s: speaking with confidence","kind":"SUBJECT","area":"%s",
                         "challenge":"Learners hesitate to speak","capacity":12,"plannedStart":"%s","plannedEnd":"%s"}"""
                        .formatted(network, area, area, api.tomorrow(), api.tomorrow().plusMonths(6))))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/groups/" + group + "/open").with(programmeAdmin())).andExpect(status().isOk());
        return group;
    }

    /** The InterestMatched payloads published through the outbox for an interest (the outbox holds each one). */
    private List<String> published(UUID interest) {
        return outbox(interest, "exchange.InterestMatched.v1");
    }

    private int requestedEvents(UUID interest) {
        return outbox(interest, "exchange.InterestConfirmationRequested.v1").size();
    }

    private String tokenRequested(UUID interest) {
        List<String> requested = outbox(interest, "exchange.InterestConfirmationRequested.v1");
        return JsonPath.read(requested.getLast(), "$.confirmationToken");
    }

    /** The payloads (data) of the events of a type about an interest in the outbox, oldest first. */
    private List<String> outbox(UUID interest, String type) {
        return jdbc.sql("""
                select serialized_event from event_publication
                where serialized_event like :subject and serialized_event like :type order by publication_date""")
                .param("subject", "%\"subject\":\"" + interest + "\"%").param("type", "%\"type\":\"" + type + "\"%")
                .query(String.class).list().stream()
                .map(event -> JsonPath.parse(JsonPath.parse(event).<Object>read("$.data")).jsonString())
                .toList();
    }

    private List<String> demandFor(String area) throws Exception {
        String body = ExchangeApi.body(mvc.perform(get("/api/exchange/interests/demand").with(programmeAdmin()))
                .andExpect(status().isOk()));
        List<Object> rows = JsonPath.read(body, "$[?(@.area =~ /^%s$/i)]".formatted(area));
        return rows.stream().map(row -> JsonPath.parse(row).jsonString()).toList();
    }
}
