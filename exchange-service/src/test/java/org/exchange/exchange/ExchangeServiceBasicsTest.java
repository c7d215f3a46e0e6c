package org.exchange.exchange;

import org.exchange.testing.ServiceBasicsTest;
import org.springframework.context.annotation.Import;

// The same configuration as the service's other integration tests, so that they all share one Spring context.
@Import(TestClockConfiguration.class)
class ExchangeServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/exchange";
    }
}
