package org.exchange.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole service against real PostgreSQL and Kafka (see {@link TestEngines}), with MockMvc for its HTTP API.
 * Every class with the same configuration shares one Spring context and one set of engines.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnginesConfiguration.class)
public @interface ServiceIntegrationTest {
}
