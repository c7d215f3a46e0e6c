package org.exchange.exchange.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class AttendanceApiTest extends ExchangeIntegrationTest {

    @Autowired
    Directory directory;

    UUID lead = UUID.randomUUID();
    UUID ada = UUID.randomUUID();
    UUID ben = UUID.randomUUID();
    String adasCollege = "org-college-" + UUID.randomUUID();
    String bensProvider = "org-provider-" + UUID.randomUUID();
    UUID meeting;

    @BeforeEach
    void aGroupMeetingWithTwoMembersFromTwoOrganisations() throws Exception {
        directory.savePerson(new Person(ada, "Ada", "Lovelace", adasCollege, false), Instant.now());
        directory.savePerson(new Person(ben, "Ben", "Jonson", bensProvider, false), Instant.now());
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, ada).andExpect(status().isCreated());
        api.join(group, ben).andExpect(status().isCreated());
        meeting = api.groupMeeting(group, lead, 1);
    }

    @Test
    void attendanceIsRecordedOnceTheMeetingHasStarted() throws Exception {
        record(lead, line(ada, "ATTENDEE", 120), null).andExpect(status().isConflict());

        api.letTimePass(Duration.ofDays(2));

        record(lead, line(ada, "ATTENDEE", 120) + "," + line(ben, "OBSERVER", 60), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].displayName").value("Ada Lovelace"))
                .andExpect(jsonPath("$[1].role").value("OBSERVER"));
        // the meeting itself now counts who attended, for anyone who looks at it
        mvc.perform(get("/api/exchange/meetings/" + meeting))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attended").value(2));
    }

    @Test
    void aCorrectionNeedsAReasonAndIsKeptInTheHistory() throws Exception {
        api.letTimePass(Duration.ofDays(2));
        record(lead, line(ada, "ATTENDEE", 120), null).andExpect(status().isOk());

        record(lead, line(ada, "ATTENDEE", 45), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reason")));
        record(lead, line(ada, "ATTENDEE", 45), "Left after the first activity").andExpect(status().isOk());
        record(lead, line(ada, "ATTENDEE", 45), null).andExpect(status().isOk());

        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance/" + ada + "/history").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].minutes").value(120))
                .andExpect(jsonPath("$[0].correction").value(false))
                .andExpect(jsonPath("$[1].minutes").value(45))
                .andExpect(jsonPath("$[1].correction").value(true))
                .andExpect(jsonPath("$[1].reason").value("Left after the first activity"));
        // the correction is on the audit trail: who, the minutes before and after, and why
        mvc.perform(get("/api/exchange/audit?action=attendance.corrected&actorId=" + lead).with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].personId").value(ada.toString()))
                .andExpect(jsonPath("$.entries[0].before.minutes").value(120))
                .andExpect(jsonPath("$.entries[0].after.minutes").value(45))
                .andExpect(jsonPath("$.entries[0].after.reason").value("Left after the first activity"));

        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting.toString(), published);
                assertThat(ExchangeApi.types(published)).filteredOn("exchange.AttendanceRecorded.v1"::equals)
                        .hasSize(2);
            });
            List<String> attendance = published.stream()
                    .filter(record -> "exchange.AttendanceRecorded.v1"
                            .equals(ExchangeApi.header(record, "ce_type")))
                    .map(record -> new String(record.value())).toList();
            assertThat(attendance).anySatisfy(json -> assertThat(json).contains("\"minutes\":120",
                    "\"correction\":false", "\"practitionerId\":\"" + ada + "\"", "\"organisationId\":\"" + adasCollege,
                    "\"role\":\"ATTENDEE\"", "\"meetingKind\":\"GROUP_MEETING\""));
            assertThat(attendance).anySatisfy(json -> assertThat(json).contains("\"minutes\":45",
                    "\"correction\":true"));
        }
    }

    @Test
    void onlyTheGroupsFacilitatorsOrAProgrammeAdminRecordAttendance() throws Exception {
        api.letTimePass(Duration.ofDays(2));

        record(UUID.randomUUID(), line(ada, "ATTENDEE", 120), null).andExpect(status().isForbidden());
        mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(practitioner(ada))
                .contentType(MediaType.APPLICATION_JSON).content(lines(line(ada, "ATTENDEE", 120), null)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(lines(line(ada, "ATTENDEE", 120), null)))
                .andExpect(status().isOk());
    }

    @Test
    void anOrgAdminSeesTheAttendanceOfTheirOwnOrganisationsStaffOnly() throws Exception {
        api.letTimePass(Duration.ofDays(2));
        record(lead, line(ada, "ATTENDEE", 120) + "," + line(ben, "ATTENDEE", 120), null).andExpect(status().isOk());

        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance").with(orgAdmin(adasCollege)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].practitionerId").value(ada.toString()));
        mvc.perform(get("/api/exchange/organisations/" + adasCollege + "/attendance").with(orgAdmin(adasCollege)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/exchange/organisations/" + adasCollege + "/attendance").with(orgAdmin(bensProvider)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead)))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance").with(practitioner(ada)))
                .andExpect(status().isForbidden());
    }

    @Test
    void minutesBeyondTheMeetingsLengthAreABadRequest() throws Exception {
        api.letTimePass(Duration.ofDays(2));

        record(lead, line(ada, "ATTENDEE", 121), null).andExpect(status().isBadRequest());
        record(lead, line(ada, "ATTENDEE", -1), null).andExpect(status().isBadRequest());
        record(lead, line(ada, "SPEAKER", 10), null).andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheGroupsMembersFacilitatorsAndRegistrantsAreRecordedByPractitionerId() throws Exception {
        UUID stranger = UUID.randomUUID();
        api.letTimePass(Duration.ofDays(2));

        record(lead, line(ada, "ATTENDEE", 120) + "," + line(stranger, "ATTENDEE", 120), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(stranger.toString())));
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead)))
                .andExpect(jsonPath("$.length()").value(0));

        record(lead, line(ada, "ATTENDEE", 120) + "," + line(lead, "LEAD_FACILITATOR", 120), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aNetworkEventRecordsOnlyItsRegistrants() throws Exception {
        UUID registered = UUID.randomUUID();
        UUID event = api.launchEvent(api.westMidlands(), 30);
        mvc.perform(post("/api/exchange/meetings/" + event + "/registrations").with(practitioner(registered)))
                .andExpect(status().isCreated());
        api.letTimePass(Duration.ofDays(8));

        mvc.perform(put("/api/exchange/meetings/" + event + "/attendance").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(lines(line(ada, "ATTENDEE", 60), null)))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/exchange/meetings/" + event + "/attendance").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(lines(line(registered, "ATTENDEE", 60), null)))
                .andExpect(status().isOk());
    }

    @Test
    void aNamedGuestIsOnTheRegisterButPublishesNoAttendanceAndSoEarnsNoCpd() throws Exception {
        api.letTimePass(Duration.ofDays(2));

        mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"attendees":[%s],"guests":[{"name":"Dr Grace Visitor","role":"OBSERVER","minutes":90}]}"""
                        .formatted(line(ada, "ATTENDEE", 120))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].guest").value(true))
                .andExpect(jsonPath("$[1].displayName").value("Dr Grace Visitor"))
                .andExpect(jsonPath("$[1].practitionerId").doesNotExist());
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/guests").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].displayName").value("Dr Grace Visitor"))
                .andExpect(jsonPath("$[0].minutes").value(90));
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/guests").with(practitioner(ada)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead)))
                .andExpect(jsonPath("$.length()").value(1));

        try (KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE)) {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, meeting.toString(), published);
                assertThat(ExchangeApi.types(published)).contains("exchange.AttendanceRecorded.v1");
            });
            ExchangeApi.collect(events, meeting.toString(), published);
            assertThat(published).filteredOn(r -> "exchange.AttendanceRecorded.v1".equals(ExchangeApi.header(r,
                    "ce_type"))).hasSize(1).allSatisfy(r -> assertThat(new String(r.value())).contains(ada.toString())
                    .doesNotContain("Grace"));
        }
    }

    private ResultActions record(UUID by, String lines, String reason) throws Exception {
        return mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(by))
                .contentType(MediaType.APPLICATION_JSON).content(lines(lines, reason)));
    }

    private static String lines(String lines, String reason) {
        return "{\"attendees\":[" + lines + "]" + (reason == null ? "" : ",\"correctionReason\":\"" + reason + "\"")
                + "}";
    }

    private static String line(UUID person, String role, int minutes) {
        return "{\"practitionerId\":\"%s\",\"role\":\"%s\",\"minutes\":%d}".formatted(person, role, minutes);
    }
}
