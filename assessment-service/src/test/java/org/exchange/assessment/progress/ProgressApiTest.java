package org.exchange.assessment.progress;

import static org.exchange.assessment.AssessmentApi.practitioner;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;

class ProgressApiTest extends AssessmentIntegrationTest {

    @Test
    void aPractitionerSeesTheirChangeSinceTheBaselineAndSinceTheirPreviousReview() throws Exception {
        UUID person = UUID.randomUUID();
        api.baseline(person, n -> 2);
        api.review(person, n -> 3);
        api.review(person, n -> n == 3 ? 6 : 3);

        mvc.perform(get("/api/assessment/me/progress").with(practitioner(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.edition.year").value(2022))
                .andExpect(jsonPath("$.rounds", hasSize(3)))
                .andExpect(jsonPath("$.standards[2].baseline").value(2))
                .andExpect(jsonPath("$.standards[2].previous").value(3))
                .andExpect(jsonPath("$.standards[2].latest").value(6))
                .andExpect(jsonPath("$.standards[2].changeSinceBaseline").value(4))
                .andExpect(jsonPath("$.standards[2].changeSincePrevious").value(3))
                .andExpect(jsonPath("$.focusTimelines", hasSize(2)))
                .andExpect(jsonPath("$.focusTimelines[1].points[*].score")
                        .value(org.hamcrest.Matchers.contains(2, 3, 6)));
    }

    @Test
    void withoutABaselineThereIsNoProgressYet() throws Exception {
        mvc.perform(get("/api/assessment/me/progress").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }
}
