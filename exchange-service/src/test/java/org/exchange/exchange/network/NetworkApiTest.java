package org.exchange.exchange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class NetworkApiTest extends ExchangeIntegrationTest {



    @Test
    void aProgrammeAdminCreatesANetworkAndNetworkCreatedIsPublishedUnderItsId() throws Exception {
        UUID network = api.westMidlands();

        mvc.perform(get("/api/exchange/networks/" + network))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("West Midlands"))
                .andExpect(jsonPath("$.contactEmail").doesNotExist());
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, network.toString(), published);
                assertThat(published).isNotEmpty();
            });
            ConsumerRecord<String, byte[]> created = published.getFirst();
            assertThat(ExchangeApi.header(created, CloudEventHeaders.TYPE)).isEqualTo("exchange.NetworkCreated.v1");
            assertThat(ExchangeApi.header(created, CloudEventHeaders.SOURCE)).isEqualTo("/exchange-service");
            assertThat(ExchangeApi.header(created, CloudEventHeaders.SUBJECT)).isEqualTo(network.toString());
            assertThat(new String(created.value())).contains("\"networkId\":\"" + network + "\"",
                    "\"region\":\"West Midlands\"");
        }
    }

    @Test
    void onlyAProgrammeAdminCreatesANetwork() throws Exception {
        mvc.perform(post("/api/exchange/networks").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Nope\",\"region\":\"West Midlands\",\"latitude\":52.4,\"longitude\":-1.9}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aNetworkWithoutALocationOrWithATakenNameIsRefused() throws Exception {
        mvc.perform(post("/api/exchange/networks").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Somewhere\",\"region\":\"West Midlands\",\"latitude\":152.4}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        String name = "Black Country " + UUID.randomUUID();
        api.network(name, "West Midlands", 52.5, -2.1);
        mvc.perform(post("/api/exchange/networks").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"%s\",\"region\":\"West Midlands\",\"latitude\":52.5,\"longitude\":-2.1}"
                        .formatted(name.toUpperCase())))
                .andExpect(status().isConflict());
    }

    @Test
    void theContactIsForSignedInPeopleOnly() throws Exception {
        UUID network = api.westMidlands();

        mvc.perform(get("/api/exchange/networks/" + network + "/contact")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/exchange/networks/" + network + "/contact").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("exchange@westmid.test"));
    }

    @Test
    void aProgrammeCycleHasWavesInsideIt() throws Exception {
        UUID network = api.westMidlands();

        mvc.perform(post("/api/exchange/networks/" + network + "/cycles").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"West Midlands Professional Exchange 2018-19","startsOn":"2018-03-01",
                         "endsOn":"2019-07-31","waves":[
                           {"number":1,"name":"Wave 1","startsOn":"2018-03-01","endsOn":"2018-12-31"},
                           {"number":2,"name":"Wave 2","startsOn":"2019-01-01","endsOn":"2019-07-31"}]}"""))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/networks/" + network + "/cycles").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"2020-21","startsOn":"2020-09-01","endsOn":"2021-07-31","waves":[
                           {"number":1,"name":"Wave 1","startsOn":"2020-01-01","endsOn":"2020-12-31"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Wave 1 must lie inside the cycle"));
        mvc.perform(post("/api/exchange/networks/" + network + "/cycles").with(practitioner(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"2022-23\",\"startsOn\":\"2022-09-01\",\"endsOn\":\"2023-07-31\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/exchange/networks/" + network + "/cycles"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].waves[1].name").value("Wave 2"));
    }
}
