package org.exchange.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration event on its way out: the CloudEvents attributes and the payload. It is what the event publication
 * registry stores in the service's database inside the business transaction, so a re-publication after a crash sends
 * the very same id.
 *
 * @param id the CloudEvents id, unique per event; consumers remember it to stay idempotent
 * @param type the CloudEvents type, such as {@code membership.PractitionerRegistered.v1}
 * @param source the publishing service, as a URI reference such as {@code /membership-service}
 * @param subject the aggregate the event is about; also the Kafka record key, so its events stay in order
 * @param time when the fact happened
 * @param topic the topic of the publishing context
 * @param dataSchema where the payload's JSON schema lives in the contracts module
 * @param data the payload, a record from the contracts module
 * @param traceParent the W3C {@code traceparent} of the request that committed the fact, or null outside a trace: the
 *        publish to Kafka, later and on another thread, continues that trace ({@link EventTracing})
 */
public record IntegrationEvent(
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String topic,
        String dataSchema,
        Object data,
        String traceParent) {
}
