package org.exchange.membership;

import org.exchange.testing.ServiceBasicsTest;

class MembershipServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/membership";
    }
}
