package org.exchange.platform.deadletter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * OUT_OF_SERVICE while records of this service wait on a dead-letter topic: the service still works, but events it
 * should have acted on have not taken effect until ops replay or discard them. Readiness and liveness do not include it.
 */
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    DeadLettersHealthIndicator(DeadLetters deadLetters) {
        super("Dead letters could not be counted");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long parked = deadLetters.parked();
        builder.withDetail("consumerGroup", deadLetters.consumerGroup()).withDetail("parked", parked);
        if (parked == 0) {
            builder.up();
        } else {
            builder.status(Status.OUT_OF_SERVICE).withDetail("action", parked
                    + " records failed and are parked: see GET /actuator/deadletters, replay with POST "
                    + "/actuator/deadletters {\"action\":\"replay\"} (role ops; docs/reliability.md)");
        }
    }
}
