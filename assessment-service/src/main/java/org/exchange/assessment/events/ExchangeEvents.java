package org.exchange.assessment.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.assessment.directory.Directory;
import org.exchange.assessment.directory.Directory.GroupStatus;
import org.exchange.assessment.directory.EvidenceKind;
import org.exchange.assessment.selfassessment.SelfAssessmentService;
import org.exchange.contracts.Topics;
import org.exchange.contracts.exchange.GroupActivated;
import org.exchange.contracts.exchange.GroupClosed;
import org.exchange.contracts.exchange.GroupProposed;
import org.exchange.contracts.exchange.GroupReportingStarted;
import org.exchange.contracts.exchange.MemberJoinedGroup;
import org.exchange.contracts.exchange.MemberLeftGroup;
import org.exchange.contracts.exchange.OutcomePublished;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Exchange's events: who belongs to which group and who facilitates it (group aggregates), when a group reports or
 * closes (reviews due), a first group joined (baseline due), and outcome titles for evidence links.
 */
@Component
class ExchangeEvents {

    private final Inbox inbox;
    private final Directory directory;
    private final SelfAssessmentService assessments;
    private final Clock clock;

    ExchangeEvents(Inbox inbox, Directory directory, SelfAssessmentService assessments, Clock clock) {
        this.inbox = inbox;
        this.directory = directory;
        this.assessments = assessments;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.EXCHANGE)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(GroupProposed.class, this::proposed),
                on(GroupActivated.class, this::activated),
                on(MemberJoinedGroup.class, this::joined),
                on(MemberLeftGroup.class, left -> directory.removeMember(left.groupId(), left.practitionerId())),
                on(GroupReportingStarted.class, this::reporting),
                on(GroupClosed.class, this::closed),
                on(OutcomePublished.class, this::outcome));
    }

    /** An outcome's title, and the people who may point at it as evidence: its group's members and publisher. */
    private void outcome(OutcomePublished outcome) {
        directory.saveEvidenceTitle(EvidenceKind.OUTCOME, outcome.outcomeId(), outcome.title());
        List<UUID> owners = new ArrayList<>(outcome.groupMemberIds() == null ? List.of() : outcome.groupMemberIds());
        if (outcome.publishedBy() != null) {
            owners.add(outcome.publishedBy());
        }
        directory.saveEvidenceOwners(EvidenceKind.OUTCOME, outcome.outcomeId(), owners);
    }

    private void proposed(GroupProposed proposed) {
        directory.saveGroup(proposed.groupId(), proposed.networkId(), proposed.name(), GroupStatus.PROPOSED,
                clock.instant());
        directory.addFacilitators(proposed.groupId(), proposed.facilitatorIds());
    }

    private void activated(GroupActivated activated) {
        directory.saveGroup(activated.groupId(), activated.networkId(), activated.name(), GroupStatus.ACTIVE,
                clock.instant());
        directory.addFacilitators(activated.groupId(), activated.facilitatorIds());
        activated.memberIds().forEach(member -> joined(activated.groupId(), activated.name(), member));
    }

    private void joined(MemberJoinedGroup joined) {
        directory.knowGroup(joined.groupId(), joined.networkId(), joined.groupName(), clock.instant());
        joined(joined.groupId(), joined.groupName(), joined.practitionerId());
    }

    private void joined(UUID groupId, String groupName, UUID member) {
        if (directory.addMember(groupId, member, clock.instant())) {
            assessments.joinedGroup(member, groupId, groupName);
        }
    }

    private void reporting(GroupReportingStarted reporting) {
        directory.saveGroup(reporting.groupId(), reporting.networkId(), reporting.name(), GroupStatus.REPORTING,
                clock.instant());
        reporting.memberIds().forEach(member -> directory.addMember(reporting.groupId(), member, clock.instant()));
        assessments.groupReached(reporting.groupId(), reporting.name(), GroupStatus.REPORTING.name(),
                directory.membersOf(reporting.groupId()));
    }

    private void closed(GroupClosed closed) {
        directory.saveGroup(closed.groupId(), closed.networkId(), closed.name(), GroupStatus.CLOSED, clock.instant());
        assessments.groupReached(closed.groupId(), closed.name(), GroupStatus.CLOSED.name(),
                directory.membersOf(closed.groupId()));
    }
}
