package org.exchange.exchange;

import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Networks, groups, meetings and events, attendance, action research and the public outcomes library. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    /**
     * The programme's days are England's: "today", "in the future" and a day's bounds are judged on London's calendar,
     * whatever zone the service's clock runs in (UTC), so that a day that has begun in England counts as begun.
     */
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/London");

    public static void main(String[] args) {
        SpringApplication.run(ExchangeApplication.class, args);
    }
}
