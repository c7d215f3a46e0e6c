package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin replied to a person's enquiry (sent through a network's or the Learning Exchange's contact form):
 * the reply is to be e-mailed to the person, once, and shown in their feed. One event per reply. Record key and
 * subject: enquiryId. The person is named by their subject id only; the reply's text travels because the mail carries
 * it.
 *
 * @param enquiryId the enquiry
 * @param replyId the reply
 * @param practitionerId subject id of the person who sent the enquiry
 * @param networkId the network the enquiry was sent to, or null for the Learning Exchange
 * @param networkName the network's name, or null for the Learning Exchange
 * @param subject the enquiry's subject, as the person wrote it
 * @param reply the text of the reply (plain text)
 * @param answeredAt when the reply was sent
 */
@EventType(context = "exchange", name = "EnquiryAnswered", version = 1)
public record EnquiryAnswered(
        UUID enquiryId,
        UUID replyId,
        UUID practitionerId,
        UUID networkId,
        String networkName,
        String subject,
        String reply,
        Instant answeredAt) {
}
