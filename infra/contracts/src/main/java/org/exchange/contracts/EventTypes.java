package org.exchange.contracts;

/** Derives the CloudEvents type, topic and schema location of a payload class from its {@link EventType}. */
public final class EventTypes {

    private EventTypes() {
    }

    /** The {@link EventType} of a payload class, or an exception naming the class when it has none. */
    public static EventType of(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an integration event: it has no @EventType");
        }
        return type;
    }

    /** The CloudEvents {@code type} attribute, such as {@code membership.PractitionerRegistered.v1}. */
    public static String typeName(Class<?> payloadType) {
        EventType type = of(payloadType);
        return type.context() + "." + type.name() + ".v" + type.version();
    }

    /** The topic the payload's context publishes to. */
    public static String topic(Class<?> payloadType) {
        return Topics.of(of(payloadType).context());
    }

    /** The classpath location of the payload's JSON schema. */
    public static String schemaLocation(Class<?> payloadType) {
        EventType type = of(payloadType);
        return "schemas/" + type.context() + "/" + type.name() + ".v" + type.version() + ".json";
    }
}
