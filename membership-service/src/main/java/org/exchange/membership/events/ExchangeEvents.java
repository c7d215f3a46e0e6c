package org.exchange.membership.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.membership.cpd.CpdService;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Exchange's events: attended meetings and development days enter the attendee's CPD record. */
@Component
class ExchangeEvents {

    private final Inbox inbox;
    private final CpdService cpd;

    ExchangeEvents(Inbox inbox, CpdService cpd) {
        this.inbox = inbox;
        this.cpd = cpd;
    }

    @KafkaListener(topics = Topics.EXCHANGE)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record, on(AttendanceRecorded.class, cpd::attendanceRecorded));
    }
}
