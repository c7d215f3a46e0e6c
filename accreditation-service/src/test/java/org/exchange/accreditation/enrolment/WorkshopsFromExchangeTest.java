package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.accreditation.support.Events;
import org.junit.jupiter.api.Test;

/** Workshops come from exchange's attendance, once each; corrections there flow through. */
class WorkshopsFromExchangeTest extends AccreditationIntegrationTest {

    @Test
    void attendanceAsFacilitatorAppearsOnceAndItsCorrectionsReplaceIt() throws Exception {
        Person candidate = practitioner("Fay", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID attendance = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        Instant now = Instant.now();

        Events.attendance(attendance, candidate.id(), meeting, "FACILITATOR", 90, now, false);
        Events.attendance(attendance, candidate.id(), meeting, "FACILITATOR", 90, now, false);
        api.awaitWorkshops(candidate, enrolment, 1);

        Events.attendance(attendance, candidate.id(), meeting, "LEAD_FACILITATOR", 100, now, true);
        awaitRole(candidate, enrolment, "LEAD_FACILITATOR");
        assertThat(workshops(candidate, enrolment)).hasSize(1);
        assertThat(JsonPath.<List<Integer>>read(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment
                + "/workshops").with(candidate.token()))), "$[*].minutes")).containsExactly(100);

        Events.attendance(attendance, candidate.id(), meeting, "LEAD_FACILITATOR", 0, now, true);
        api.awaitWorkshops(candidate, enrolment, 0);
    }

    @Test
    void attendanceAsAnAttendeeIsNoWorkshopFacilitated() throws Exception {
        Person candidate = practitioner("Gil", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        Instant now = Instant.now();

        Events.attendance(UUID.randomUUID(), candidate.id(), UUID.randomUUID(), "ATTENDEE", 90, now, false);
        Events.attendance(UUID.randomUUID(), candidate.id(), UUID.randomUUID(), "FACILITATOR", 60, now, false);

        api.awaitWorkshops(candidate, enrolment, 1);
        assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment
                + "/workshops").with(candidate.token()))), "$[*].role")).containsExactly("FACILITATOR");
    }

    @Test
    void aWorkshopFacilitatedBeforeTheEnrolmentStartedDoesNotCount() throws Exception {
        Person candidate = practitioner("Hux", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);

        Events.attendance(UUID.randomUUID(), candidate.id(), UUID.randomUUID(), "FACILITATOR", 60,
                Instant.now().minusSeconds(40 * 24 * 3600), false);
        Events.attendance(UUID.randomUUID(), candidate.id(), UUID.randomUUID(), "FACILITATOR", 60, Instant.now(),
                false);

        api.awaitWorkshops(candidate, enrolment, 1);
    }

    private void awaitRole(Person candidate, UUID enrolment, String role) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                workshops(candidate, enrolment).stream().anyMatch(w -> w.contains(role)));
    }

    private List<String> workshops(Person reader, UUID enrolment) throws Exception {
        return JsonPath.<List<Object>>read(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment
                + "/workshops").with(reader.token()))), "$").stream().map(Object::toString).toList();
    }
}
