package org.exchange.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.assessment.AssessmentApi.practitioner;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EditionPinningTest extends AssessmentIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssessmentMadeAgainstTheTwentyFourteenEditionStillReadsAsTwentyFourteen() throws Exception {
        UUID person = UUID.randomUUID();
        api.complete(person, "BASELINE", "etf-2014", n -> 5)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.edition.id").value("etf-2014"));

        StandardsLoader.load(jdbc, "standards/test-correction.json");

        mvc.perform(get("/api/assessment/me/assessments").with(practitioner(person)))
                .andExpect(jsonPath("$[0].edition.id").value("etf-2014"))
                .andExpect(jsonPath("$[0].edition.year").value(2014))
                .andExpect(jsonPath("$[0].ratings", hasSize(20)))
                .andExpect(jsonPath("$[0].ratings[19].standardId").value("etf-2014-20"));
        mvc.perform(get("/api/assessment/me/progress").with(practitioner(person)))
                .andExpect(jsonPath("$.edition.year").value(2014))
                .andExpect(jsonPath("$.standards[19].wording").value("Test correction of standard 20"));
        mvc.perform(get("/api/assessment/me/draft").with(practitioner(person)))
                .andExpect(jsonPath("$.kind").value("REVIEW"))
                .andExpect(jsonPath("$.edition.id").value("etf-2014"));
        assertThat(jdbc.sql("select count(*) from standard_text where standard_id = 'etf-2014-20'")
                .query(Integer.class).single()).as("the first data version's text is kept beside the correction")
                .isEqualTo(2);
    }
}
