package org.exchange.contracts;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every class of this module annotated with {@link EventType}, found on the classpath, in type-name order. */
public final class IntegrationEventClasses {

    private IntegrationEventClasses() {
    }

    public static List<Class<?>> all() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        return scanner.findCandidateComponents("org.exchange.contracts").stream()
                .<Class<?>>map(definition -> {
                    try {
                        return Class.forName(definition.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted(Comparator.comparing(EventTypes::typeName))
                .toList();
    }
}
