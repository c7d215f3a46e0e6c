package org.exchange.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends AssessmentIntegrationTest {

    @Test
    void theApiDocumentHasItsRealTitleAndNoResolvedArgumentAsAParameter() throws Exception {
        String document = AssessmentApi.body(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Exchange assessment-service API"))
                .andExpect(jsonPath("$.info.version").value("0.1.0-SNAPSHOT"))
                .andExpect(jsonPath("$.paths['/api/assessment/me/draft/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/assessment/aggregates/groups/{groupId}'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("groupId", "editionId"))));
        assertThat(document).doesNotContain("\"name\":\"caller\"").doesNotContain("\"Caller\"");
    }
}
