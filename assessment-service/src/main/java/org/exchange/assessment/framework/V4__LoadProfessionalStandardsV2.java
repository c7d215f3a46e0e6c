package org.exchange.assessment.framework;

import org.springframework.stereotype.Component;

/**
 * Data version 2 of the Professional Standards: the wording of 2022 standards 5-10 and 2014 standards 1 and 8 as found
 * since version 1, added beside version 1's texts, which stay in the database.
 */
@Component
class V4__LoadProfessionalStandardsV2 extends StandardsDataMigration {

    static final String DATA = "standards/professional-standards.v2.json";

    V4__LoadProfessionalStandardsV2() {
        super(DATA);
    }
}
