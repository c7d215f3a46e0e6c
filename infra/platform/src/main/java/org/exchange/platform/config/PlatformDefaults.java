package org.exchange.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults (Kafka serializers, outbox settings, Flyway locations, observability) with the lowest
 * precedence, so that every service starts from the same conventions and can still override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "exchange-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("exchangePlatformDefaults",
                    new ClassPathResource(LOCATION, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("The platform defaults " + LOCATION + " are missing", e);
        }
    }
}
