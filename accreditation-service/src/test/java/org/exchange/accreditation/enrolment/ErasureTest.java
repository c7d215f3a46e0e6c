package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.ENDORSED;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.accreditation.support.Events;
import org.exchange.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Erasure removes a person's own words; an award ILM confirmed stays on record, pseudonymised (docs/adr/0007). */
class ErasureTest extends AccreditationIntegrationTest {

    @Test
    void erasureEndsOpenEnrolmentsRemovesPersonalContentAndKeepsConfirmedAwardsPseudonymised() throws Exception {
        Person candidate = practitioner("Erin", COLLEGE);
        UUID awarded = api.awarded(candidate);
        String credential = JsonPath.read(body(mvc.perform(get("/api/accreditation/enrolments/" + awarded
                + "/credential.json").with(candidate.token()))), "$.id");
        UUID open = api.enrolled(candidate, ENDORSED, 0);
        mvc.perform(post("/api/accreditation/enrolments/" + open + "/reflections").with(candidate.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"My first set\",\"text\":\"I talked too much\"}"))
                .andExpect(status().isCreated());

        Events.send(Topics.MEMBERSHIP, "membership.PractitionerErasureRequested.v1", candidate.id().toString(),
                "{\"practitionerId\":\"%s\",\"requestedAt\":\"%s\"}".formatted(candidate.id(), Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<String>read(
                api.enrolment(open, programmeAdmin()), "$.status").equals("WITHDRAWN"));
        String reflections = body(mvc.perform(get("/api/accreditation/enrolments/" + open + "/reflections")
                .with(programmeAdmin().token())));
        assertThat(reflections).doesNotContain("I talked too much");
        assertThat(JsonPath.<String>read(api.enrolment(awarded, programmeAdmin()), "$.status")).isEqualTo("AWARDED");
        assertThat(JsonPath.<String>read(api.enrolment(awarded, programmeAdmin()), "$.candidate.name"))
                .isEqualTo("Former participant");
        List<Map<String, Object>> confirmed = JsonPath.read(body(mvc.perform(get(
                "/api/accreditation/admin/completions?confirmed=true").with(programmeAdmin().token()))),
                "$[?(@.enrolmentId == '" + awarded + "')]");
        assertThat(confirmed).singleElement().satisfies(row -> {
            assertThat(row).doesNotContainKeys("candidateGivenName", "candidateFamilyName", "candidateEmail");
            assertThat(row).containsEntry("candidateId", candidate.id().toString());
            assertThat(row.get("ilmReference")).isNotNull();
        });
        String status = body(mvc.perform(get(credential.substring(credential.indexOf("/api/")))));
        assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("VALID");
        assertThat(JsonPath.<Map<String, Object>>read(status, "$")).doesNotContainKey("holderName");
    }
}
