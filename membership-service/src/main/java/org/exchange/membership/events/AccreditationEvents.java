package org.exchange.membership.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.membership.cpd.CpdService;
import org.exchange.membership.membership.MembershipService;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Accreditation's events: an ILM award makes its holder eligible for membership and is a CPD milestone. */
@Component
class AccreditationEvents {

    private final Inbox inbox;
    private final MembershipService memberships;
    private final CpdService cpd;

    AccreditationEvents(Inbox inbox, MembershipService memberships, CpdService cpd) {
        this.inbox = inbox;
        this.memberships = memberships;
        this.cpd = cpd;
    }

    @KafkaListener(topics = Topics.ACCREDITATION)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record, on(AwardCompleted.class, award -> {
            memberships.awardCompleted(award);
            cpd.awardCompleted(award);
        }));
    }
}
