package org.exchange.exchange.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class MeetingRegistrationTest extends ExchangeIntegrationTest {



    @Test
    void twentyPeopleRegisteringAtOnceForFivePlacesGetFivePlacesAndFifteenWaitlisted() throws Exception {
        UUID meeting = api.launchEvent(api.westMidlands(), 5);
        int people = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> places = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(people);
        try {
            for (int i = 0; i < people; i++) {
                UUID person = UUID.randomUUID();
                Callable<String> register = () -> {
                    start.await();
                    String body = ExchangeApi.body(mvc.perform(post("/api/exchange/meetings/" + meeting
                            + "/registrations").with(practitioner(person))).andExpect(status().isCreated()));
                    return JsonPath.read(body, "$.place");
                };
                places.add(threads.submit(register));
            }
            start.countDown();
            List<String> outcome = new ArrayList<>();
            for (Future<String> place : places) {
                outcome.add(place.get());
            }
            assertThat(outcome).filteredOn("CONFIRMED"::equals).hasSize(5);
            assertThat(outcome).filteredOn("WAITLISTED"::equals).hasSize(15);
        } finally {
            threads.shutdownNow();
        }

        mvc.perform(get("/api/exchange/meetings/" + meeting))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placesLeft").value(0))
                .andExpect(jsonPath("$.waitlisted").value(15));
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/registrations").with(programmeAdmin()))
                .andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[4].place").value("CONFIRMED"))
                .andExpect(jsonPath("$[5].place").value("WAITLISTED"));
    }

    @Test
    void cancellingAPlaceGivesItToTheFirstPersonWaitingAndTellsThem() throws Exception {
        UUID meeting = api.launchEvent(api.westMidlands(), 1);
        UUID ada = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cleo = UUID.randomUUID();
        for (UUID person : List.of(ada, ben, cleo)) {
            mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(person)))
                    .andExpect(status().isCreated());
        }

        mvc.perform(delete("/api/exchange/meetings/" + meeting + "/registrations/me").with(practitioner(ada)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(ben)))
                .andExpect(jsonPath("$[0].meeting.id").value(meeting.toString()))
                .andExpect(jsonPath("$[0].place").value("CONFIRMED"));
        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(cleo)))
                .andExpect(jsonPath("$[0].place").value("WAITLISTED"));
        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(ada)))
                .andExpect(jsonPath("$.length()").value(0));

        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting.toString(), published);
                assertThat(ExchangeApi.types(published)).contains("exchange.WaitlistPromoted.v1");
            });
            assertThat(ExchangeApi.types(published)).containsExactly("exchange.MeetingScheduled.v1",
                    "exchange.RegistrationConfirmed.v1", "exchange.RegistrationWaitlisted.v1",
                    "exchange.RegistrationWaitlisted.v1", "exchange.RegistrationCancelled.v1",
                    "exchange.WaitlistPromoted.v1");
            assertThat(new String(published.get(4).value()))
                    .contains("\"practitionerId\":\"" + ada + "\"", "\"place\":\"CONFIRMED\"");
            assertThat(new String(published.get(3).value()))
                    .contains("\"practitionerId\":\"" + cleo + "\"", "\"waitlistPosition\":2");
            assertThat(new String(published.getLast().value()))
                    .contains("\"practitionerId\":\"" + ben + "\"")
                    .contains("\"meetingTitle\":\"Launch of the Professional Exchange\"");
        }
    }

    @Test
    void onlyTheGroupsFacilitatorsOrAProgrammeAdminScheduleItsMeetings() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID otherGroupsFacilitator = UUID.randomUUID();
        api.formingGroup(api.westMidlands(), otherGroupsFacilitator, 10);

        api.scheduleGroupMeeting(group, practitioner(UUID.randomUUID()), 7, 10)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.scheduleGroupMeeting(group, facilitator(otherGroupsFacilitator), 7, 10).andExpect(status().isForbidden());
        api.scheduleGroupMeeting(group, facilitator(lead), 7, 10).andExpect(status().isCreated());
        api.scheduleGroupMeeting(group, programmeAdmin(), 14, 10).andExpect(status().isCreated());
    }

    @Test
    void onlyProgrammeAdminsScheduleNetworkEvents() throws Exception {
        mvc.perform(post("/api/exchange/meetings").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(event(api.westMidlands(), "LAUNCH_EVENT", in(7), in(7).plusHours(2), 30, null)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGroupsMeetingsAreForItsMembers() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID meeting = api.groupMeeting(group, lead, 7);
        UUID member = UUID.randomUUID();
        api.join(group, member).andExpect(status().isCreated());

        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(member)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.place").value("CONFIRMED"));
    }

    @Test
    void aMeetingThatEndsBeforeItStartsIsABadRequest() throws Exception {
        mvc.perform(post("/api/exchange/meetings").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(event(api.westMidlands(), "LAUNCH_EVENT", in(7), in(7).minusHours(1), 30, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A meeting must end after it starts"));
    }

    @Test
    void aCapacityOfZeroIsABadRequest() throws Exception {
        mvc.perform(post("/api/exchange/meetings").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(event(api.westMidlands(), "LAUNCH_EVENT", in(7), in(7).plusHours(2), 0, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
    }

    @Test
    void anUnknownVenueIsABadRequest() throws Exception {
        mvc.perform(post("/api/exchange/meetings").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(event(api.westMidlands(), "LAUNCH_EVENT", in(7), in(7).plusHours(2), 30, UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is offered")));
    }

    @Test
    void anUnknownTimeZoneAndADevelopmentDayWithoutSpeakerAreBadRequests() throws Exception {
        UUID network = api.westMidlands();
        mvc.perform(post("/api/exchange/meetings").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(event(network, "LAUNCH_EVENT", in(7), in(7).plusHours(2), 30, null)
                        .replace("Europe/London", "Europe/Atlantis")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/exchange/meetings").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(event(network, "DEVELOPMENT_DAY", in(7), in(7).plusHours(6), 30, null)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void registeringForAnUnknownMeetingIsNotFoundAndForACancelledOneAConflict() throws Exception {
        mvc.perform(post("/api/exchange/meetings/" + UUID.randomUUID() + "/registrations")
                .with(practitioner(UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        UUID meeting = api.launchEvent(api.westMidlands(), 10);
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/cancel").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Venue flooded\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/cancel").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
    }

    @Test
    void cancellingAMeetingTellsEveryoneRegisteredOrWaiting() throws Exception {
        UUID meeting = api.launchEvent(api.westMidlands(), 1);
        UUID ada = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        for (UUID person : List.of(ada, ben)) {
            mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(person)))
                    .andExpect(status().isCreated());
        }

        mvc.perform(post("/api/exchange/meetings/" + meeting + "/cancel").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Speaker unwell\"}"))
                .andExpect(status().isOk());

        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting.toString(), published);
                assertThat(ExchangeApi.types(published)).contains("exchange.MeetingCancelled.v1");
            });
            assertThat(new String(published.getLast().value()))
                    .contains(ada.toString(), ben.toString(), "\"title\":\"Launch of the Professional Exchange\"",
                            "\"reason\":\"Speaker unwell\"");
        }
    }

    @Test
    void reschedulingTellsEveryoneRegisteredWithTheNewTimeAndSequence() throws Exception {
        UUID meeting = api.launchEvent(api.westMidlands(), 10);
        UUID ada = UUID.randomUUID();
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(ada)))
                .andExpect(status().isCreated());
        LocalDateTime later = in(9);

        mvc.perform(post("/api/exchange/meetings/" + meeting + "/reschedule").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London","onlineUrl":"https://meet.test/new"}"""
                        .formatted(later, later.plusHours(3))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(1))
                .andExpect(jsonPath("$.onlineUrl").value("https://meet.test/new"));
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/reschedule").with(practitioner(ada))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London","onlineUrl":"https://meet.test/x"}"""
                        .formatted(later, later.plusHours(3))))
                .andExpect(status().isForbidden());

        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting.toString(), published);
                assertThat(ExchangeApi.types(published)).contains("exchange.MeetingRescheduled.v1");
            });
            assertThat(new String(published.getLast().value())).contains(ada.toString(), "\"sequence\":1",
                    "\"startsAt\":\"" + later.atZone(ExchangeApi.LONDON).toInstant() + "\"", "\"previousStartsAt\"");
        }
    }

    @Test
    void tenPeopleJoiningAGroupOfThreeAtOnceGetThreePlaces() throws Exception {
        UUID group = api.formingGroup(api.westMidlands(), UUID.randomUUID(), 3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Future<String>> places = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                UUID person = UUID.randomUUID();
                places.add(threads.submit(() -> {
                    start.await();
                    return JsonPath.<String>read(ExchangeApi.body(api.join(group, person)
                            .andExpect(status().isCreated())), "$.place");
                }));
            }
            start.countDown();
            List<String> outcome = new ArrayList<>();
            for (Future<String> place : places) {
                outcome.add(place.get());
            }
            assertThat(outcome).filteredOn("CONFIRMED"::equals).hasSize(3);
            assertThat(outcome).filteredOn("WAITLISTED"::equals).hasSize(7);
        } finally {
            threads.shutdownNow();
        }
    }

    private LocalDateTime in(int days) {
        return api.tomorrow().plusDays(days - 1).atTime(10, 0);
    }

    private static String event(UUID network, String kind, LocalDateTime start, LocalDateTime end, int capacity,
            UUID venue) {
        String where = venue == null ? "\"onlineUrl\":\"https://meet.test/event\"" : "\"venueId\":\"" + venue + "\"";
        return """
                {"networkId":"%s","kind":"%s","title":"Network event",
                 "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",%s},
                 "capacity":%d}""".formatted(network, kind, start, end, where, capacity);
    }
}
