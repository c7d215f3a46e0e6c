package org.exchange.exchange.report;

import java.util.UUID;

/**
 * What a programme report covers: one network or all, and within it one programme cycle (its groups and their
 * meetings) or one wave of it; nulls widen it.
 */
public record ReportScope(UUID networkId, UUID cycleId, Integer wave) {
}
