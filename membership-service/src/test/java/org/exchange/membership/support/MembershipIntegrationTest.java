package org.exchange.membership.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.exchange.testing.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * The whole membership-service on real PostgreSQL and Kafka, with a clock the tests control. Every integration test
 * of this module uses it, so they share one Spring context.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ServiceIntegrationTest
@Import(TestClockConfiguration.class)
public @interface MembershipIntegrationTest {
}
