package org.exchange.assessment.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.assessment.directory.Directory;
import org.exchange.assessment.selfassessment.SelfAssessmentService;
import org.exchange.contracts.Topics;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.platform.erasure.PlatformErasure;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Membership's events: which organisation people belong to (for org-admins' aggregates), and erasure. */
@Component
class MembershipEvents {

    private final Inbox inbox;
    private final Directory directory;
    private final SelfAssessmentService assessments;
    private final PlatformErasure platformErasure;
    private final Clock clock;

    MembershipEvents(Inbox inbox, Directory directory, SelfAssessmentService assessments, PlatformErasure platformErasure,
            Clock clock) {
        this.platformErasure = platformErasure;
        this.inbox = inbox;
        this.directory = directory;
        this.assessments = assessments;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(PractitionerRegistered.class, registered -> directory.savePerson(registered.practitionerId(),
                        registered.organisationId(), clock.instant())),
                on(PractitionerProfileUpdated.class, updated -> directory.savePerson(updated.practitionerId(),
                        updated.organisationId(), clock.instant())),
                on(PractitionerErasureRequested.class, this::erase));
    }

    /** The person's ratings and comments go; aggregates already published stay as they were, anonymous. */
    private void erase(PractitionerErasureRequested request) {
        assessments.erase(request.practitionerId());
        directory.erase(request.practitionerId(), clock.instant());
        platformErasure.forget(request.practitionerId());
    }
}
