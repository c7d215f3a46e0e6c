package org.exchange.accreditation.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.accreditation.directory.Directory;
import org.exchange.accreditation.directory.Person;
import org.exchange.accreditation.enrolment.EnrolmentService;
import org.exchange.accreditation.workshop.Workshops;
import org.exchange.contracts.Topics;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Exchange's attendance: a meeting the candidate facilitated or led enters their portfolio as a workshop; a correction
 * (same attendance id) replaces it, and one to 0 minutes or another role takes it out again. An erased person's
 * attendance is ignored.
 */
@Component
class ExchangeEvents {

    private final Inbox inbox;
    private final Workshops workshops;
    private final EnrolmentService enrolments;
    private final Directory directory;

    ExchangeEvents(Inbox inbox, Workshops workshops, EnrolmentService enrolments, Directory directory) {
        this.inbox = inbox;
        this.workshops = workshops;
        this.enrolments = enrolments;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.EXCHANGE)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record, on(AttendanceRecorded.class, this::attendance));
    }

    private void attendance(AttendanceRecorded attendance) {
        if (directory.person(attendance.practitionerId()).filter(Person::erased).isPresent()) {
            return; // an erased person's portfolio does not grow again, nor does an award kept pseudonymised change
        }
        boolean changed = workshops.attendanceRecorded(attendance.attendanceId(), attendance.practitionerId(),
                attendance.meetingId(), attendance.meetingTitle(), attendance.meetingStartsAt(), attendance.role(),
                attendance.minutes(), attendance.recordedAt());
        if (changed) {
            enrolments.workshopsChanged(attendance.practitionerId(), attendance.attendanceId());
        }
    }
}
