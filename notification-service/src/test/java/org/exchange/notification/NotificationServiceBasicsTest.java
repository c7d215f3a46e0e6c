package org.exchange.notification;

import org.exchange.testing.ServiceBasicsTest;

class NotificationServiceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String apiPrefix() {
        return "/api/notifications";
    }
}
