package org.exchange.exchange;

import org.exchange.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole service on real engines with a clock tests can move forward. Every API test extends it, so they all
 * share one Spring context (the same as {@link ExchangeServiceBasicsTest}).
 */
@ServiceIntegrationTest
@Import(TestClockConfiguration.class)
public abstract class ExchangeIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected TestClock clock;

    protected ExchangeApi api;

    @BeforeEach
    void connectTheApi() {
        api = new ExchangeApi(mvc, clock);
    }
}
