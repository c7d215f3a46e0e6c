package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * Someone without an account registered interest in a subject area and a region with their e-mail address and
 * consent: the address is to be confirmed (double opt-in) before anything else is sent to it. Record key and subject:
 * interestId. The address and the one-time token travel here because notification-service sends the confirmation
 * mail and has no other way to learn them; exchange-service keeps only the token's SHA-256, and the token is void once
 * used, withdrawn or expired.
 *
 * @param interestId the pending interest
 * @param email where to send the confirmation (the only address this event carries)
 * @param confirmationToken the one-time secret of the confirmation link; it also withdraws the interest later
 * @param area the subject area or theme, as the person wrote it (such as ESOL)
 * @param region the region of the networks they would join (such as West Midlands)
 * @param expiresAt when the confirmation link stops working; an unconfirmed interest is deleted then
 * @param requestedAt when the person registered
 */
@EventType(context = "exchange", name = "InterestConfirmationRequested", version = 1)
public record InterestConfirmationRequested(
        UUID interestId,
        String email,
        String confirmationToken,
        String area,
        String region,
        Instant expiresAt,
        Instant requestedAt) {
}
