package org.exchange.exchange.meeting;

/** A group's own meeting, or one of the network's events. */
public enum MeetingKind {
    GROUP_MEETING, LAUNCH_EVENT, DEVELOPMENT_DAY, DISSEMINATION_EVENT;

    /** Whether it belongs to a group rather than to the whole network. */
    public boolean isGroupMeeting() {
        return this == GROUP_MEETING;
    }
}
