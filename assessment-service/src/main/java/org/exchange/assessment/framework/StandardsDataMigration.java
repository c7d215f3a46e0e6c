package org.exchange.assessment.framework;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A migration that loads one data version of the Professional Standards through {@link StandardsLoader}. Each data
 * version is its own subclass, named for the Flyway version it runs at, so every database holds every version.
 */
abstract class StandardsDataMigration extends BaseJavaMigration {

    private final String data;

    StandardsDataMigration(String data) {
        this.data = data;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        StandardsLoader.load(jdbc, data);
    }
}
