package org.exchange.exchange.meeting;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * Several of a group's meetings scheduled at once, all or none; the group's members are told of them in one notice.
 *
 * @param batchId the id every meeting's {@code MeetingScheduled} carries, or null for a batch of one (told as a meeting
 *     scheduled on its own)
 * @param meetings the meetings, in the order they were given
 */
public record MeetingBatch(UUID batchId, List<Meeting> meetings) {

    /** The most meetings one batch schedules: a group meets four times or more over four to twelve months. */
    public static final int MOST = 12;

    public MeetingBatch {
        meetings = List.copyOf(meetings);
    }

    /** Two meetings of a group at the same time are a slip of the form, not a plan. */
    static void requireDistinctStarts(List<Meeting.Slot> slots) {
        Set<Instant> starts = new HashSet<>();
        for (int row = 0; row < slots.size(); row++) {
            if (!starts.add(slots.get(row).startsAt())) {
                throw new InvalidRequestException("meetings[" + row + "].when.startsAt", "Meeting " + (row + 1)
                        + " starts at the same time as an earlier one of the batch");
            }
        }
    }

    /**
     * What a row of the batch yields; a rule it breaks is answered naming the row ({@code meetings[2].when}), so that the
     * form can show it there. A row index below 0 is a meeting scheduled on its own, answered as before.
     */
    static <T> T row(int index, Supplier<T> work) {
        if (index < 0) {
            return work.get();
        }
        try {
            return work.get();
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("meetings[" + index + "]" + (e.field() == null ? "" : "." + e.field()),
                    "Meeting " + (index + 1) + ": " + e.getMessage());
        }
    }
}
