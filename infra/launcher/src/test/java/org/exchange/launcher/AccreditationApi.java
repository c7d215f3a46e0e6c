package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import org.exchange.launcher.MembershipApi.Person;
import tools.jackson.databind.JsonNode;

/**
 * Setting up award data for the browser tests through the platform's APIs (membership for people, exchange for the
 * attendance that makes workshops, accreditation for portfolio entries that are not the point of a test), as real
 * users with tokens of the public {@code exchange-cli} client.
 */
final class AccreditationApi {

    static final String API = "/api/accreditation";
    static final String DEVELOPMENT_AWARD = "ILM-DEVELOPMENT-PLLE";

    /** Access tokens live five minutes (the realm's accessTokenLifespan); one is reused for four. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    private final MembershipApi membership;
    private final Map<String, Map.Entry<String, Instant>> tokens = new ConcurrentHashMap<>();

    AccreditationApi(MembershipApi membership) {
        this.membership = membership;
    }

    /**
     * A user's access token, reused while it is fresh: a password grant per call (and per poll of an await) would keep
     * Keycloak hashing passwords and stall the browser's own sign-ins.
     */
    String token(String username) {
        return tokens.compute(username, (user, cached) -> cached != null
                && cached.getValue().plus(TOKEN_REUSE).isAfter(Instant.now()) ? cached
                : Map.entry(membership.tokenFor(user), Instant.now())).getKey();
    }

    /** A practitioner of {@code organisation} with a completed profile, so every context knows their name. */
    Person candidate(String givenName, String organisation) {
        Person person = membership.newPractitioner(givenName, organisation);
        String token = token(person.username());
        JsonNode me = membership.call("GET", "/api/membership/me", token, null, 200);
        membership.call("PUT", "/api/membership/me/profile", token, Map.of("jobRole", "Lecturer in health and care",
                "organisationId", organisation, "region", "West Midlands", "specialisms", List.of("Health and care"),
                "newsletterConsent", false, "nameOnOutcomesConsent", false), 200);
        assertThat(me.get("id").asString()).isNotBlank();
        return person;
    }

    /** A person's subject id, as every context knows them. */
    String subjectOf(String username) {
        return membership.call("GET", "/api/membership/me", token(username), null, 200).get("id")
                .asString();
    }

    /**
     * An assessor makes themselves known to accreditation-service (their token says they are an assessor and where
     * they work) and to membership-service (their name).
     */
    void introduce(String assessor) {
        String token = token(assessor);
        membership.call("GET", "/api/membership/me", token, null, 200);
        membership.call("GET", API + "/assessor/candidates", token, null, 200);
    }

    JsonNode call(String method, String path, String username, Object body, int expectedStatus) {
        return membership.call(method, API + path, token(username), body, expectedStatus);
    }

    JsonNode enrolment(String id, String username) {
        return call("GET", "/enrolments/" + id, username, null, 200);
    }

    /** The candidate's one enrolment in a programme. */
    JsonNode enrolmentOf(Person candidate, String programmeCode) {
        JsonNode mine = call("GET", "/me/enrolments", candidate.username(), null, 200);
        return StreamSupport.stream(mine.spliterator(), false)
                .filter(e -> e.get("programmeCode").asString().equals(programmeCode)).findFirst().orElseThrow();
    }

    /**
     * Meetings of groups of the demo West Midlands exchange that are not closed (a closed group takes no new
     * facilitator), held between two and twenty-five weeks ago.
     */
    List<JsonNode> pastGroupMeetings(int count) {
        JsonNode meetings = membership.call("GET", "/api/exchange/meetings?includePast=true&limit=500",
                token("programmeadmin"), null, 200);
        Instant now = Instant.now();
        Map<String, String> groupStatus = new ConcurrentHashMap<>();
        List<JsonNode> past = StreamSupport.stream(meetings.spliterator(), false)
                .filter(m -> "GROUP_MEETING".equals(m.get("kind").asString()))
                .filter(m -> !"CLOSED".equals(groupStatus.computeIfAbsent(m.get("groupId").asString(),
                        group -> membership.call("GET", "/api/exchange/groups/" + group, token("programmeadmin"),
                                null, 200).get("status").asString())))
                .filter(m -> {
                    Instant startsAt = startOf(m);
                    return startsAt.isBefore(now.minus(Duration.ofDays(14)))
                            && startsAt.isAfter(now.minus(Duration.ofDays(175)));
                })
                .limit(count).toList();
        assertThat(past).as("past group meetings in the demo data").hasSize(count);
        return past;
    }

    /**
     * The programme admin appoints the candidate a facilitator (membership-service, granted in Keycloak) and, once
     * exchange-service has the appointment from membership's event, adds them as a co-facilitator of the groups whose
     * meetings they ran: exchange records attendance only for a group's facilitators, members and registrants.
     */
    void appointCoFacilitator(String candidateId, List<JsonNode> meetings) {
        membership.call("POST", "/api/membership/admin/appointments", token("programmeadmin"),
                Map.of("practitionerId", candidateId, "role", "FACILITATOR"), 201);
        meetings.stream().map(meeting -> meeting.get("groupId").asString()).distinct().forEach(group ->
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        membership.call("POST", "/api/exchange/groups/" + group + "/facilitators",
                                token("programmeadmin"), Map.of("practitionerId", candidateId), 200)));
    }

    /**
     * The programme admin records in exchange-service that the candidate facilitated a meeting, in a role
     * ({@code FACILITATOR} or {@code LEAD_FACILITATOR}): exchange publishes AttendanceRecorded, from which the
     * workshop reaches the portfolio.
     */
    void recordFacilitation(JsonNode meeting, String candidateId, String role) {
        long minutes = Duration.between(startOf(meeting),
                OffsetDateTime.parse(meeting.get("endsAt").asString()).toInstant()).toMinutes();
        membership.call("PUT", "/api/exchange/meetings/" + meeting.get("id").asString() + "/attendance",
                token("programmeadmin"), Map.of("attendees", List.of(Map.of(
                        "practitionerId", candidateId, "role", role, "minutes", minutes))), 200);
    }

    static Instant startOf(JsonNode meeting) {
        return OffsetDateTime.parse(meeting.get("startsAt").asString()).toInstant();
    }

    /** Hours the candidate logs through the API, where logging them is not the point of the test. */
    void logHours(Person candidate, String enrolmentId, String category, double hours) {
        call("POST", "/enrolments/" + enrolmentId + "/hours", candidate.username(), Map.of("category", category,
                "hours", hours, "occurredOn", LocalDate.now().toString(),
                "description", "Logged for the test"), 201);
    }
}
