package org.exchange.platform.fault;

import org.exchange.contracts.EventType;

/**
 * The fault tests' integration event: the {@code seq}-th change of an aggregate.
 *
 * @param aggregate the aggregate, and so the record key
 * @param seq its number within the aggregate, from 1
 * @param poison whether the consumer fails on it while the fault is on
 */
@EventType(context = "faulttest", name = "Counted")
public record Counted(String aggregate, int seq, boolean poison) {
}
