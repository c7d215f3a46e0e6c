package org.exchange.notification;

import org.exchange.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class NotificationArchitectureTest {

    @Test
    void keepsToItsContextAndItsFeatureLayout() {
        ArchitectureRules.verify("notification");
    }

    @Test
    void everyKafkaListenerHandsItsRecordsToTheInbox() {
        ArchitectureRules.verifyConsumersGoThroughTheInbox("notification");
    }
}
