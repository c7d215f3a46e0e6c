package org.exchange.exchange.demo;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Loads the demo programme (the West Midlands Professional Exchange: groups in every state, meetings past and
 * upcoming, attendance, published outcomes) when {@code exchange.demo.load=true}, as the local launcher wants.
 * It writes the tables directly, dated relative to today, because meetings in the past cannot be scheduled through
 * the API; so it publishes no events. Loading it again changes nothing.
 */
@Component
@ConditionalOnProperty(name = "exchange.demo.load", havingValue = "true")
public class DemoProgramme implements ApplicationRunner {

    static final String SCRIPT = "demo/west-midlands.sql";
    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    private final DataSource dataSource;

    public DemoProgramme(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(dataSource);
        log.info("Demo programme loaded: West Midlands Professional Exchange");
    }

    /** Writes the demo programme into the service's database; what is there already stays as it is. */
    public static void load(DataSource dataSource) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(SCRIPT));
        populator.setSqlScriptEncoding("UTF-8");
        populator.execute(dataSource);
    }
}
