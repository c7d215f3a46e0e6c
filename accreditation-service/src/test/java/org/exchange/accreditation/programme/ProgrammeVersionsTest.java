package org.exchange.accreditation.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Programmes are data, one file per version; a new version never changes an enrolment already under way. */
class ProgrammeVersionsTest extends AccreditationIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anyoneReadsTheProgrammesAndTheDevelopmentAwardIsMarkedProvisional() throws Exception {
        mvc.perform(get("/api/accreditation/programmes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(DEVELOPMENT))
                .andExpect(jsonPath("$[0].provisional").value(true))
                .andExpect(jsonPath("$[0].fee.amount").value(995.00))
                .andExpect(jsonPath("$[0].fee.currency").value("GBP"))
                .andExpect(jsonPath("$[1].code").value("ILM-ENDORSED-PLLE"))
                .andExpect(jsonPath("$[1].provisional").value(false))
                .andExpect(jsonPath("$[1].prerequisiteCode").value(DEVELOPMENT))
                .andExpect(jsonPath("$[1].requirements[0].target").value(62));
    }

    @Test
    void anEnrolmentStaysOnTheVersionItStartedWithWhenANewVersionIsLoaded() throws Exception {
        String code = "TEST-" + UUID.randomUUID();
        load(version(code, 1, 24));
        Person early = practitioner("Ely", COLLEGE);
        UUID first = api.enrolled(early, code, 0);

        load(version(code, 2, 30));

        Person later = practitioner("Lew", COLLEGE);
        UUID second = api.enrolled(later, code, 0);
        assertThat(JsonPath.<Integer>read(api.enrolment(second, later), "$.requirementVersion")).isEqualTo(2);
        assertThat(totalHoursTarget(api.enrolment(second, later))).containsExactly(30);
        assertThat(JsonPath.<Integer>read(api.enrolment(first, early), "$.requirementVersion")).isEqualTo(1);
        assertThat(totalHoursTarget(api.enrolment(first, early))).containsExactly(24);
    }

    @Test
    void aVersionAlreadyLoadedIsNeverEditedInPlace() throws Exception {
        String code = "TEST-" + UUID.randomUUID();
        load(version(code, 1, 40));

        assertThatThrownBy(() -> load(version(code, 1, 41))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a new version");
        load(version(code, 1, 40));
    }

    private static List<Integer> totalHoursTarget(String enrolment) {
        return JsonPath.read(enrolment, "$.checklist[?(@.requirementId == 'total-hours')].target");
    }

    private void load(ProgrammeFiles.ProgrammeFile file) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            ProgrammeVersionsMigration.load(connection, List.of(file), Instant.now());
        }
    }

    /** The Development award's file under a test code, with a version number and a total of hours. */
    private static ProgrammeFiles.ProgrammeFile version(String code, int version, int totalHours) throws Exception {
        String text;
        try (var in = ProgrammeVersionsTest.class.getResourceAsStream("/programmes/ILM-DEVELOPMENT-PLLE.v1.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("\"code\": \"ILM-DEVELOPMENT-PLLE\"", "\"code\": \"" + code + "\"")
                .replace("\"version\": 1,", "\"version\": " + version + ",")
                .replace("\"label\": \"At least 24 hours in all\", \"target\": 24",
                        "\"label\": \"At least " + totalHours + " hours in all\", \"target\": " + totalHours);
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return new ProgrammeFiles.ProgrammeFile(code + ".v" + version + ".json", content,
                ProgrammeFiles.JSON.readValue(content, Programme.class));
    }
}
