package org.exchange.gateway.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The portal's files where the gateway serves them from ({@code spring.web.resources.static-locations}): the sources
 * first when the local platform runs, so that an edited page shows on reload, else the gateway's jar.
 */
@Component
public class PortalFiles {

    private final ResourceLoader resources;
    private final List<String> locations;

    PortalFiles(ResourceLoader resources,
            @Value("${spring.web.resources.static-locations:classpath:/static/}") String staticLocations) {
        this.resources = resources;
        this.locations = Arrays.stream(staticLocations.split(","))
                .map(String::strip).filter(location -> !location.isEmpty())
                .map(location -> location.endsWith("/") ? location : location + "/")
                .toList();
    }

    /** The file at this address ({@code /admin/audit.html}), from the first location that has it. */
    public Optional<Resource> find(String path) {
        if (!path.startsWith("/") || path.contains("..")) {
            return Optional.empty();
        }
        for (String location : locations) {
            Resource resource = resources.getResource(location + path.substring(1));
            if (resource.exists() && resource.isReadable()) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
