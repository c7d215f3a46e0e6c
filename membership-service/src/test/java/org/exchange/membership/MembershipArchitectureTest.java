package org.exchange.membership;

import org.exchange.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class MembershipArchitectureTest {

    @Test
    void keepsToItsContextAndItsFeatureLayout() {
        ArchitectureRules.verify("membership");
    }

    @Test
    void everyKafkaListenerHandsItsRecordsToTheInbox() {
        ArchitectureRules.verifyConsumersGoThroughTheInbox("membership");
    }
}
