package org.exchange.platform.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}, for the realm role {@code ops}: list what this service parked, see one with its
 * failure, replay one or all of them to this service's consumer group, or discard one.
 */
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    static final String OPS_ROLE = "ops";
    private static final int LIST_LIMIT = 200;

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** GET: the count of parked records and the newest dead letters. */
    @ReadOperation
    Map<String, Object> list(SecurityContext caller) {
        opsOnly(caller);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consumerGroup", deadLetters.consumerGroup());
        answer.put("parked", deadLetters.parked());
        answer.put("deadLetters", deadLetters.list(LIST_LIMIT));
        return answer;
    }

    /** GET /{id}: one dead letter with its stack trace and payload. */
    @ReadOperation
    Map<String, Object> one(SecurityContext caller, @Selector long id) {
        opsOnly(caller);
        return deadLetters.detail(id).orElseThrow(() -> notFound(id));
    }

    /** POST {"action":"replay"}: replays every parked record, oldest first. */
    @WriteOperation
    Map<String, Object> all(SecurityContext caller, @Nullable String action) {
        opsOnly(caller);
        if (!"replay".equals(action)) {
            throw new InvalidRequestException("action must be \"replay\" (discard takes one dead letter at a time)");
        }
        List<DeadLetters.Replay> replays = deadLetters.replayAll();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("replayed", replays.stream().filter(DeadLetters.Replay::tookEffect).count());
        answer.put("failed", replays.stream().filter(replay -> !replay.tookEffect()).count());
        answer.put("replays", replays);
        answer.put("parked", deadLetters.parked());
        return answer;
    }

    /** POST /{id} {"action":"replay"} or {"action":"discard"}. */
    @WriteOperation
    Object act(SecurityContext caller, @Selector long id, @Nullable String action) {
        opsOnly(caller);
        if ("replay".equals(action)) {
            return deadLetters.replay(id).orElseThrow(() -> notFound(id));
        }
        if ("discard".equals(action)) {
            if (!deadLetters.discard(id)) {
                throw new NotFoundException("There is no parked dead letter " + id);
            }
            return Map.of("id", id, "discarded", true);
        }
        throw new InvalidRequestException("action must be \"replay\" or \"discard\"");
    }

    private static void opsOnly(SecurityContext caller) {
        if (caller.getPrincipal() == null || !caller.isUserInRole(OPS_ROLE)) {
            throw new ForbiddenException("Only ops may see and replay dead letters");
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no dead letter " + id);
    }
}
