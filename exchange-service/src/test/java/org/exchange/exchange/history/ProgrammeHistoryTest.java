package org.exchange.exchange.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Appointments;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/** Programme history: meetings, attendance and outcomes recorded after they happened, in their cycle and wave. */
class ProgrammeHistoryTest extends ExchangeIntegrationTest {

    @Autowired
    Directory directory;

    @Autowired
    Appointments appointments;

    final UUID fran = UUID.randomUUID();
    final UUID ada = UUID.randomUUID();
    UUID network;
    UUID cycle;

    @BeforeEach
    void aNetworkWithItsTwentyEighteenCycleAndAnAppointedFacilitator() throws Exception {
        appointments.record(fran, Appointments.FACILITATOR, UUID.randomUUID(), Appointments.Status.APPOINTED,
                Instant.now());
        directory.savePerson(new Person(ada, "Ada", "Lovelace", "org-westmid-college", false), Instant.now());
        network = api.westMidlands();
        cycle = ExchangeApi.id(mvc.perform(post("/api/exchange/networks/" + network + "/cycles")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"West Midlands Professional Exchange 2018-19","startsOn":"2018-03-01",
                         "endsOn":"2019-07-31","waves":[
                           {"number":1,"name":"Wave 1","startsOn":"2018-03-01","endsOn":"2018-12-31"},
                           {"number":2,"name":"Wave 2","startsOn":"2019-01-01","endsOn":"2019-07-31"}]}"""))
                .andExpect(status().isCreated()));
    }

    @Test
    void aProgrammeAdminRecordsAGroupThatRanInTwentyEighteenFromItsMeetingsToItsOutcomeAndClosesIt()
            throws Exception {
        UUID group = group(programmeAdmin(), LocalDate.of(2018, 4, 1), LocalDate.of(2018, 12, 31), 1);
        api.join(group, ada).andExpect(status().isCreated());
        List<UUID> meetings = new ArrayList<>();
        for (int month = 5; month <= 8; month++) {
            meetings.add(ExchangeApi.id(pastMeeting(programmeAdmin(), group, LocalDate.of(2018, month, 10))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.startsAt").value("2018-%02d-10T16:00:00+01:00".formatted(month)))
                    .andExpect(jsonPath("$.recordedAfterwards.at").exists())
                    .andExpect(jsonPath("$.recordedAfterwards.by").exists())));
        }
        mvc.perform(put("/api/exchange/meetings/" + meetings.getFirst() + "/attendance").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"attendees":[{"practitionerId":"%s","role":"ATTENDEE","minutes":120},
                                      {"practitionerId":"%s","role":"LEAD_FACILITATOR","minutes":120}],
                         "guests":[{"name":"Visiting speaker","role":"OBSERVER","minutes":60}]}"""
                        .formatted(ada, fran)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].recordedAfterwards").value(true))
                .andExpect(jsonPath("$[0].recordedBy").exists())
                .andExpect(jsonPath("$[2].guest").value(true))
                .andExpect(jsonPath("$[2].recordedAfterwards").value(true));
        // the four meetings held let the group start, report, publish its outcome dated when it came out, and close
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(programmeAdmin()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/groups/" + group + "/reporting").with(programmeAdmin()))
                .andExpect(status().isOk());
        pastOutcome(programmeAdmin(), group, "2018-12-10")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.publishedAt").value("2018-12-10T12:00:00Z"))
                .andExpect(jsonPath("$.recordedAfterwards.by").exists());
        mvc.perform(post("/api/exchange/groups/" + group + "/close").with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        // the library's year filter finds the outcome; it says when it was recorded, not by whom
        mvc.perform(get("/api/exchange/outcomes").param("networkId", network.toString()).param("year", "2018"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].recordedAfterwards.at").exists())
                .andExpect(jsonPath("$.items[0].recordedAfterwards.by").doesNotExist());
        // the programme report by cycle and wave finds the group and what it held
        mvc.perform(get("/api/exchange/reports/programme").param("networkId", network.toString())
                        .param("cycleId", cycle.toString()).param("wave", "1").with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupsByStatus.CLOSED").value(1))
                .andExpect(jsonPath("$.meetingsHeld").value(4))
                .andExpect(jsonPath("$.attendances").value(2))
                .andExpect(jsonPath("$.outcomesPublished").value(1));
        mvc.perform(get("/api/exchange/reports/programme/groups").param("networkId", network.toString())
                        .param("cycleId", cycle.toString()).param("wave", "1").with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].cycle").value("West Midlands Professional Exchange 2018-19"))
                .andExpect(jsonPath("$.groups[0].wave").value(1))
                .andExpect(jsonPath("$.groups[0].meetingsHeld").value(4));
        mvc.perform(get("/api/exchange/reports/programme").param("cycleId", cycle.toString()).param("wave", "2")
                        .with(programmeAdmin()))
                .andExpect(jsonPath("$.groupsByStatus").isEmpty())
                .andExpect(jsonPath("$.meetingsHeld").value(0));
        mvc.perform(get("/api/exchange/reports/programme/groups").param("cycleId", cycle.toString())
                        .param("wave", "2").with(programmeAdmin()))
                .andExpect(jsonPath("$.groups.length()").value(0));
        mvc.perform(get("/api/exchange/groups").param("cycleId", cycle.toString()).param("wave", "1"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].waveNumber").value(1));

        // the attendance counts towards CPD as any other: the same event, marked as recorded afterwards
        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meetings.getFirst().toString(), published);
                assertThat(ExchangeApi.types(published)).filteredOn("exchange.AttendanceRecorded.v1"::equals)
                        .hasSize(2);
            });
            assertThat(ExchangeApi.types(published)).doesNotContain("exchange.MeetingScheduled.v1");
            assertThat(published).map(record -> new String(record.value()))
                    .anySatisfy(json -> assertThat(json).contains("\"practitionerId\":\"" + ada + "\"",
                            "\"meetingStartsAt\":\"2018-05-10T15:00:00Z\"", "\"recordedAfterwards\":true"));
        }
    }

    @Test
    void aMeetingRecordedAfterwardsHasTakenPlaceAndIsNotBeforeItsGroupsStart() throws Exception {
        UUID group = group(programmeAdmin(), LocalDate.of(2018, 4, 1), LocalDate.of(2018, 12, 31), null);

        pastMeeting(programmeAdmin(), group, api.tomorrow().plusDays(3))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("when.endsAt"));
        pastMeeting(programmeAdmin(), group, LocalDate.of(2018, 3, 20))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("when.startsAt"));
        // meetings still to come are scheduled as before: a past date is refused there
        api.scheduleGroupMeeting(group, programmeAdmin(), -30, 20).andExpect(status().isBadRequest());
    }

    @Test
    void aFacilitatorRecordsTheirOwnGroupsPastMeetingsOnlyWithinTheSetNumberOfDays() throws Exception {
        LocalDate today = api.tomorrow().minusDays(1);
        UUID group = group(facilitator(fran), today.minusDays(60), today.plusDays(120), null);

        UUID recent = ExchangeApi.id(pastMeeting(facilitator(fran), group, today.minusDays(10))
                .andExpect(status().isCreated()));
        pastMeeting(facilitator(fran), group, today.minusDays(40)).andExpect(status().isForbidden());
        pastMeeting(facilitator(UUID.randomUUID()), group, today.minusDays(10)).andExpect(status().isForbidden());
        pastMeeting(practitioner(ada), group, today.minusDays(10)).andExpect(status().isForbidden());
        // older history is a programme admin's to record, and its attendance too
        UUID older = ExchangeApi.id(pastMeeting(programmeAdmin(), group, today.minusDays(40))
                .andExpect(status().isCreated()));
        attendance(facilitator(fran), older).andExpect(status().isForbidden());
        attendance(facilitator(fran), recent).andExpect(status().isOk());
        attendance(programmeAdmin(), older).andExpect(status().isOk());
        pastOutcome(facilitator(fran), group, today.minusDays(40).toString()).andExpect(status().isForbidden());
    }

    @Test
    void anOutcomeRecordedAfterwardsCameOutBeforeTodayAndOnlyAProgrammeAdminPlacesAGroupInACycle()
            throws Exception {
        UUID group = group(programmeAdmin(), LocalDate.of(2018, 4, 1), LocalDate.of(2018, 12, 31), null);

        pastOutcome(programmeAdmin(), group, api.tomorrow().plusDays(1).toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishedOn"));
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(facilitator(fran))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleId\":\"%s\",\"waveNumber\":2}".formatted(cycle)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(programmeAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleId\":\"%s\",\"waveNumber\":3}".formatted(cycle)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waveNumber"));
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(programmeAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleId\":\"%s\",\"waveNumber\":2}".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cycleId"));
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(programmeAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleId\":\"%s\",\"waveNumber\":2}".formatted(cycle)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cycleId").value(cycle.toString()))
                .andExpect(jsonPath("$.waveNumber").value(2));
    }

    /** A group proposed (naming Fran to facilitate it) and accepted: forming; in wave {@code wave} if one is given. */
    private UUID group(JwtRequestPostProcessor proposer, LocalDate start, LocalDate end, Integer wave)
            throws Exception {
        String programme = wave == null ? "" : ",\"cycleId\":\"%s\",\"waveNumber\":%d".formatted(cycle, wave);
        UUID group = ExchangeApi.id(mvc.perform(post("/api/exchange/groups").with(proposer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"networkId":"%s","name":"Maths: developing mathematical resilience","kind":"SUBJECT",
                         "area":"maths","challenge":"Maths anxiety","capacity":12,"plannedStart":"%s",
                         "plannedEnd":"%s","facilitatorIds":["%s"]%s}""".formatted(network, start, end, fran,
                        programme)))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/groups/" + group + "/open").with(programmeAdmin()))
                .andExpect(status().isOk());
        return group;
    }

    private ResultActions pastMeeting(JwtRequestPostProcessor who, UUID group, LocalDate on) throws Exception {
        LocalDateTime start = on.atTime(16, 0);
        return mvc.perform(post("/api/exchange/meetings/past").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"GROUP_MEETING","title":"Resilience meeting on %s",
                         "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                                 "onlineUrl":"https://meet.test/resilience"},
                         "capacity":20}""".formatted(group, on, start, start.plusHours(2))));
    }

    private ResultActions attendance(JwtRequestPostProcessor who, UUID meeting) throws Exception {
        return mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"attendees\":[{\"practitionerId\":\"%s\",\"role\":\"LEAD_FACILITATOR\",\"minutes\":120}]}"
                        .formatted(fran)));
    }

    private ResultActions pastOutcome(JwtRequestPostProcessor who, UUID group, String on) throws Exception {
        return mvc.perform(post("/api/exchange/outcomes/past").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"REPORT","title":"Teaching for mathematical resilience",
                         "summary":"The Growth Zone Model with adult learners.","authorNames":["Ada Lovelace"],
                         "subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/resilience.pdf",
                         "publishedOn":"%s"}""".formatted(group, on)));
    }

}
