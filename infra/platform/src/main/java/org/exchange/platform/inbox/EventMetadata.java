package org.exchange.platform.inbox;

import java.time.Instant;
import java.util.UUID;

/** The CloudEvents attributes of a received integration event. */
public record EventMetadata(UUID id, String type, String source, String subject, Instant time) {
}
