package org.exchange.platform.inbox;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.exchange.contracts.EventTypes;

/**
 * What a consumer does with one type of integration event.
 *
 * @param <T> the contracts record the payload is read into
 */
public record EventHandler<T>(Class<T> payloadType, String eventType, BiConsumer<T, EventMetadata> action) {

    /** Handles the payload alone. */
    public static <T> EventHandler<T> on(Class<T> payloadType, Consumer<T> action) {
        return new EventHandler<>(payloadType, EventTypes.typeName(payloadType), (payload, meta) -> action.accept(payload));
    }

    /** Handles the payload with its CloudEvents attributes. */
    public static <T> EventHandler<T> on(Class<T> payloadType, BiConsumer<T, EventMetadata> action) {
        return new EventHandler<>(payloadType, EventTypes.typeName(payloadType), action);
    }
}
