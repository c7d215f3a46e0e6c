package org.exchange.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class FrameworkApiTest extends AssessmentIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anyoneReadsBothEditionsWithTwentyStandardsEachWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/assessment/frameworks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'etf-2022')].year").value(2022))
                .andExpect(jsonPath("$[?(@.id == 'etf-2014')].year").value(2014))
                .andExpect(jsonPath("$[?(@.id == 'etf-2022')].current").value(true));
        mvc.perform(get("/api/assessment/frameworks/etf-2022"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standards", hasSize(20)))
                .andExpect(jsonPath("$.standards[6].id").value("etf-2022-07"))
                .andExpect(jsonPath("$.standards[6].area").value("VALUES_AND_ATTRIBUTES"))
                .andExpect(jsonPath("$.standards[7].area").value("KNOWLEDGE_AND_UNDERSTANDING"))
                .andExpect(jsonPath("$.standards[11].area").value("KNOWLEDGE_AND_UNDERSTANDING"))
                .andExpect(jsonPath("$.standards[12].area").value("SKILLS"))
                .andExpect(jsonPath("$.standards[0].complete").value(true))
                .andExpect(jsonPath("$.standards[0].source")
                        .value("https://www.et-foundation.co.uk/professional-standards/"));
        mvc.perform(get("/api/assessment/frameworks/etf-2014"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standards", hasSize(20)))
                .andExpect(jsonPath("$.standards[5].area").value("VALUES_AND_ATTRIBUTES"))
                .andExpect(jsonPath("$.standards[6].area").value("KNOWLEDGE_AND_UNDERSTANDING"))
                .andExpect(jsonPath("$.standards[12].area").value("SKILLS"));
    }

    @Test
    void aStandardWhoseFullWordingWasNotFoundIsMarkedIncomplete() throws Exception {
        mvc.perform(get("/api/assessment/frameworks/etf-2022"))
                .andExpect(jsonPath("$.standards[9].complete").value(false))
                .andExpect(jsonPath("$.standards[9].wording").value("Share and update knowledge of effective practice "
                        + "with colleagues, networks and/or research communities to support"))
                .andExpect(jsonPath("$.standards[10].complete").value(false))
                .andExpect(jsonPath("$.standards[10].wording").doesNotExist());
    }

    @Test
    void theSecondDataVersionServesTheWordingFoundSinceAndKeepsTheFirstVersionsText() throws Exception {
        mvc.perform(get("/api/assessment/frameworks/etf-2022"))
                .andExpect(jsonPath("$.standards[4].complete").value(true))
                .andExpect(jsonPath("$.standards[4].wording")
                        .value("Value and champion diversity, equality of opportunity, inclusion and social equity."))
                .andExpect(jsonPath("$.standards[4].source").value("https://ltscmaltportfolio.co.uk/3b"))
                .andExpect(jsonPath("$.standards[0].wording").value("Critically reflect on and evaluate your practices, "
                        + "values, and beliefs to improve learner outcomes."));
        mvc.perform(get("/api/assessment/frameworks/etf-2014"))
                .andExpect(jsonPath("$.standards[0].complete").value(true))
                .andExpect(jsonPath("$.standards[0].wording").value(
                        "Reflect on what works best in your teaching and learning to meet the diverse needs of learners."))
                .andExpect(jsonPath("$.standards[1].wording").doesNotExist());
        assertThat(jdbc.sql("""
                select wording from standard_text where standard_id = 'etf-2022-05' and data_version = 1""")
                .query(String.class).single()).as("data version 1's text is kept beside version 2's")
                .isEqualTo("Value and champion diversity");
        assertThat(jdbc.sql("select count(*) from standard_text where data_version = 2").query(Integer.class).single())
                .as("version 2 carries only the eight texts found since version 1").isEqualTo(8);
    }

    @Test
    void theScaleSaysWhatEachPointMeans() throws Exception {
        mvc.perform(get("/api/assessment/scale"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points", hasSize(6)))
                .andExpect(jsonPath("$.points[0].label").value("Not yet started"))
                .andExpect(jsonPath("$.points[5].label").value("Could lead others"))
                .andExpect(jsonPath("$.careerStages[0].code").value("EARLY_CAREER"));
    }

    @Test
    void anUnknownEditionIsAProblem() throws Exception {
        mvc.perform(get("/api/assessment/frameworks/etf-1999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
