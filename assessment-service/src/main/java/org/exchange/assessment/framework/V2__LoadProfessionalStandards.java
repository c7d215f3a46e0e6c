package org.exchange.assessment.framework;

import org.springframework.stereotype.Component;

/**
 * Data version 1 of the Professional Standards (the 2014 and 2022 editions). A corrected text is a new data file and a
 * new migration like this one, so every database holds each version that was ever published to it.
 */
@Component
class V2__LoadProfessionalStandards extends StandardsDataMigration {

    static final String DATA = "standards/professional-standards.v1.json";

    V2__LoadProfessionalStandards() {
        super(DATA);
    }
}
