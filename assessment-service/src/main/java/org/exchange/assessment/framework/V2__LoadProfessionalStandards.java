package org.exchange.assessment.framework;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Data version 1 of the Professional Standards (the 2014 and 2022 editions). A corrected text is a new data file and a
 * new migration like this one, so every database holds each version that was ever published to it.
 */
@Component
class V2__LoadProfessionalStandards extends BaseJavaMigration {

    static final String DATA = "standards/professional-standards.v1.json";

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        StandardsLoader.load(jdbc, DATA);
    }
}
