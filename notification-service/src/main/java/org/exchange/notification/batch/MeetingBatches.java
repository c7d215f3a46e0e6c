package org.exchange.notification.batch;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings a facilitator scheduled together: their events arrive one by one, and the group's members are told of them
 * in one notice once the last has arrived, once ({@link Batches}).
 */
@Service
public class MeetingBatches {

    private final Batches batches;

    MeetingBatches(Batches batches) {
        this.batches = batches;
    }

    /** A meeting of a batch, as its notice tells it. */
    public record Meeting(UUID meetingId, UUID groupId, String kind, String title, Instant startsAt, Instant endsAt,
            String timeZone, String place, int capacity, List<UUID> invited) {
    }

    /**
     * The meetings of a whole batch, in start order, and everyone any of their events invited.
     *
     * @param groupId the group they are meetings of (the first that names one)
     */
    public record Whole(UUID batchId, UUID groupId, List<Meeting> meetings, Set<UUID> invited) {
    }

    /**
     * Keeps a meeting of a batch; answers the whole batch when this meeting completes it, in the transaction that
     * handles the meeting's event (so that its notice is written with it, or not at all).
     *
     * @param size how many meetings the batch holds
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Whole> add(UUID batchId, int size, Meeting meeting) {
        return batches.add(Batches.Kind.MEETINGS_SCHEDULED, batchId, size, meeting.meetingId(), meeting.startsAt(),
                meeting, Meeting.class).map(meetings -> {
                    Set<UUID> invited = new LinkedHashSet<>();
                    meetings.forEach(each -> invited.addAll(each.invited()));
                    UUID groupId = meetings.stream().map(Meeting::groupId).filter(Objects::nonNull).findFirst()
                            .orElse(null);
                    return new Whole(batchId, groupId, meetings, invited);
                });
    }
}
