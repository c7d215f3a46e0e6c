package org.exchange.exchange.interest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of interest registered by e-mail, named once ({@code exchange.interest.*}): how long a confirmation link
 * works (an unconfirmed interest is deleted after it), how soon the same interest may be sent another confirmation
 * (a repeat sooner sends nothing), how many confirmations one address may be sent in an hour, and how many
 * registrations by e-mail the whole service takes in a minute (more is answered 429).
 */
@ConfigurationProperties("exchange.interest")
public record InterestRules(Duration confirmationValidity, Duration resendAfter, Integer requestsPerAddressPerHour,
        Integer requestsPerMinute) {

    public InterestRules {
        confirmationValidity = confirmationValidity == null ? Duration.ofHours(48) : confirmationValidity;
        resendAfter = resendAfter == null ? Duration.ofMinutes(10) : resendAfter;
        requestsPerAddressPerHour = requestsPerAddressPerHour == null ? 3 : requestsPerAddressPerHour;
        requestsPerMinute = requestsPerMinute == null ? 30 : requestsPerMinute;
        if (confirmationValidity.isNegative() || confirmationValidity.isZero() || resendAfter.isNegative()
                || requestsPerAddressPerHour < 1 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("exchange.interest needs a confirmation link that works for a while and "
                    + "at least one registration by e-mail an hour and a minute");
        }
    }
}
