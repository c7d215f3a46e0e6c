package org.exchange.exchange.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.network.Network;
import org.exchange.exchange.network.NetworkService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoProgrammeTest extends ExchangeIntegrationTest {

    @Autowired
    DemoProgramme demo;

    @Autowired
    NetworkService networks;

    @Test
    void theDemoShowsABelievableWestMidlandsExchangeAndLoadsTwiceWithoutChange() throws Exception {
        demo.load();
        int networksAfterFirstLoad = networks.all(null).size();
        assertThat(demo.load()).as("loaded again").isFalse();
        assertThat(networks.all(null)).hasSize(networksAfterFirstLoad);
        String westMidlands = westMidlands().id().toString();

        mvc.perform(get("/api/exchange/networks/" + westMidlands))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("West Midlands Professional Exchange"));
        mvc.perform(get("/api/exchange/networks/" + westMidlands + "/cycles"))
                .andExpect(jsonPath("$[0].name").value("West Midlands Professional Exchange 2018-19"))
                .andExpect(jsonPath("$[0].waves.length()").value(2));
        String groups = ExchangeApi.body(mvc.perform(get("/api/exchange/groups").param("networkId", westMidlands))
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[*].status", containsInAnyOrder("CLOSED", "CLOSED", "REPORTING", "ACTIVE",
                        "ACTIVE", "FORMING", "PROPOSED"))));
        List<Map<String, Object>> english = JsonPath.read(groups,
                "$[?(@.name == 'English: keeping adult learners on course')]");
        assertThat(english).singleElement().satisfies(group -> {
            assertThat(group.get("placesLeft")).isEqualTo(0);
            assertThat(group.get("waitlisted")).isEqualTo(1);
            assertThat(group.get("waveNumber")).isEqualTo(2);
        });
        mvc.perform(get("/api/exchange/meetings").param("networkId", westMidlands))
                .andExpect(jsonPath("$.length()").value(greaterThan(5)));
        mvc.perform(get("/api/exchange/outcomes").param("q", "dyslexia").param("networkId", westMidlands))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Dyslexia for ESOL screening activity"))
                .andExpect(jsonPath("$.items[0].recordedAfterwards.at").exists());
        mvc.perform(get("/api/exchange/reports/programme").param("networkId", westMidlands).with(programmeAdmin()))
                .andExpect(jsonPath("$.meetingsHeld").value(greaterThan(10)))
                .andExpect(jsonPath("$.attendances").value(greaterThan(30)))
                .andExpect(jsonPath("$.outcomesPublished").value(3))
                .andExpect(jsonPath("$.organisationsInvolved.length()").value(4));
    }

    @Test
    void theDemoPractitionersAttendanceIsPublishedSoTheirCpdRecordAgreesWithTheExchange() throws Exception {
        demo.load();

        String attendance = ExchangeApi.body(mvc.perform(get("/api/exchange/organisations/org-westmid-college/"
                + "attendance").with(programmeAdmin())).andExpect(status().isOk()));
        List<String> priyasMeetings = JsonPath.read(attendance,
                "$[?(@.practitionerId == '" + DemoProgramme.PRIYA + "')].meetingId");
        assertThat(priyasMeetings).hasSizeGreaterThan(4);
        String meeting = priyasMeetings.getFirst();
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting, published);
                assertThat(published).map(record -> new String(record.value()))
                        .anySatisfy(json -> assertThat(json).contains(
                                "\"practitionerId\":\"" + DemoProgramme.PRIYA + "\"", "\"recordedAfterwards\":true"));
            });
        }
    }

    private Network westMidlands() {
        return networks.all(null).stream().filter(network -> network.name().equals(DemoProgramme.NETWORK_NAME))
                .findFirst().orElseThrow();
    }
}
