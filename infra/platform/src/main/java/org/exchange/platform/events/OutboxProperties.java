package org.exchange.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox recovers and what it keeps ({@code exchange.outbox.*}).
 *
 * @param resubmitEvery how often incomplete publications are resubmitted while the service runs
 * @param staleAfter how long a publication may be on its way (published, processing, resubmitted) before it is taken
 *        for lost and resubmitted
 * @param retention how long completed publications and the inbox's processed-event rows are kept; must cover the
 *        longest redelivery of an event (the topics' retention), or a late redelivery would be handled twice
 * @param purgeEvery how often what is older than the retention is deleted
 * @param sendTimeout the longest a send may wait for the broker's acknowledgement; the producer's own
 *        {@code delivery.timeout.ms} normally ends it first
 * @param followWithin how long after the oldest unacknowledged event of a key later events of that key are still handed
 *        to the producer behind it; after that they wait in the outbox (ADR 0028)
 */
@ConfigurationProperties("exchange.outbox")
public record OutboxProperties(Duration resubmitEvery, Duration staleAfter, Duration retention, Duration purgeEvery,
        Duration sendTimeout, Duration followWithin) {

    public OutboxProperties {
        resubmitEvery = resubmitEvery == null ? Duration.ofSeconds(5) : resubmitEvery;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        retention = retention == null ? Duration.ofDays(7) : retention;
        purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        followWithin = followWithin == null ? Duration.ofSeconds(2) : followWithin;
    }
}
