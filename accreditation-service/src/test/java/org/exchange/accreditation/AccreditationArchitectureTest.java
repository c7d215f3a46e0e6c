package org.exchange.accreditation;

import org.exchange.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AccreditationArchitectureTest {

    @Test
    void keepsToItsContextAndItsFeatureLayout() {
        ArchitectureRules.verify("accreditation");
    }

    @Test
    void everyKafkaListenerHandsItsRecordsToTheInbox() {
        ArchitectureRules.verifyConsumersGoThroughTheInbox("accreditation");
    }
}
