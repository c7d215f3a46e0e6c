package org.exchange.assessment;

import org.exchange.testing.ServiceBasicsTest;

class AssessmentServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/assessment";
    }
}
