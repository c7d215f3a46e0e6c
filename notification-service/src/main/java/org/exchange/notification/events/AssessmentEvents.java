package org.exchange.notification.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.assessment.BaselineDue;
import org.exchange.contracts.assessment.ReviewDue;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.preference.Category;
import org.exchange.platform.inbox.EventMetadata;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Assessment's prompts: a baseline self-assessment due after joining a first group, a review due after a group. */
@Component
class AssessmentEvents {

    private final Inbox inbox;
    private final Notifier notifier;

    AssessmentEvents(Inbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @KafkaListener(topics = Topics.ASSESSMENT)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(BaselineDue.class, this::baselineDue),
                on(ReviewDue.class, this::reviewDue));
    }

    private void baselineDue(BaselineDue due, EventMetadata event) {
        notifier.notify(due.practitionerId(), Category.ASSESSMENT,
                "Your baseline self-assessment against the Professional Standards", person -> """
                        Hello %s,

                        Welcome to %s. Everyone in a Professional Exchange starts by assessing themselves against the
                        Professional Standards for Teachers and Trainers: rate each of the 20 standards on a scale of
                        1 (not yet started) to 6 (could lead others), pick a few standards to focus on, and say what
                        you want to develop, learn or improve.

                        It takes about twenty minutes, and your answers are saved as you go. Only you see your
                        ratings; facilitators and your organisation see anonymous totals of five people or more.
                        Start it from "Self-assessment" in the portal.

                        The Exchange team
                        """.formatted(person.greetingName(), due.groupName()),
                event.id());
    }

    private void reviewDue(ReviewDue due, EventMetadata event) {
        String reached = "CLOSED".equals(due.groupStatus()) ? "has closed" : "is writing up its outcome";
        notifier.notify(due.practitionerId(), Category.ASSESSMENT, "Time to review your progress", person -> """
                Hello %s,

                %s %s. This is a good moment to review your progress against the Professional Standards: the
                review starts from your last ratings, so you only change what has moved, and your progress page
                then shows the change on each standard since your baseline.

                Start it from "Self-assessment" in the portal.

                The Exchange team
                """.formatted(person.greetingName(), due.groupName(), reached),
                event.id());
    }
}
