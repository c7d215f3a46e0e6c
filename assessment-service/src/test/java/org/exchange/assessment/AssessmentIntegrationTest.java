package org.exchange.assessment;

import org.exchange.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole service on real engines. Every API test extends it, so they all share one Spring context (the same as
 * {@link AssessmentServiceBasicsTest}).
 */
@ServiceIntegrationTest
public abstract class AssessmentIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    protected AssessmentApi api;

    @BeforeEach
    void connectTheApi() {
        api = new AssessmentApi(mvc);
    }
}
