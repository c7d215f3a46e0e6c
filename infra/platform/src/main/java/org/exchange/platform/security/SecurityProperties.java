package org.exchange.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of a service.
 *
 * @param publicPaths request paths (Ant-style patterns) anyone may read without a token, such as a public library
 */
@ConfigurationProperties("exchange.security")
public record SecurityProperties(List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
