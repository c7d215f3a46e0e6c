package org.exchange.exchange;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.exchange.testing.ServiceBasicsTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

// The same configuration as the service's other integration tests, so that they all share one Spring context.
@Import(TestClockConfiguration.class)
class ExchangeServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/exchange";
    }

    @Test
    void theOpenApiDocumentMarksNumbersARequestCannotLeaveOutAsRequired() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.components.schemas.ProposeGroup.required", Matchers.hasItem("capacity")))
                .andExpect(jsonPath("$.components.schemas.ScheduleMeeting.required", Matchers.hasItem("capacity")))
                .andExpect(jsonPath("$.components.schemas.Line.required", Matchers.hasItem("minutes")));
    }
}
