package org.exchange.contracts.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exchange.contracts.EventType;
import org.exchange.contracts.Topics;

/**
 * Who receives which events, read from the services' own code rather than written down a second time: each
 * {@code @KafkaListener(topics = Topics.X)} class of a {@code *-service} module and the contract classes it hands to
 * the inbox with {@code on(Event.class, ...)}.
 */
record Subscriptions(List<Subscription> all) {

    /** A service's consumer group reading one topic, and the event types it handles there. */
    record Subscription(String service, String topic, List<Class<?>> events) {
    }

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(\\s*topics\\s*=\\s*Topics\\.(\\w+)");
    private static final Pattern HANDLER = Pattern.compile("\\bon\\(\\s*(\\w+)\\.class");
    private static final Pattern CONTRACT_IMPORT = Pattern.compile("import\\s+(org\\.exchange\\.contracts\\.\\w+\\.(\\w+));");

    /** Reads every service module directly below the repository root. */
    static Subscriptions readFrom(Path repositoryRoot) {
        List<Subscription> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repositoryRoot)) {
            for (Path module : modules.filter(Subscriptions::isService).sorted().toList()) {
                found.addAll(listenersOf(module));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Subscription::topic).thenComparing(Subscription::service));
        return new Subscriptions(List.copyOf(found));
    }

    /** The services that receive an event type, in name order. */
    List<String> receiversOf(Class<?> event) {
        return all.stream().filter(subscription -> subscription.events().contains(event))
                .map(Subscription::service).distinct().sorted().toList();
    }

    private static boolean isService(Path module) {
        return module.getFileName().toString().endsWith("-service") && Files.isDirectory(module.resolve("src/main/java"));
    }

    private static List<Subscription> listenersOf(Path module) throws IOException {
        String service = module.getFileName().toString();
        List<Subscription> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String code = Files.readString(source);
                Matcher listener = LISTENER.matcher(code);
                if (!listener.find()) {
                    continue;
                }
                String topic = topic(listener.group(1));
                if (listener.find()) {
                    throw new IllegalStateException(source + " listens to more than one topic: keep one listener per"
                            + " topic and class, so that the AsyncAPI document can say who receives what");
                }
                found.add(new Subscription(service, topic, handledEvents(source, code, topic)));
            }
        }
        return found;
    }

    private static List<Class<?>> handledEvents(Path source, String code, String topic) {
        Set<Class<?>> events = new LinkedHashSet<>();
        Matcher handler = HANDLER.matcher(code);
        while (handler.find()) {
            Class<?> event = contractClass(source, code, handler.group(1));
            if (!Topics.of(event.getAnnotation(EventType.class).context()).equals(topic)) {
                throw new IllegalStateException(source + " handles " + event.getName() + " on " + topic);
            }
            events.add(event);
        }
        if (events.isEmpty()) {
            throw new IllegalStateException(source + " listens to " + topic + " but names no on(Event.class, ...)"
                    + " handler that Subscriptions can read; teach it the new style");
        }
        return List.copyOf(events);
    }

    private static Class<?> contractClass(Path source, String code, String simpleName) {
        Matcher imports = CONTRACT_IMPORT.matcher(code);
        while (imports.find()) {
            if (imports.group(2).equals(simpleName)) {
                try {
                    Class<?> event = Class.forName(imports.group(1));
                    if (event.isAnnotationPresent(EventType.class)) {
                        return event;
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(source + " imports " + imports.group(1) + ", unknown here", e);
                }
            }
        }
        throw new IllegalStateException(source + " handles " + simpleName + ", which is not an imported contract event");
    }

    private static String topic(String constant) {
        try {
            Field field = Topics.class.getField(constant);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + constant + " does not exist", e);
        }
    }
}
