package org.exchange.exchange;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's clock in tests: a {@link TestClock}, so a test can move time forward. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
