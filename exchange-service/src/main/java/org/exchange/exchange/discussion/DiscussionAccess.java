package org.exchange.exchange.discussion;

import org.exchange.exchange.directory.LearningExchangeMembers;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.GroupStatus;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a discussion space, decided on every request from who is a member and a facilitator now (no
 * grant is kept, so a member who leaves loses access at once): a group's space is its confirmed members' (who read
 * and write) and its facilitators' (who also moderate); a network's space is everyone's who takes part in the network
 * (a confirmed member or a facilitator of one of its groups); programme admins moderate everywhere. A closed group's
 * space stays readable to its members, read-only, and once opened to the network its participants read it too. The
 * Learning Exchange's space is its members' (who read and write) and programme admins' (who moderate it, as
 * facilitators do a group's); a former member, whose membership lapsed, keeps reading it but no longer writes, so
 * that what they took part in stays theirs to look back on, and renewing gives them their voice back.
 */
@Component
class DiscussionAccess {

    /** What the caller may do in a space, each level including the ones before it. */
    enum Standing {
        NONE, READER, PARTICIPANT, MODERATOR;

        boolean reads() {
            return this != NONE;
        }

        boolean writes() {
            return compareTo(PARTICIPANT) >= 0;
        }

        boolean moderates() {
            return this == MODERATOR;
        }
    }

    private final GroupService groups;
    private final Discussions discussions;
    private final LearningExchangeMembers learningExchange;

    DiscussionAccess(GroupService groups, Discussions discussions, LearningExchangeMembers learningExchange) {
        this.groups = groups;
        this.discussions = discussions;
        this.learningExchange = learningExchange;
    }

    Standing of(Space space, Caller caller) {
        if (caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            return Standing.MODERATOR;
        }
        if (space.kind() == Space.Kind.LEARNING_EXCHANGE) {
            return switch (learningExchange.standing(caller.subjectId())) {
                case MEMBER -> Standing.PARTICIPANT;
                case FORMER -> Standing.READER;
                case NONE -> Standing.NONE;
            };
        }
        if (space.kind() == Space.Kind.NETWORK) {
            return discussions.takesPartIn(space.networkId(), caller.subjectId()) ? Standing.PARTICIPANT
                    : Standing.NONE;
        }
        Group group = groups.get(space.groupId());
        if (group.isFacilitatedBy(caller.subjectId())) {
            return Standing.MODERATOR;
        }
        if (groups.isMember(group.id(), caller.subjectId())) {
            return Standing.PARTICIPANT;
        }
        if (space.openedToNetwork() && discussions.takesPartIn(space.networkId(), caller.subjectId())) {
            return Standing.READER;
        }
        return Standing.NONE;
    }

    /** Whether anything may still be written in the space: a closed group's space is read-only. */
    boolean open(Space space) {
        return space.kind() != Space.Kind.GROUP || groups.get(space.groupId()).status() != GroupStatus.CLOSED;
    }
}
