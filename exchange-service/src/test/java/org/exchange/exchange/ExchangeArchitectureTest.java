package org.exchange.exchange;

import org.exchange.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ExchangeArchitectureTest {

    @Test
    void keepsToItsContextAndItsFeatureLayout() {
        ArchitectureRules.verify("exchange");
    }

    @Test
    void everyKafkaListenerHandsItsRecordsToTheInbox() {
        ArchitectureRules.verifyConsumersGoThroughTheInbox("exchange");
    }
}
