package org.exchange.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service's own database as its tests read it: counts of rows, whether its inbox has handled events, and the
 * tables that can hold personal data. A {@link ServiceIntegrationTest} has one as a bean.
 */
public final class ServiceDatabase {

    private final ObjectProvider<DataSource> dataSource;

    ServiceDatabase(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** The count a {@code select count(*)} query with positional ({@code ?}) arguments answers. */
    public long count(String sql, Object... arguments) {
        return jdbc().sql(sql).params(arguments).query(Long.class).single();
    }

    /**
     * How many rows of {@code "table where ... column"} have the column among the values, such as
     * {@code countIn("reflection where enrolment_id", enrolments)}.
     */
    public long countIn(String tableWhereColumn, Collection<?> values) {
        return jdbc().sql("select count(*) from " + tableWhereColumn + " in (:values)").param("values", values)
                .query(Long.class).single();
    }

    /**
     * Waits until the service has handled the events: the platform's inbox records an event's id in the same
     * transaction as what handling it changed.
     */
    public void awaitHandled(UUID... eventIds) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> countIn("processed_event where event_id", List.of(eventIds)) == eventIds.length);
    }

    /** The tables of this database that can hold personal data, for an erasure test to account for. */
    public PersonalDataTables personalDataTables() {
        return PersonalDataTables.in(dataSource.getObject());
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource.getObject());
    }
}
