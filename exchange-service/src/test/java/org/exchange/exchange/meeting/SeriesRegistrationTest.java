package org.exchange.exchange.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class SeriesRegistrationTest extends ExchangeIntegrationTest {

    @Test
    void registeringForAllMeetingsRegistersForThoseToComeAndForThoseScheduledLater() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.activeGroup(api.westMidlands(), lead, 10);
        UUID member = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());

        series(group, member).andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.since").exists())
                .andExpect(jsonPath("$.meetings.length()").value(4))
                .andExpect(jsonPath("$.meetings[*].place", Matchers.everyItem(Matchers.is("CONFIRMED"))))
                .andExpect(jsonPath("$.meetings[*].bySeries", Matchers.everyItem(Matchers.is(true))));
        UUID later = api.groupMeeting(group, lead, 35);

        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(member)))
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[4].meeting.id").value(later.toString()))
                .andExpect(jsonPath("$[4].place").value("CONFIRMED"));
        mvc.perform(get("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.meetings.length()").value(5));
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, later.toString(), published);
                assertThat(ExchangeApi.types(published)).containsExactly("exchange.MeetingScheduled.v1",
                        "exchange.RegistrationConfirmed.v1");
            });
            assertThat(new String(published.getLast().value())).contains("\"practitionerId\":\"" + member + "\"");
        }
    }

    @Test
    void aFullMeetingPutsThemAtTheEndOfItsWaitlistAndTheirOwnRegistrationsStay() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID small = meetingOfOnePlace(group, lead);
        UUID roomy = api.groupMeeting(group, lead, 14);
        UUID first = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        api.join(group, first).andExpect(status().isCreated());
        api.join(group, member).andExpect(status().isCreated());
        register(small, first).andExpect(jsonPath("$.place").value("CONFIRMED"));
        register(roomy, member).andExpect(jsonPath("$.place").value("CONFIRMED"));

        series(group, member).andExpect(status().isOk())
                .andExpect(jsonPath("$.meetings.length()").value(2))
                .andExpect(jsonPath("$.meetings[0].meetingId").value(small.toString()))
                .andExpect(jsonPath("$.meetings[0].place").value("WAITLISTED"))
                .andExpect(jsonPath("$.meetings[0].bySeries").value(true))
                .andExpect(jsonPath("$.meetings[1].place").value("CONFIRMED"))
                .andExpect(jsonPath("$.meetings[1].bySeries").value(false));
        mvc.perform(get("/api/exchange/meetings/" + small)).andExpect(jsonPath("$.waitlisted").value(1));
    }

    @Test
    void theRegistrationsItMakesAtOnceCarryOneSeriesIdAndTheirNumberAndTheOthersNone() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID full = meetingOfOnePlace(group, lead);
        UUID roomy = api.groupMeeting(group, lead, 14);
        UUID own = api.groupMeeting(group, lead, 21);
        UUID first = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        api.join(group, first).andExpect(status().isCreated());
        api.join(group, member).andExpect(status().isCreated());
        register(full, first);
        register(own, member);

        series(group, member).andExpect(jsonPath("$.meetings.length()").value(3));
        UUID later = api.groupMeeting(group, lead, 28);

        Map<UUID, String> registrations = new HashMap<>();
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                events.poll(Duration.ofMillis(200)).forEach(record -> {
                    String json = new String(record.value());
                    if (String.valueOf(ExchangeApi.header(record, "ce_type")).startsWith("exchange.Registration")
                            && json.contains("\"practitionerId\":\"" + member + "\"")) {
                        registrations.put(UUID.fromString(record.key()),
                                ExchangeApi.header(record, "ce_type") + " " + json);
                    }
                });
                assertThat(registrations).containsKeys(full, roomy, own, later);
            });
        }
        String seriesId = seriesField(registrations.get(full), "seriesRegistrationId");
        assertThat(registrations.get(full)).startsWith("exchange.RegistrationWaitlisted.v1");
        assertThat(seriesId).isNotNull();
        assertThat(seriesField(registrations.get(full), "seriesRegistrationSize")).isEqualTo("2");
        assertThat(seriesField(registrations.get(roomy), "seriesRegistrationId")).isEqualTo(seriesId);
        assertThat(seriesField(registrations.get(roomy), "seriesRegistrationSize")).isEqualTo("2");
        assertThat(seriesField(registrations.get(own), "seriesRegistrationId")).isNull();
        assertThat(seriesField(registrations.get(later), "seriesRegistrationId")).isNull();
        assertThat(seriesField(registrations.get(later), "seriesRegistrationSize")).isNull();
    }

    /** A field of the event's payload (after its type), or null when it is null or absent. */
    private static String seriesField(String typeAndJson, String field) {
        Object value = JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL))
                .parse(typeAndJson.substring(typeAndJson.indexOf(' ') + 1)).read("$." + field);
        return value == null ? null : value.toString();
    }

    @Test
    void endingItCancelsTheRegistrationsItMadeForMeetingsToComeOnlyAndGivesTheirPlacesToThoseWaiting()
            throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID past = ExchangeApi.id(api.scheduleGroupMeeting(group, facilitator(lead), 1, 1)
                .andExpect(status().isCreated()));
        UUID small = meetingOfOnePlace(group, lead);
        UUID own = api.groupMeeting(group, lead, 14);
        UUID member = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());
        api.join(group, waiting).andExpect(status().isCreated());
        register(own, member).andExpect(status().isCreated());
        series(group, member).andExpect(jsonPath("$.meetings.length()").value(3));
        register(small, waiting).andExpect(jsonPath("$.place").value("WAITLISTED"));
        api.letTimePass(Duration.ofDays(2));
        mvc.perform(put("/api/exchange/meetings/" + past + "/attendance").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"attendees":[{"practitionerId":"%s","role":"ATTENDEE","minutes":120}]}""".formatted(member)))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.since").doesNotExist())
                .andExpect(jsonPath("$.meetings.length()").value(1))
                .andExpect(jsonPath("$.meetings[0].meetingId").value(own.toString()));
        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(waiting)))
                .andExpect(jsonPath("$[0].meeting.id").value(small.toString()))
                .andExpect(jsonPath("$[0].place").value("CONFIRMED"));
        mvc.perform(get("/api/exchange/meetings/" + past + "/attendance").with(facilitator(lead)))
                .andExpect(jsonPath("$[?(@.practitionerId == '%s')].minutes".formatted(member))
                        .value(Matchers.contains(120)));
        UUID after = api.groupMeeting(group, lead, 21);
        mvc.perform(get("/api/exchange/meetings/" + after)).andExpect(jsonPath("$.placesLeft").value(20));
        mvc.perform(delete("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void leavingTheGroupEndsIt() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID meeting = api.groupMeeting(group, lead, 7);
        UUID member = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());
        series(group, member).andExpect(jsonPath("$.meetings.length()").value(1));

        mvc.perform(delete("/api/exchange/groups/" + group + "/members/me").with(practitioner(member)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.meetings.length()").value(0));
        mvc.perform(get("/api/exchange/meetings/" + meeting)).andExpect(jsonPath("$.placesLeft").value(20));
        UUID later = api.groupMeeting(group, lead, 14);
        mvc.perform(get("/api/exchange/meetings/" + later)).andExpect(jsonPath("$.placesLeft").value(20));
    }

    @Test
    void aFacilitatorRegistersForAllOfTheirGroupsMeetingsToo() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.groupMeeting(group, lead, 7);

        mvc.perform(put("/api/exchange/groups/" + group + "/series-registration").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meetings.length()").value(1));
    }

    @Test
    void someoneNotInTheGroupIsRefusedAndAClosedGroupOrAnUnknownOneToo() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.activeGroup(api.westMidlands(), lead, 10);
        UUID member = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());
        UUID waitlisted = UUID.randomUUID();
        UUID full = api.formingGroup(api.westMidlands(), lead, 1);
        api.join(full, UUID.randomUUID()).andExpect(status().isCreated());
        api.join(full, waitlisted).andExpect(status().isCreated());

        series(group, UUID.randomUUID()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        series(full, waitlisted).andExpect(status().isForbidden());
        series(UUID.randomUUID(), member).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.closeGroup(group, lead);
        series(group, member).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("CLOSED")));
    }

    @Test
    void aFacilitatorSchedulesSeveralMeetingsAtOnceAndEachEventCarriesTheBatch() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID member = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());
        series(group, member).andExpect(status().isOk());

        String body = ExchangeApi.body(batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("Meeting 2", 14, 8),
                row("Meeting 3", 21, 8))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batchId").exists())
                .andExpect(jsonPath("$.meetings.length()").value(3))
                .andExpect(jsonPath("$.meetings[0].title").value("Meeting 1"))
                .andExpect(jsonPath("$.meetings[2].kind").value("GROUP_MEETING"))
                .andExpect(jsonPath("$.meetings[1].placesLeft").value(7)));
        String batchId = JsonPath.read(body, "$.batchId");
        List<String> meetings = JsonPath.read(body, "$.meetings[*].id");

        mvc.perform(get("/api/exchange/groups/" + group + "/series-registration").with(practitioner(member)))
                .andExpect(jsonPath("$.meetings.length()").value(3));
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                events.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (meetings.contains(record.key())
                            && "exchange.MeetingScheduled.v1".equals(ExchangeApi.header(record, "ce_type"))) {
                        published.add(record);
                    }
                });
                assertThat(published).hasSize(3);
            });
            assertThat(published).allSatisfy(record -> assertThat(new String(record.value()))
                    .contains("\"batchId\":\"" + batchId + "\"", "\"batchSize\":3", member.toString()));
        }
    }

    @Test
    void aBatchWithOneBadRowSchedulesNoneAndNamesTheRow() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);

        batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("Meeting 2", 14, 8)
                .replace("T18:00", "T15:00"), row("Meeting 3", 21, 8))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Meeting 2: A meeting must end after it starts"))
                .andExpect(jsonPath("$.errors[0].field").value("meetings[1]"));
        batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("", 14, 8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings[1].title"));
        batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("Meeting 2", 14, 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings[1].capacity"));
        batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("Meeting 1 again", 7, 8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings[1].when.startsAt"));
        batch(group, facilitator(lead), row("Meeting 1", 7, 8), row("Meeting 2", 14, 8)
                .replace("Europe/London", "Europe/Atlantis"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings[1]"));
        batch(group, facilitator(lead), row("In the past", -3, 8), row("Meeting 2", 14, 8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings[0]"));
        batch(group, facilitator(lead)).andExpect(status().isBadRequest());
        String[] thirteen = new String[13];
        for (int i = 0; i < thirteen.length; i++) {
            thirteen[i] = row("Meeting " + i, 7 + i, 8);
        }
        batch(group, facilitator(lead), thirteen).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("meetings"));

        mvc.perform(get("/api/exchange/meetings?groupId=" + group)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyTheGroupsFacilitatorsScheduleABatchAndOnlyWhileItPlansMeetings() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);

        batch(group, practitioner(UUID.randomUUID()), row("Meeting 1", 7, 8), row("Meeting 2", 14, 8))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        batch(UUID.randomUUID(), facilitator(lead), row("Meeting 1", 7, 8)).andExpect(status().isNotFound());
        batch(group, facilitator(lead), row("Meeting 1", 7, 8))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batchId").doesNotExist())
                .andExpect(jsonPath("$.meetings.length()").value(1));
    }

    /** A meeting of the group in a week, with one place. */
    private UUID meetingOfOnePlace(UUID group, UUID lead) throws Exception {
        return ExchangeApi.id(api.scheduleGroupMeeting(group, facilitator(lead), 7, 1)
                .andExpect(status().isCreated()));
    }

    private ResultActions series(UUID group, UUID person) throws Exception {
        return mvc.perform(put("/api/exchange/groups/" + group + "/series-registration").with(practitioner(person)));
    }

    private ResultActions register(UUID meeting, UUID person) throws Exception {
        return mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(person)))
                .andExpect(status().isCreated());
    }

    private ResultActions batch(UUID group,
            org.springframework.test.web.servlet.request.RequestPostProcessor who, String... rows) throws Exception {
        return mvc.perform(post("/api/exchange/groups/" + group + "/meetings/batch").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"meetings\":[" + String.join(",", rows) + "]}"));
    }

    /** A row of a batch: a meeting the given number of days from now, 16:00 to 18:00 London time, online. */
    private String row(String title, int inDays, int capacity) {
        var start = api.tomorrow().plusDays(inDays - 1).atTime(16, 0);
        return """
                {"title":"%s","when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                 "onlineUrl":"https://meet.test/fractions"},"capacity":%d}"""
                .formatted(title, start, start.plusHours(2), capacity);
    }
}
