package org.exchange.membership;

import org.exchange.membership.support.TestClockConfiguration;
import org.exchange.testing.ServiceBasicsTest;
import org.springframework.context.annotation.Import;

/** The platform basics, in the same Spring context as every other integration test here. */
@Import(TestClockConfiguration.class)
class MembershipServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/membership";
    }
}
