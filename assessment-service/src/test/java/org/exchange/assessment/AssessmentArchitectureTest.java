package org.exchange.assessment;

import org.exchange.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AssessmentArchitectureTest {

    @Test
    void keepsToItsContextAndItsFeatureLayout() {
        ArchitectureRules.verify("assessment");
    }

    @Test
    void everyKafkaListenerHandsItsRecordsToTheInbox() {
        ArchitectureRules.verifyConsumersGoThroughTheInbox("assessment");
    }
}
