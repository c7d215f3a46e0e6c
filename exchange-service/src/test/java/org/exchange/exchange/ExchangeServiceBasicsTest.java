package org.exchange.exchange;

import org.exchange.testing.ServiceBasicsTest;

class ExchangeServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/exchange";
    }
}
