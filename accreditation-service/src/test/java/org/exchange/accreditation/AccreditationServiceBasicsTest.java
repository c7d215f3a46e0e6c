package org.exchange.accreditation;

import org.exchange.testing.ServiceBasicsTest;

class AccreditationServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/accreditation";
    }
}
