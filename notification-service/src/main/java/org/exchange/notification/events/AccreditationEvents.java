package org.exchange.notification.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.accreditation.ObservationRecorded;
import org.exchange.contracts.accreditation.PanelAssigned;
import org.exchange.contracts.accreditation.PanelRecommended;
import org.exchange.contracts.accreditation.ReadyForAssessment;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.preference.Category;
import org.exchange.notification.wording.Wording;
import org.exchange.platform.inbox.EventMetadata;
import org.exchange.platform.inbox.Inbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accreditation's events, told to the people they concern: the candidate of an observation, of being ready for
 * assessment and of their award; the two assessors of a panel they sit on. Category AWARD.
 */
@Component
class AccreditationEvents {

    private final Inbox inbox;
    private final Notifier notifier;
    private final String portal;

    AccreditationEvents(Inbox inbox, Notifier notifier,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String portal) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.portal = portal;
    }

    @KafkaListener(topics = Topics.ACCREDITATION)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(ObservationRecorded.class, this::observed),
                on(ReadyForAssessment.class, this::ready),
                on(PanelAssigned.class, this::panel),
                on(PanelRecommended.class, this::recommended),
                on(AwardCompleted.class, this::awarded));
    }

    private void observed(ObservationRecorded observation, EventMetadata event) {
        notifier.notify(observation.practitionerId(), Category.AWARD, "A peer assessor observed your workshop",
                person -> """
                        Hello %s,

                        A peer assessor has recorded their observation of a workshop you led, on %s%s.

                        You can read what they saw and their feedback in your portfolio, on the Awards page of the
                        portal (%s).

                        The Exchange team
                        """.formatted(person.greetingName(), Wording.date(observation.observedOn()),
                        observation.counts() ? "; it counts towards your award" : "", portal),
                event.id());
    }

    private void ready(ReadyForAssessment ready, EventMetadata event) {
        notifier.notify(ready.practitionerId(), Category.AWARD, "You are ready for assessment: " + ready.programmeTitle(),
                person -> """
                        Hello %s,

                        Well done: your portfolio now meets every requirement of the %s that comes before the
                        assessment.

                        What happens next: a programme admin names your panel, one assessor from the Academy and one
                        from your own organisation. You present your learning journey to them, and each records their
                        recommendation. Your progress is on the Awards page of the portal (%s).

                        The Exchange team
                        """.formatted(person.greetingName(), ready.programmeTitle(), portal),
                event.id());
    }

    private void panel(PanelAssigned panel, EventMetadata event) {
        for (UUID assessor : List.of(panel.academyAssessorId(), panel.organisationAssessorId())) {
            notifier.notify(assessor, Category.AWARD, "You are on an assessment panel: " + panel.candidateName(),
                    person -> """
                            Hello %s,

                            You have been named on the assessment panel of %s for the %s.

                            After their presentation, please record your recommendation (recommend, or not yet, with
                            your reasons) from the Assessment page of the portal (%s).

                            The Exchange team
                            """.formatted(person.greetingName(), panel.candidateName(), panel.programmeTitle(),
                            portal),
                    event.id());
        }
    }

    private void recommended(PanelRecommended recommended, EventMetadata event) {
        notifier.notify(recommended.practitionerId(), Category.AWARD,
                "Your panel recommends you for the " + recommended.programmeTitle(), person -> """
                        Hello %s,

                        Both assessors on your panel have recommended you for the %s.

                        What happens next: the programme team confirms your completion with ILM. When ILM has
                        confirmed it, we will tell you, and your certificate and credential will be ready on the
                        Awards page of the portal (%s).

                        The Exchange team
                        """.formatted(person.greetingName(), recommended.programmeTitle(), portal),
                event.id());
    }

    private void awarded(AwardCompleted award, EventMetadata event) {
        notifier.notify(award.practitionerId(), Category.AWARD, "Congratulations: " + award.programmeTitle(),
                person -> """
                        Hello %s,

                        Congratulations! ILM has confirmed your %s, awarded on %s.

                        Your certificate and your Open Badges credential, which anyone can verify, are ready to
                        download from the Awards page of the portal (%s). The award also makes you eligible for the
                        Learning Exchange, our community of practice: you can apply from the Membership page.

                        The Exchange team
                        """.formatted(person.greetingName(), award.programmeTitle(), Wording.date(award.awardedOn()),
                        portal),
                event.id());
    }
}
